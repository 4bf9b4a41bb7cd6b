import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import type { PolicyEvent } from '../engine/events.js';
import { checkReplications, summariseComparison, type CompareOptions, type Comparison, type PairRun } from '../experiment/compare.js';
import { sweepPoints, sweepTables, type SweepDesign, type SweepOptions, type SweepResult, type SweepRun } from '../experiment/sweep.js';
import { comparisonTables, stackedRunTables } from '../experiment/tables.js';
import { tableToCsv } from '../io/csv.js';
import { jsonText } from '../io/json.js';
import { indicatorsNamed } from '../metrics/indicators.js';
import type { Table } from '../metrics/table.js';
import { withFieldValues } from '../experiment/paths.js';
import { checkRunSize } from '../scenario/size.js';
import type { Scenario } from '../scenario/types.js';
import { UsageError } from './args.js';
import { libraryVersion, writeFilesAtomically, type OutputFile } from './files.js';
import { defaultWorkers, runInWorkers, type WorkerPool } from './pool.js';
import type { WorkerTask } from './worker.js';

export type Format = 'csv' | 'arrow';
export const FORMATS: readonly Format[] = ['csv', 'arrow'];

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

/** Tables as files in each format: `name.csv`, `name.arrow` (Arrow is loaded only when asked for). */
export async function tableFiles(tables: readonly Table[], formats: readonly Format[], folder = ''): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const arrow = formats.includes('arrow') ? await import('../arrow/index.js') : undefined;
  for (const t of tables) {
    if (formats.includes('csv')) files.push({ name: `${folder}${t.name}.csv`, content: tableToCsv(t) });
    if (arrow) files.push({ name: `${folder}${t.name}.arrow`, content: arrow.tableToArrow(t) });
  }
  return files;
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

const runFileName = (point: number, replication: number) => `point-${String(point).padStart(4, '0')}-rep-${String(replication).padStart(3, '0')}.json`;

/** `sweep`, over worker threads, with files that resume. Same result as `sweep` for the same inputs. */
export async function sweepInWorkers(scenario: Scenario, design: SweepDesign, options: SweepInWorkersOptions): Promise<SweepResult> {
  checkReplications(options.replications);
  const seed = options.seed ?? scenario.seed;
  const points = sweepPoints(scenario, design, seed);
  // A point's values (agents.scale, a population) can make its runs too big: refused before any run starts.
  const copies = Math.min(options.pool?.size ?? options.workers ?? defaultWorkers(), defaultWorkers());
  for (const p of points) checkRunSize(withFieldValues(scenario, p.values), `${scenario.name} at ${p.key}`, totalmem(), copies);
  const reps = options.replications;
  const total = points.length * reps;
  const runs: SweepRun[] = new Array(total);
  const runsDir = options.out === undefined ? undefined : join(options.out, 'runs');

  let resumed = 0;
  if (options.out !== undefined && runsDir !== undefined) {
    const designText = jsonText({
      library: 'migsim', version: libraryVersion(), scenario, design, seed, replications: reps, indicators: options.indicators ?? null, points,
    });
    prepareFolder(options.out, designText);
    for (const p of points) {
      for (let r = 0; r < reps; r++) {
        const file = join(runsDir, runFileName(p.index, r));
        if (existsSync(file)) {
          runs[p.index * reps + r] = readRun(readFileSync(file, 'utf8'));
          resumed++;
        }
      }
    }
  }
  options.onRun?.(resumed, total, resumed);

  const todo = points.flatMap((point) => Array.from({ length: reps }, (_, replication) => ({ point, replication })))
    .filter(({ point, replication }) => runs[point.index * reps + replication] === undefined);
  const tasks: WorkerTask[] = todo.map(({ point, replication }) => ({ kind: 'sweep', scenario, point, replication, indicators: options.indicators, modules: options.modules ?? [] }));
  let done = resumed;
  await runInWorkers<SweepRun>(tasks, {
    workers: options.workers, pool: options.pool, signal: options.signal,
    onResult: (index, run) => {
      const text = jsonText(run);
      if (runsDir !== undefined) writeFilesAtomically(runsDir, [{ name: runFileName(run.point, run.replication), content: text }], false);
      // Read back what was written, so fresh and resumed runs merge identically.
      runs[todo[index].point.index * reps + todo[index].replication] = readRun(text);
      options.onRun?.(++done, total, resumed);
    },
  });

  const result: SweepResult = { scenario, design, seed, replications: reps, points, runs };
  if (options.out !== undefined) writeFilesAtomically(options.out, await sweepFiles(result, options.formats ?? FORMATS, options.indicators));
  return result;
}

/**
 * Makes the folder ready: its design.json must be this sweep's (or absent), so
 * a rerun resumes only the same sweep; files half-written by a run that was
 * killed (hidden staging folders) are removed.
 */
export function prepareFolder(out: string, designText: string, what = 'sweep'): void {
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) if (/^\.runs\.partial-\d+$/.test(name)) rmSync(join(out, name), { recursive: true, force: true });
  const designFile = join(out, 'design.json');
  if (existsSync(designFile)) {
    if (readFileSync(designFile, 'utf8') !== designText) {
      throw new UsageError(`${out} holds the results of a different ${what} (its design.json names another scenario, parameters, replications, seed, indicators, settings or library version): choose another --out folder, or remove it`);
    }
  } else {
    writeFilesAtomically(out, [{ name: 'design.json', content: designText }]);
  }
}

/** A run file's content, with the nulls JSON wrote for NaN turned back into NaN. */
function readRun(text: string): SweepRun {
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

/** Reads `--format csv,arrow`. */
export function parseFormats(text: string | undefined, fallback: readonly Format[]): Format[] {
  if (text === undefined) return [...fallback];
  const formats = text.split(',').map((f) => f.trim());
  const bad = formats.find((f) => !FORMATS.includes(f as Format));
  if (bad !== undefined || formats.length === 0) throw new UsageError(`--format: expected csv, arrow or csv,arrow, found "${text}"`);
  return formats as Format[];
}
