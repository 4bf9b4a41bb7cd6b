import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Scenario } from '../scenario/types.js';
import { bundleExplorer, type ExplorerAssets } from './explorer-bundle.js';

/** The explorer's scripts: bundled by `npm run build` into dist/explorer/, or bundled now when running from the sources. */
export async function explorerAssets(): Promise<ExplorerAssets> {
  const page = new URL('../explorer/page.js', import.meta.url);
  const worker = new URL('../explorer/worker.js', import.meta.url);
  if (existsSync(page) && existsSync(worker)) return { page: readFileSync(page, 'utf8'), worker: readFileSync(worker, 'utf8') };
  return bundleExplorer();
}

/** JSON safe inside a <script> element: "</" cannot end it early. */
const inline = (value: unknown) => JSON.stringify(value).replace(/<\//g, '<\\/');

/**
 * The explorer as one HTML page holding everything: the scenarios offered,
 * the page's script and the worker's (started from a Blob, which also works
 * for a page opened from a file). No request leaves the page.
 */
export function explorerHtml(scenarios: ReadonlyArray<{ file: string; scenario: Scenario }>, selected: number, assets: ExplorerAssets): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>migsim explorer</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;display:grid;grid-template-columns:330px 1fr;min-height:100vh}
aside{background:#f4f5f7;padding:1em;border-right:1px solid #ddd;overflow:auto;max-height:100vh;box-sizing:border-box}
main{padding:1em 1.5em;min-width:0}h1{font-size:1.2em;margin:0 0 .6em}select,button{font:inherit;margin:.2em 0 .6em;max-width:100%}
details{margin:.4em 0}summary{font-weight:600;cursor:pointer}.slider{display:grid;grid-template-columns:1fr 90px 48px;gap:4px;align-items:center;font-size:12px}
.slider span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}#status{font-size:13px;color:#555;margin-bottom:.8em}figure{margin:0 0 1.5em}figcaption{font-weight:600}
</style></head>
<body>
<aside>
<h1>migsim explorer</h1>
<label>Scenario<br><select id="scenario"></select></label><br>
<label>Persons per agent (coarser runs faster)<br><select id="scale"></select></label><br>
<button id="reset" type="button">Reset sliders</button>
<p style="font-size:12px;color:#555">The baseline is the scenario as its file says; the variant has the sliders' values, with the baseline's random numbers (common random numbers).</p>
<div id="controls"></div>
</aside>
<main>
<div id="status" data-state="loading">Loading…</div>
<div id="charts"></div>
</main>
<script type="application/json" id="migsim-scenarios">${inline({ scenarios, selected })}</script>
<script>var MIGSIM_WORKER_SOURCE = ${inline(assets.worker)};</script>
<script>${assets.page}</script>
</body></html>
`;
}

/** Serves the page on the loopback address only; port 0 picks a free one. */
export async function serveExplorer(html: string, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url !== '/' && request.url !== '/index.html')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}
