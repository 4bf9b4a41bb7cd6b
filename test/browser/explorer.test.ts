import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerAssets, explorerHtml, serveExplorer } from '../../src/node/explore.js';
import { ROOT, mediterranean, runCli, SCENARIOS } from '../helpers.js';
import { chartMarks, launchChromium, watchedPage } from './chromium.js';

/** Waits until the page's run `run` has drawn its last tick. */
async function finished(page: Page, run: number): Promise<void> {
  await page.waitForSelector(`#status[data-state=done][data-run="${run}"]`, { timeout: 240_000 });
}

const arrivalsSvg = (page: Page) => page.$eval('#chart-arms-arrivals-by-corridor g[aria-label=line]', (g) => g.outerHTML);

/** Minutes, not the default two: a browser and whole runs on a shared machine (not a timing assertion). */
const SLOW = 600_000;

describe('the explorer in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let served: Awaited<ReturnType<typeof serveExplorer>>;

  beforeAll(async () => {
    browser = await launchChromium();
    // Two years of the built-in scenario keep the runs short; the page offers it alone.
    served = await serveExplorer(explorerHtml([{ file: 'mediterranean.yaml', scenario: mediterranean({ ticks: 24 }) }], 0, await explorerAssets()), 0);
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    // When the browser could not start there is no server, and waiting for it to close would never end.
    if (served) await new Promise((done) => served.server.close(done));
  });

  it('runs the scenario tick by tick in a worker, and a slider change reruns it and changes the charts', async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const { page, watch } = await watchedPage(browser.context, (url) => url === served.url || url.startsWith('blob:'));
    await page.goto(served.url);
    // Ticks are drawn as they come: the status passes through ticks before the last.
    await page.waitForSelector('#status[data-state=running]:not([data-tick="0"])', { timeout: 240_000 });
    await finished(page, 1);
    expect(await page.getAttribute('#status', 'data-tick')).toBe('24');
    const before = await arrivalsSvg(page);
    for (const c of await chartMarks(page)) expect(c.drawn, c.id).toEqual(c.expected);
    // Both arms, one line each per corridor: the same until a slider moves.
    expect((await chartMarks(page)).find((c) => c.id === 'chart-arms-arrivals-by-corridor')!.drawn.line).toBe(6);

    await page.locator('input[data-path="legs[id=tur-grc].interception"]').fill('0.9');
    await finished(page, 2);
    expect(await page.getAttribute('#status', 'data-detail')).toBe('changed: legs[id=tur-grc].interception = 0.9');
    const after = await arrivalsSvg(page);
    expect(after).not.toBe(before);
    for (const c of await chartMarks(page)) expect(c.drawn, c.id).toEqual(c.expected);
    await page.screenshot({ path: join(ROOT, 'docs', 'explorer.png') });
    expect(watch.errors).toEqual([]);
    expect(watch.requests).toEqual([]);
    await page.close();
  }, SLOW);

  it('a static build opens from a file and runs without a server', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'migsim-explore-')), 'site');
    const { code, stderr } = await runCli(['explore', join(SCENARIOS, 'mediterranean.yaml'), '--ticks', '6', '--build', dir]);
    expect(code, stderr).toBe(0);
    const file = pathToFileURL(join(dir, 'index.html')).href;
    const { page, watch } = await watchedPage(browser.context, (url) => url === file || url.startsWith('blob:'));
    await page.goto(file);
    await finished(page, 1);
    // The folder's other valid scenarios are offered too.
    expect(await page.$$eval('#scenario option', (o) => o.length)).toBeGreaterThan(5);
    expect((await chartMarks(page)).length).toBe(4);
    expect(watch.errors).toEqual([]);
    expect(watch.requests).toEqual([]);
    await page.close();
  }, SLOW);
});
