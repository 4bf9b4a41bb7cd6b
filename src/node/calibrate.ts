import { stringify } from 'yaml';
import { checkAbcSettings, DEFAULT_ABC, type AbcSettings, type Evaluated } from '../calibration/abc.js';
import { meanSeries, seriesDistance } from '../calibration/distance.js';
import type { ObservedData } from '../calibration/observed.js';
import { DEFAULT_OPTIMISE, type OptimiseSettings } from '../calibration/optimise.js';
import { checkRanges, type ParameterRange } from '../calibration/parameters.js';
import { seriesReadings, type SeriesReading } from '../calibration/simulated.js';
import { calibrationSteps, driveCalibration, type CalibrationMethod, type CalibrationResult, type CalibrationSetup, type CalibrationStage } from '../calibration/steps.js';
import { fitTable, posteriorSummary, posteriorTable, predictiveTable } from '../calibration/tables.js';
import { checkReplications } from '../experiment/compare.js';
import { checkFieldPath, withFieldValues } from '../experiment/paths.js';
import { jsonText } from '../io/json.js';
import type { Table } from '../metrics/table.js';
import type { Scenario } from '../scenario/types.js';
import { FORMATS, tableFiles, type Format, type WorkerOptions } from './experiment.js';
import { libraryVersion, writeFilesAtomically, type OutputFile } from './files.js';
import { WorkerPool, defaultWorkers } from './pool.js';
import { runTasks, type TaskList } from './tasks.js';

export type { CalibrationMethod, CalibrationResult } from '../calibration/steps.js';

export interface CalibrateOptions extends WorkerOptions {
  method?: CalibrationMethod;
  abc?: Partial<AbcSettings>;
  optimise?: Partial<OptimiseSettings>;
  /** Runs of each parameter vector (replications 0 .. n-1); its series is their mean. Default 1. */
  replications?: number;
  /** Root seed; default: the scenario's. */
  seed?: number;
  /** Folder for the results; each finished run is kept in `runs/` so a rerun resumes. */
  out?: string;
  formats?: readonly Format[];
  /** Called as runs finish: `stage` names the generation (or evaluation) under way. */
  onProgress?: (progress: { stage: string; done: number; of: number; resumed: number }) => void;
}

/** A calibration checked before anything runs: what it runs and the text of its design.json. */
export interface CalibrationPlan {
  setup: CalibrationSetup;
  design: string;
  /** The scenario as given, which the runs use, and how they read the observed series. */
  scenario: Scenario;
  readings: SeriesReading[];
}

export function calibrationPlan(scenario: Scenario, observed: ObservedData, parameters: readonly ParameterRange[], options: CalibrateOptions): CalibrationPlan {
  const method = options.method ?? 'abc';
  const abc: AbcSettings = { ...DEFAULT_ABC, ...options.abc };
  const optimise: OptimiseSettings = { ...DEFAULT_OPTIMISE, ...options.optimise };
  if (method === 'abc') checkAbcSettings(abc);
  const replications = options.replications ?? 1;
  checkReplications(replications);
  checkRanges(parameters);
  for (const p of parameters) {
    checkFieldPath(scenario, p.path);
    withFieldValues(scenario, { [p.path]: p.low });
    withFieldValues(scenario, { [p.path]: p.high });
  }
  const readings = seriesReadings(observed, scenario);
  const seed = options.seed ?? scenario.seed;
  const design = jsonText({ library: 'migsim', version: libraryVersion(), method, scenario, observed, parameters, seed, replications, settings: method === 'abc' ? abc : optimise });
  return { setup: setupOfDesign(design), design, scenario, readings };
}

/**
 * The setup as design.json holds it. Every calibration's steps follow this
 * copy, so one machine, a resumed run and a merge of shards, which has only
 * the file, compute from the same values.
 */
export function setupOfDesign(design: string): CalibrationSetup {
  const { method, scenario, observed, parameters, seed, replications, settings } = JSON.parse(design) as CalibrationSetup;
  return { method, scenario, observed, parameters, seed, replications, settings };
}

/** A stage's runs as a task list: task k runs vector floor(k / replications), replication k mod replications. */
export function stageTaskList(plan: CalibrationPlan, stage: CalibrationStage, modules: readonly string[] = []): TaskList<number[][]> {
  const { replications } = plan.setup;
  return {
    kind: 'calibration', design: plan.design,
    names: stageRunNames(stage, replications),
    task: (k) => ({ kind: 'series', scenario: plan.scenario, point: stage.points[Math.floor(k / replications)].point, replication: k % replications, readings: plan.readings, modules }),
    encode: jsonText,
    decode: (text) => JSON.parse(text) as number[][],
  };
}

export const stageRunNames = (stage: CalibrationStage, replications: number): string[] =>
  stage.points.flatMap(({ tag }) => Array.from({ length: replications }, (_, r) => `${tag}-rep-${String(r).padStart(3, '0')}`));

/** A stage's vectors evaluated from their runs' series, in task order. */
export function stageEvaluations(setup: CalibrationSetup, stage: CalibrationStage, runs: ReadonlyArray<number[][]>): Evaluated[] {
  const { replications, observed } = setup;
  return stage.points.map(({ point }, k) => {
    const series = meanSeries(runs.slice(k * replications, (k + 1) * replications));
    return { values: point.values, distance: seriesDistance(observed, series), series };
  });
}

/**
 * Calibrates scenario field paths against observed series: ABC by adaptive
 * population Monte Carlo (a posterior sample) or Nelder–Mead (a point
 * estimate), every run on worker threads. With `out`, every run is kept as it
 * finishes and a rerun of the same calibration resumes where it stopped; the
 * same seed gives the same result whatever the number of workers, and the
 * same as its generations run as shards (calibration-shards.ts).
 */
export async function calibrateInWorkers(scenario: Scenario, observed: ObservedData, parameters: readonly ParameterRange[], options: CalibrateOptions = {}): Promise<CalibrationResult> {
  const plan = calibrationPlan(scenario, observed, parameters, options);
  const pool = options.pool ?? new WorkerPool(options.workers ?? defaultWorkers());
  try {
    const outcome = await driveCalibration(calibrationSteps(plan.setup), async (stage) => {
      const results = await runTasks(stageTaskList(plan, stage, options.modules), {
        out: options.out, pool, signal: options.signal,
        onTask: (done, of, resumed) => options.onProgress?.({ stage: stage.name, done, of, resumed }),
      });
      return stageEvaluations(plan.setup, stage, results);
    });
    if (!outcome.done) throw new Error(`the calibration stopped at ${outcome.stage.name} with its runs done`);
    if (options.out !== undefined) writeFilesAtomically(options.out, await calibrationFiles(outcome.result, options.formats ?? ['csv']));
    return outcome.result;
  } finally {
    if (!options.pool) await pool.close();
  }
}

/** Every table of a calibration, in output order. */
export function calibrationTables(result: CalibrationResult): Table[] {
  const posterior = result.populations.at(-1)?.particles;
  const tables: Table[] = [fitTable(result.observed, result.asGiven, result.best), predictiveTable(result.observed, result.asGiven, result.best, posterior)];
  if (posterior) {
    tables.push(posteriorTable(result.parameters, posterior), posteriorSummary(result.parameters, posterior));
    tables.push({
      name: 'generations', columns: ['generation', 'proposals', 'kept', 'epsilon', 'acceptance'],
      rows: result.populations.map((p) => [p.generation, p.proposals, p.particles.length, p.epsilon, p.acceptance]),
    });
  }
  if (result.evaluations.length > 0) {
    tables.push({
      name: 'evaluations', columns: ['evaluation', 'distance', ...result.parameters.map((p) => p.path)],
      rows: result.evaluations.map((e, k) => [k, e.distance, ...result.parameters.map((p) => e.values[p.path])]),
    });
  }
  return tables;
}

/**
 * The files of a calibration: its tables, `best.yaml` (the scenario with the
 * best-fitting values, a scenario file that validates) and `calibration.json`
 * (what was run, the distances, the best values: enough to reproduce it).
 */
export async function calibrationFiles(result: CalibrationResult, formats: readonly Format[] = FORMATS): Promise<OutputFile[]> {
  const files = await tableFiles(calibrationTables(result), formats);
  const setBy = result.parameters.map((p) => `#   ${p.path}: ${result.best.values[p.path]}`).join('\n');
  files.push({
    name: 'best.yaml',
    content: `# ${result.scenario.name} calibrated by migsim calibrate (${result.method === 'abc' ? 'ABC, the closest particle of the posterior' : 'Nelder-Mead'}) against ${result.observed.file}\n# distance ${result.best.distance} (as given: ${result.asGiven.distance}); values set:\n${setBy}\n${stringify(result.bestScenario)}`,
  });
  files.push({
    name: 'calibration.json',
    content: jsonText({
      library: 'migsim', version: libraryVersion(), method: result.method, scenario: result.scenario.name, observed: result.observed.file,
      parameters: result.parameters, seed: result.seed, replications: result.replications,
      distance: 'D = sqrt(mean over series of e_s^2), e_s = RMS(simulated - observed) / mean |observed| of series s',
      asGiven: { distance: result.asGiven.distance }, best: { values: result.best.values, distance: result.best.distance },
      generations: result.populations.map(({ generation, epsilon, acceptance, proposals }) => ({ generation, epsilon, acceptance, proposals })),
      evaluations: result.evaluations.length,
    }),
  });
  return files;
}

/** What `migsim calibrate` prints of a finished calibration. */
export function calibrationSummary(r: CalibrationResult): string {
  const lines = [`${r.scenario.name} calibrated against ${r.observed.file} (${r.observed.series.length} series) by ${r.method === 'abc' ? 'ABC (adaptive population Monte Carlo)' : 'Nelder-Mead'}`];
  if (r.method === 'abc') {
    const last = r.populations.at(-1)!;
    lines.push(`  ${r.populations.length} generations, ${r.populations.reduce((n, p) => n + p.proposals, 0)} parameter vectors run; final tolerance ${last.epsilon.toPrecision(3)}, acceptance ${last.acceptance.toFixed(2)}`);
  } else lines.push(`  ${r.evaluations.length} parameter vectors run`);
  lines.push(`  distance as given ${r.asGiven.distance.toPrecision(3)}, best ${r.best.distance.toPrecision(3)}`);
  for (const p of r.parameters) lines.push(`  ${p.path.padEnd(44)} best ${String(Number(r.best.values[p.path].toPrecision(4))).padStart(10)}   (range ${p.low}:${p.high})`);
  return lines.join('\n');
}
