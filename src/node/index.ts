/** Node-only parts of migsim: reading scenario files, writing results to disk, running experiments over worker threads. */
export { readScenarioFile, writeFilesAtomically, libraryVersion, type OutputFile } from './files.js';
export { compareInWorkers, sweepInWorkers, comparisonFiles, sweepFiles, tableFiles, FORMATS, type Format, type WorkerOptions, type SweepInWorkersOptions } from './experiment.js';
export { Interrupted, WorkerPool, defaultWorkers } from './pool.js';
export { runFiles, summarise } from '../io/summary.js';
export { readFleeFolder, readFleeSettingsFile } from './flee-files.js';
export { sweepShard, compareShard, sweepMerge, comparisonMerge, type ShardOptions, type ShardRun } from './shards.js';
export { mergeShards, ShardMismatch, type MergeKind } from './merge.js';
export { runTasks, type TaskList, type TaskRunOptions, type ShardRecord } from './tasks.js';
export { calibrateInWorkers, calibrationFiles, calibrationTables, type CalibrateOptions, type CalibrationResult, type CalibrationMethod } from './calibrate.js';
export { sensitivityInWorkers, sensitivityFiles, type SensitivityOptions, type SensitivityResult, type IndicatorChoice } from './sensitivity.js';
export { readObservedFile } from './observed-files.js';
export { chartDocument } from './dom.js';
export { readResults, writeReport } from './report.js';
export { explorerHtml, serveExplorer, explorerAssets } from './explore.js';
