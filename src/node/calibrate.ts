import { stringify } from 'yaml';
import { abcContinues, abcPopulation, abcProposals, checkAbcSettings, DEFAULT_ABC, type AbcSettings, type Evaluated, type Population } from '../calibration/abc.js';
import { meanSeries, seriesDistance } from '../calibration/distance.js';
import type { ObservedData } from '../calibration/observed.js';
import { DEFAULT_OPTIMISE, nelderMeadStep, type OptimiseSettings } from '../calibration/optimise.js';
import { checkRanges, type ParameterRange } from '../calibration/parameters.js';
import { seriesReadings } from '../calibration/simulated.js';
import { fitTable, posteriorSummary, posteriorTable, predictiveTable } from '../calibration/tables.js';
import { checkReplications } from '../experiment/compare.js';
import { checkFieldPath, withFieldValues } from '../experiment/paths.js';
import { derivedSeed } from '../experiment/seeds.js';
import { designPoint, type SweepPoint } from '../experiment/sweep.js';
import { jsonText } from '../io/json.js';
import type { Table } from '../metrics/table.js';
import type { Scenario } from '../scenario/types.js';
import { FORMATS, tableFiles, type Format, type WorkerOptions } from './experiment.js';
import { libraryVersion, writeFilesAtomically, type OutputFile } from './files.js';
import { WorkerPool, defaultWorkers } from './pool.js';
import { runTasks, type TaskList } from './tasks.js';

export type CalibrationMethod = 'abc' | 'optimise';

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

export interface CalibrationResult {
  method: CalibrationMethod;
  scenario: Scenario;
  parameters: ParameterRange[];
  observed: ObservedData;
  seed: number;
  replications: number;
  /** The scenario as given, run the same way. */
  asGiven: Evaluated;
  best: Evaluated;
  /** ABC: each generation's kept particles; the last is the posterior sample. */
  populations: Population[];
  /** Nelder–Mead: every vector evaluated, in order. */
  evaluations: Evaluated[];
  /** The scenario with the best values set: the calibrated scenario file's content. */
  bestScenario: Scenario;
}

/**
 * Calibrates scenario field paths against observed series: ABC by adaptive
 * population Monte Carlo (a posterior sample) or Nelder–Mead (a point
 * estimate), every run on worker threads. With `out`, every run is kept as it
 * finishes and a rerun of the same calibration resumes where it stopped; the
 * same seed gives the same result whatever the number of workers.
 */
export async function calibrateInWorkers(scenario: Scenario, observed: ObservedData, parameters: readonly ParameterRange[], options: CalibrateOptions = {}): Promise<CalibrationResult> {
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
  const pool = options.pool ?? new WorkerPool(options.workers ?? defaultWorkers());
  try {
    const evaluate = async (stage: string, points: ReadonlyArray<{ tag: string; point: SweepPoint }>): Promise<Evaluated[]> => {
      const list: TaskList<number[][]> = {
        kind: 'calibration', design,
        names: points.flatMap(({ tag }) => Array.from({ length: replications }, (_, r) => `${tag}-rep-${String(r).padStart(3, '0')}`)),
        task: (k) => ({ kind: 'series', scenario, point: points[Math.floor(k / replications)].point, replication: k % replications, readings, modules: options.modules ?? [] }),
        encode: jsonText,
        decode: (text) => JSON.parse(text) as number[][],
      };
      const results = await runTasks(list, { out: options.out, pool, signal: options.signal, onTask: (done, of, resumed) => options.onProgress?.({ stage, done, of, resumed }) });
      return points.map(({ point }, k) => {
        const series = meanSeries(results.slice(k * replications, (k + 1) * replications));
        return { values: point.values, distance: seriesDistance(observed, series), series };
      });
    };
    // Nelder–Mead runs every vector with the same seeds (common random numbers), so its objective is a deterministic function the simplex can follow.
    const optimiseSeed = derivedSeed(scenario.name, seed, 'optimise');
    const asGivenPoint = designPoint(scenario, -1, {}, seed);
    const [asGiven] = await evaluate('the scenario as given', [{ tag: 'as-given', point: method === 'optimise' ? { ...asGivenPoint, seed: optimiseSeed } : asGivenPoint }]);
    const populations: Population[] = [];
    const evaluations: Evaluated[] = [];
    let best: Evaluated;
    if (method === 'abc') {
      let population: Population | undefined;
      for (let g = 0; !population || abcContinues(population, abc); g++) {
        const proposals = abcProposals(parameters, abc, { scenario: scenario.name, seed }, g, population);
        const points = proposals.map((values, i) => ({ tag: `g${String(g).padStart(2, '0')}-p${String(i).padStart(4, '0')}`, point: designPoint(scenario, i, values, seed) }));
        population = abcPopulation(parameters, abc, g, await evaluate(`generation ${g}`, points), population);
        populations.push(population);
      }
      best = population.particles[0];
    } else {
      const known = new Map<string, Evaluated>();
      const keyOf = (values: Record<string, number>) => designPoint(scenario, 0, values, seed).key;
      for (;;) {
        const step = nelderMeadStep(parameters, optimise, (v) => known.get(keyOf(v))?.distance);
        if (step.done) {
          best = known.get(keyOf(step.values))!;
          break;
        }
        const point = { ...designPoint(scenario, evaluations.length, step.values, seed), seed: optimiseSeed };
        const [e] = await evaluate(`evaluation ${evaluations.length + 1}`, [{ tag: `e${String(evaluations.length).padStart(4, '0')}`, point }]);
        known.set(point.key, e);
        evaluations.push(e);
      }
    }
    const result: CalibrationResult = {
      method, scenario, parameters: [...parameters], observed, seed, replications, asGiven, best, populations, evaluations,
      bestScenario: withFieldValues(scenario, best.values),
    };
    if (options.out !== undefined) writeFilesAtomically(options.out, await calibrationFiles(result, options.formats ?? ['csv']));
    return result;
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
