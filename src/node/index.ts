/** Node-only parts of migsim: reading scenario files and writing results to disk. */
export { readScenarioFile, writeFilesAtomically, libraryVersion } from './files.js';
export { runFiles, summarise } from '../io/summary.js';
