// The worker's entry when migsim runs from its TypeScript sources (tsx, vitest):
// worker threads do not inherit tsx's loader, so load the worker through it.
// Built code (dist/) starts dist/node/worker.js directly and never reads this file.
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./worker.ts', import.meta.url);
export default worker.default;
