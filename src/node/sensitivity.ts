import { checkRanges, type ParameterRange } from '../calibration/parameters.js';
import { checkReplications } from '../experiment/compare.js';
import { checkFieldPath, withFieldValues } from '../experiment/paths.js';
import { designPoint, type SweepRun } from '../experiment/sweep.js';
import { jsonText } from '../io/json.js';
import { indicatorsNamed } from '../metrics/indicators.js';
import type { Table } from '../metrics/table.js';
import type { Scenario } from '../scenario/types.js';
import { formatTable } from '../sensitivity/format.js';
import { sensitivityDesign, sensitivityTable, type SensitivityDesign, type SensitivityMethod, type SensitivityOutput } from '../sensitivity/analysis.js';
import { FORMATS, tableFiles, type Format, type WorkerOptions } from './experiment.js';
import { libraryVersion, writeFilesAtomically, type OutputFile } from './files.js';
import type { MergeKind } from './merge.js';
import { shardRun, type ShardOptions, type ShardRun } from './shards.js';
import { resultFileName, runTasks, type TaskList } from './tasks.js';

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

interface SensitivitySetup {
  scenario: Scenario;
  parameters: ParameterRange[];
  indicators: IndicatorChoice[];
  method: SensitivityMethod;
  seed: number;
  replications: number;
}

/** Task k runs design point floor(k / replications), replication k mod replications. */
function sensitivityTaskList(setup: SensitivitySetup, modules: readonly string[] = []): TaskList<SweepRun> {
  const { scenario, parameters, indicators, method, seed, replications } = setup;
  const { values } = sensitivityDesign(parameters, method, { scenario: scenario.name, seed });
  const points = values.map((v, index) => designPoint(scenario, index, v, seed));
  const names = indicatorsNamed(indicators.map((i) => i.name)).map((i) => i.name);
  return {
    kind: 'sensitivity analysis',
    design: jsonText({ library: 'migsim', version: libraryVersion(), scenario, parameters, indicators, method, seed, replications }),
    names: sensitivityTaskNames(points.length, replications),
    task: (k) => ({ kind: 'sweep', scenario, point: points[Math.floor(k / replications)], replication: k % replications, indicators: names, modules }),
    encode: jsonText,
    decode: (text) => JSON.parse(text) as SweepRun,
  };
}

const sensitivityTaskNames = (points: number, replications: number) => Array.from({ length: points * replications }, (_, k) =>
  `point-${String(Math.floor(k / replications)).padStart(5, '0')}-rep-${String(k % replications).padStart(3, '0')}`);

/** The analysis, checked before anything runs. */
function sensitivitySetup(scenario: Scenario, parameters: readonly ParameterRange[], indicators: readonly IndicatorChoice[], method: SensitivityMethod, options: SensitivityOptions): SensitivitySetup {
  checkRanges(parameters);
  for (const p of parameters) {
    checkFieldPath(scenario, p.path);
    withFieldValues(scenario, { [p.path]: p.low });
    withFieldValues(scenario, { [p.path]: p.high });
  }
  const notRun = indicatorsNamed(indicators.map((i) => i.name)).find((i) => i.level !== 'run');
  if (notRun) throw new Error(`indicator ${notRun.name} compares two runs; sensitivity analysis needs indicators of one run`);
  const replications = options.replications ?? 1;
  checkReplications(replications);
  return { scenario, parameters: [...parameters], indicators: [...indicators], method, seed: options.seed ?? scenario.seed, replications };
}

/** The indices from every run, in task order. */
function sensitivityResult(setup: SensitivitySetup, runs: readonly SweepRun[]): SensitivityResult {
  const { scenario, parameters, indicators, method, seed, replications } = setup;
  const identity = { scenario: scenario.name, seed };
  const { design, values } = sensitivityDesign(parameters, method, identity);
  const outputs: SensitivityOutput[] = indicators.flatMap(({ name, key }) => {
    const keys = key !== undefined ? [key] : Object.keys(runs[0].indicators[name]);
    return keys.map((k) => {
      if (!(k in runs[0].indicators[name])) throw new Error(`indicator ${name} has no key "${k}" in this scenario (keys: ${Object.keys(runs[0].indicators[name]).join(', ')})`);
      return {
        indicator: name, key: k,
        values: values.map((_, p) => runs.slice(p * replications, (p + 1) * replications).reduce((s, r) => s + (r.indicators[name][k] ?? Number.NaN), 0) / replications),
      };
    });
  });
  const indices = sensitivityTable(parameters, method, design, outputs, identity);
  return { scenario, parameters, method, seed, replications, design, values, outputs, indices };
}

/**
 * Global sensitivity analysis of run indicators to scenario field paths, each
 * design point run on worker threads with the seed of its values (as in
 * sweeps). With `out`, every run is kept as it finishes; a rerun resumes.
 */
export async function sensitivityInWorkers(scenario: Scenario, parameters: readonly ParameterRange[], indicators: readonly IndicatorChoice[], method: SensitivityMethod, options: SensitivityOptions = {}): Promise<SensitivityResult> {
  const setup = sensitivitySetup(scenario, parameters, indicators, method, options);
  const runs = await runTasks(sensitivityTaskList(setup, options.modules), { ...options, onTask: options.onProgress });
  const result = sensitivityResult(setup, runs);
  if (options.out !== undefined) writeFilesAtomically(options.out, await sensitivityFiles(result, options.formats ?? ['csv']));
  return result;
}

/** One shard of a sensitivity analysis: its share of the runs into its own folder, for `migsim merge`. */
export async function sensitivityShard(scenario: Scenario, parameters: readonly ParameterRange[], indicators: readonly IndicatorChoice[], method: SensitivityMethod, options: Omit<SensitivityOptions, 'out' | 'onProgress'> & ShardOptions): Promise<ShardRun> {
  return shardRun(sensitivityTaskList(sensitivitySetup(scenario, parameters, indicators, method, options), options.modules), { ...options, formats: options.formats ?? ['csv'] });
}

/** How `migsim merge` joins the shards of a sensitivity analysis: the same files `sensitivityInWorkers` writes, runs included. */
export const sensitivityMerge: MergeKind = {
  names: (designText) => namesOfDesign(designText),
  async merge(designText, results, formats) {
    const setup = JSON.parse(designText) as SensitivitySetup;
    const result = sensitivityResult(setup, results.map((text) => JSON.parse(text) as SweepRun));
    const names = namesOfDesign(designText);
    return {
      files: [
        { name: 'design.json', content: designText },
        ...results.map((content, k) => ({ name: `runs/${resultFileName(names[k])}`, content })),
        ...(await sensitivityFiles(result, formats)),
      ],
      summary: `${formatTable(result.indices)}\n\n${results.length} runs`,
    };
  },
};

function namesOfDesign(designText: string): string[] {
  const d = JSON.parse(designText) as SensitivitySetup;
  return sensitivityTaskNames(sensitivityDesign(d.parameters, d.method, { scenario: d.scenario.name, seed: d.seed }).values.length, d.replications);
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
