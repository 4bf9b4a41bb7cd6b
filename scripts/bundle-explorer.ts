/** `npm run build`, after tsc: bundles the explorer's page and worker into dist/explorer/ for `migsim explore`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { bundleExplorer } from '../src/node/explorer-bundle.js';

const assets = await bundleExplorer();
mkdirSync('dist/explorer', { recursive: true });
writeFileSync('dist/explorer/page.js', assets.page);
writeFileSync('dist/explorer/worker.js', assets.worker);
console.log(`explorer: page ${(assets.page.length / 1024).toFixed(0)} KB, worker ${(assets.worker.length / 1024).toFixed(0)} KB`);
