import { totalmem } from 'node:os';
import type { PolicyEvent } from '../engine/events.js';
import { checkReplications, summariseComparison, type CompareOptions, type Comparison, type PairRun } from '../experiment/compare.js';
import { sweepPoints, sweepTables, type SweepDesign, type SweepOptions, type SweepPoint, type SweepResult, type SweepRun } from '../experiment/sweep.js';
import { comparisonTables, stackedRunTables } from '../experiment/tables.js';
import { jsonText } from '../io/json.js';
import { indicatorsNamed } from '../metrics/indicators.js';
import { withFieldValues } from '../experiment/paths.js';
import { checkRunSize } from '../scenario/size.js';
import type { Scenario } from '../scenario/types.js';
import { libraryVersion, writeFilesAtomically, type OutputFile } from './files.js';
import { FORMATS, tableFiles, type Format } from './table-files.js';
import { defaultWorkers, runInWorkers, type WorkerPool } from './pool.js';
import { runTasks, type TaskList } from './tasks.js';
import type { WorkerTask } from './worker.js';

export { FORMATS, parseFormats, tableFiles, type Format } from './table-files.js';

export interface WorkerOptions {
  /** Worker threads; default: every core. Results do not depend on it. */
  workers?: number;
  /** A pool to run on, kept open for further experiments (`workers` is then its size). */
  pool?: WorkerPool;
  /** Module URLs each worker imports first: those registering policy types or indicators of your own. */
  modules?: readonly string[];
  /** Aborting stops the runs; what finished is kept (a sweep's run files) and Interrupted is thrown. */
  signal?: AbortSignal;
}

/** `compare`, with the replication pairs spread over worker threads. Same result as `compare` for the same inputs. */
export async function compareInWorkers(baseline: Scenario, variant: Scenario, options: CompareOptions & WorkerOptions): Promise<Comparison> {
  checkReplications(options.replications);
  const seed = options.seed ?? baseline.seed;
  const tasks: WorkerTask[] = Array.from({ length: options.replications }, (_, replication) => ({
    kind: 'pair', baseline, variant, seed, replication, indicators: options.indicators, tables: options.tables ?? false, modules: options.modules ?? [], uncertain: options.uncertain,
  }));
  const runs: PairRun[] = [];
  await runInWorkers<PairRun>(tasks, {
    workers: options.workers, pool: options.pool, signal: options.signal,
    onResult: (index, run) => {
      runs[index] = run;
      options.onPair?.(runs.filter(Boolean).length, tasks.length);
    },
  });
  return summariseComparison(baseline, variant, seed, runs, options.indicators);
}

function indicatorDefinitions(names?: readonly string[]) {
  return indicatorsNamed(names).map(({ name, level, description, formula, unit, by }) => ({ name, level, description, formula, unit, by: by ?? null }));
}

/**
 * The files of a comparison: `comparison` (the scorecard) and `replications`
 * (both arms' values in every replication) as tables, each run's per-tick
 * tables stacked under `tables/` (when the comparison kept them), and
 * `comparison.json`: both scenarios, the seed, the library version, the
 * indicators' formulas and every run's policy events, enough to reproduce it.
 */
export async function comparisonFiles(c: Comparison, formats: readonly Format[] = FORMATS, names?: readonly string[]): Promise<OutputFile[]> {
  const files = [
    ...(await tableFiles(comparisonTables(c), formats)),
    ...(await tableFiles(stackedRunTables(c.runs), formats, 'tables/')),
  ];
  const record = {
    library: 'migsim', version: libraryVersion(), baseline: c.baseline, variant: c.variant, seed: c.seed, replications: c.replications,
    commonRandomNumbers: 'replication r of both arms runs with this seed, replication r and the baseline\'s random streams',
    indicators: indicatorDefinitions(names),
    runs: c.runs.map((r) => ({ replication: r.replication, seed: r.seed, ...(r.parameters && { parameters: r.parameters }), targetedRoutes: r.targetedRoutes, events: { baseline: r.baseline.events, variant: r.variant.events } })),
    scorecard: c.rows.map((r) => ({ indicator: r.indicator, key: r.key, level: r.level, unit: r.unit, estimate: r.estimate })),
  };
  files.push({ name: 'comparison.json', content: jsonText(record) });
  return files;
}

export interface SweepInWorkersOptions extends SweepOptions, WorkerOptions {
  /**
   * Folder for the results. Each finished run is written at once, atomically,
   * to `runs/`; a later call with the same folder and the same sweep reads
   * those back instead of running them again. At the end the merged files
   * (`runs`, `points`, `sweep.json`) are written, atomically too.
   */
  out?: string;
  formats?: readonly Format[];
  /** Called once with the runs already done (resumed), then after each run. */
  onRun?: (done: number, total: number, resumed: number) => void;
}

/** Task k of a sweep is point floor(k / replications), replication k mod replications. */
export function sweepTaskList(scenario: Scenario, design: SweepDesign, options: SweepOptions & WorkerOptions): { list: TaskList<SweepRun>; points: SweepPoint[]; seed: number } {
  checkReplications(options.replications);
  const seed = options.seed ?? scenario.seed;
  const points = sweepPoints(scenario, design, seed);
  // A point's values (agents.scale, a population) can make its runs too big: refused before any run starts.
  const copies = Math.min(options.pool?.size ?? options.workers ?? defaultWorkers(), defaultWorkers());
  for (const p of points) checkRunSize(withFieldValues(scenario, p.values), `${scenario.name} at ${p.key}`, totalmem(), copies);
  const reps = options.replications;
  const list: TaskList<SweepRun> = {
    kind: 'sweep',
    design: jsonText({ library: 'migsim', version: libraryVersion(), scenario, design, seed, replications: reps, indicators: options.indicators ?? null, points }),
    names: sweepTaskNames(points.length, reps),
    task: (k) => ({ kind: 'sweep', scenario, point: points[Math.floor(k / reps)], replication: k % reps, indicators: options.indicators, modules: options.modules ?? [] }),
    encode: jsonText,
    decode: readRun,
  };
  return { list, points, seed };
}

export const sweepTaskNames = (points: number, reps: number) => Array.from({ length: points * reps }, (_, k) =>
  `point-${String(Math.floor(k / reps)).padStart(4, '0')}-rep-${String(k % reps).padStart(3, '0')}`);

/** `sweep`, over worker threads, with files that resume. Same result as `sweep` for the same inputs. */
export async function sweepInWorkers(scenario: Scenario, design: SweepDesign, options: SweepInWorkersOptions): Promise<SweepResult> {
  const { list, points, seed } = sweepTaskList(scenario, design, options);
  const runs = await runTasks(list, { ...options, onTask: options.onRun });
  const result: SweepResult = { scenario, design, seed, replications: options.replications, points, runs };
  if (options.out !== undefined) writeFilesAtomically(options.out, await sweepFiles(result, options.formats ?? FORMATS, options.indicators));
  return result;
}

/** A sweep in a line: its name and size. */
export function sweepSummary(result: SweepResult): string {
  return `${result.scenario.name}: ${result.points.length} points x ${result.replications} replications = ${result.points.length * result.replications} runs`;
}

/** A run file's content, with the nulls JSON wrote for NaN turned back into NaN. */
export function readRun(text: string): SweepRun {
  const run = JSON.parse(text) as SweepRun;
  const nan = (v: number | null) => (v === null ? Number.NaN : v);
  for (const values of Object.values(run.indicators)) for (const k of Object.keys(values)) values[k] = nan(values[k]);
  run.events = run.events.map((e: PolicyEvent) => ({ ...e, from: nan(e.from), to: nan(e.to) }));
  return run;
}

/** The merged files of a sweep: `runs` and `points` as tables, and `sweep.json` with everything needed to reproduce it. */
export async function sweepFiles(result: SweepResult, formats: readonly Format[] = FORMATS, names?: readonly string[]): Promise<OutputFile[]> {
  const files = await tableFiles(sweepTables(result, names), formats);
  const record = {
    library: 'migsim', version: libraryVersion(), scenario: result.scenario, design: result.design, seed: result.seed, replications: result.replications,
    seeds: 'point p, replication r runs with the point\'s seed (derived from scenario, seed and the point\'s values) and replication r',
    indicators: indicatorDefinitions(names), points: result.points,
    runs: result.runs.map((r) => ({ point: r.point, replication: r.replication, seed: r.seed, events: r.events })),
  };
  files.push({ name: 'sweep.json', content: jsonText(record) });
  return files;
}
