import { join } from 'node:path';
import { checkRanges, type ParameterRange } from '../calibration/parameters.js';
import { checkReplications } from '../experiment/compare.js';
import { checkFieldPath, withFieldValues } from '../experiment/paths.js';
import { designPoint, type SweepRun } from '../experiment/sweep.js';
import { jsonText } from '../io/json.js';
import { indicatorsNamed } from '../metrics/indicators.js';
import type { Table } from '../metrics/table.js';
import type { Scenario } from '../scenario/types.js';
import { sensitivityDesign, sensitivityTable, type SensitivityDesign, type SensitivityMethod, type SensitivityOutput } from '../sensitivity/analysis.js';
import { FORMATS, tableFiles, type Format, type WorkerOptions } from './experiment.js';
import { libraryVersion, writeFilesAtomically, type OutputFile } from './files.js';
import { WorkerPool, defaultWorkers } from './pool.js';
import { prepareFolder } from './tasks.js';
import { runKeptTasks } from './task-files.js';

/** An indicator to analyse, and optionally one key of it (a route, a corridor); without a key, every key it has. */
export interface IndicatorChoice {
  name: string;
  key?: string;
}

export interface SensitivityOptions extends WorkerOptions {
  /** Runs of each design point; its output is their mean. Default 1. */
  replications?: number;
  seed?: number;
  out?: string;
  formats?: readonly Format[];
  onProgress?: (done: number, of: number, resumed: number) => void;
}

export interface SensitivityResult {
  scenario: Scenario;
  parameters: ParameterRange[];
  method: SensitivityMethod;
  seed: number;
  replications: number;
  design: SensitivityDesign;
  values: Array<Record<string, number>>;
  outputs: SensitivityOutput[];
  indices: Table;
}

/**
 * Global sensitivity analysis of run indicators to scenario field paths, each
 * design point run on worker threads with the seed of its values (as in
 * sweeps). With `out`, every run is kept as it finishes; a rerun resumes.
 */
export async function sensitivityInWorkers(scenario: Scenario, parameters: readonly ParameterRange[], indicators: readonly IndicatorChoice[], method: SensitivityMethod, options: SensitivityOptions = {}): Promise<SensitivityResult> {
  checkRanges(parameters);
  for (const p of parameters) {
    checkFieldPath(scenario, p.path);
    withFieldValues(scenario, { [p.path]: p.low });
    withFieldValues(scenario, { [p.path]: p.high });
  }
  const named = indicatorsNamed(indicators.map((i) => i.name));
  const notRun = named.find((i) => i.level !== 'run');
  if (notRun) throw new Error(`indicator ${notRun.name} compares two runs; sensitivity analysis needs indicators of one run`);
  const replications = options.replications ?? 1;
  checkReplications(replications);
  const seed = options.seed ?? scenario.seed;
  const identity = { scenario: scenario.name, seed };
  const { design, values } = sensitivityDesign(parameters, method, identity);
  const points = values.map((v, index) => designPoint(scenario, index, v, seed));
  if (options.out !== undefined) {
    prepareFolder(options.out, jsonText({ library: 'migsim', version: libraryVersion(), scenario, parameters, indicators, method, seed, replications }), 'sensitivity analysis');
  }
  const pool = options.pool ?? new WorkerPool(options.workers ?? defaultWorkers());
  try {
    const names = named.map((i) => i.name);
    let done = 0;
    let resumed = 0;
    const tasks = points.flatMap((point) => Array.from({ length: replications }, (_, r) => ({
      file: `point-${String(point.index).padStart(5, '0')}-rep-${String(r).padStart(3, '0')}.json`,
      task: { kind: 'sweep' as const, scenario, point, replication: r, indicators: names, modules: options.modules ?? [] },
    })));
    const runs = await runKeptTasks<SweepRun>(tasks, {
      folder: options.out === undefined ? undefined : join(options.out, 'runs'), pool, signal: options.signal,
      onResumed: (n) => options.onProgress?.((done = resumed = n), tasks.length, resumed),
      onResult: () => options.onProgress?.(++done, tasks.length, resumed),
    });
    const outputs: SensitivityOutput[] = indicators.flatMap(({ name, key }) => {
      const keys = key !== undefined ? [key] : Object.keys(runs[0].indicators[name]);
      return keys.map((k) => {
        if (!(k in runs[0].indicators[name])) throw new Error(`indicator ${name} has no key "${k}" in this scenario (keys: ${Object.keys(runs[0].indicators[name]).join(', ')})`);
        return {
          indicator: name, key: k,
          values: points.map((_, p) => runs.slice(p * replications, (p + 1) * replications).reduce((s, r) => s + (r.indicators[name][k] ?? Number.NaN), 0) / replications),
        };
      });
    });
    const indices = sensitivityTable(parameters, method, design, outputs, identity);
    const result: SensitivityResult = { scenario, parameters: [...parameters], method, seed, replications, design, values, outputs, indices };
    if (options.out !== undefined) writeFilesAtomically(options.out, await sensitivityFiles(result, options.formats ?? ['csv']));
    return result;
  } finally {
    if (!options.pool) await pool.close();
  }
}

/** The indices table, `design` (every point's values and outputs) and `sensitivity.json`. */
export async function sensitivityFiles(result: SensitivityResult, formats: readonly Format[] = FORMATS): Promise<OutputFile[]> {
  const paths = result.parameters.map((p) => p.path);
  const design: Table = {
    name: 'design',
    columns: ['point', ...paths, ...result.outputs.map((o) => (o.key === '' ? o.indicator : `${o.indicator}:${o.key}`))],
    rows: result.values.map((v, k) => [k, ...paths.map((p) => v[p]), ...result.outputs.map((o) => o.values[k])]),
  };
  const files = await tableFiles([result.indices, design], formats);
  files.push({
    name: 'sensitivity.json',
    content: jsonText({
      library: 'migsim', version: libraryVersion(), scenario: result.scenario.name, parameters: result.parameters, method: result.method,
      seed: result.seed, replications: result.replications, points: result.values.length,
      seeds: 'design point p runs with the seed derived from (scenario, seed, the point\'s values), as in sweeps',
    }),
  });
  return files;
}
