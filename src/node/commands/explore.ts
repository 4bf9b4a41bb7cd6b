import { readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ScenarioError } from '../../scenario/errors.js';
import type { Scenario } from '../../scenario/types.js';
import { Args, type Command } from '../args.js';
import { readScenarioFile, writeFilesAtomically } from '../files.js';
import { SIZE_OPTIONS, sized } from './common.js';

export const exploreCommand: Command = {
  async run(argv) {
    const args = new Args(argv, ['port', 'build', ...SIZE_OPTIONS]);
    const [file] = args.exactly(1, 'one scenario file');
    const port = args.wholeNumber('port', 0) ?? 4173;
    const build = args.text('build');
    const scenarios = [{ file: basename(file), scenario: sized(readScenarioFile(file), args, file) }, ...siblings(file)];
    // The page bundles (Plot, the core) are loaded only for this command.
    const { explorerAssets, explorerHtml, serveExplorer } = await import('../explore.js');
    const html = explorerHtml(scenarios, 0, await explorerAssets());
    if (build !== undefined) {
      console.log(`Wrote ${writeFilesAtomically(build, [{ name: 'index.html', content: html }])[0]} (open it in a browser; it needs no server)`);
      return;
    }
    const { server, url } = await serveExplorer(html, port);
    console.log(`migsim explorer: ${url}  (${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}; Ctrl-C to stop)`);
    await new Promise<void>((done) => {
      const stop = () => {
        server.close(() => done());
        server.closeAllConnections(); // a browser's kept-alive connection would hold the server open
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};

/** The other scenario files in the same folder that validate (a broken one is left out, not fatal). */
function siblings(file: string): Array<{ file: string; scenario: Scenario }> {
  const dir = dirname(resolve(file));
  const found: Array<{ file: string; scenario: Scenario }> = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(ya?ml|json)$/.test(name) || join(dir, name) === resolve(file)) continue;
    try {
      found.push({ file: name, scenario: readScenarioFile(join(dir, name)) });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
    }
  }
  return found;
}
