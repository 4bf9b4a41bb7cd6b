import { checkReplications, summariseComparison, type CompareOptions, type PairRun } from '../experiment/compare.js';
import { formatScorecard } from '../experiment/scorecard.js';
import type { Shard } from '../experiment/shards.js';
import type { SweepDesign, SweepResult } from '../experiment/sweep.js';
import { jsonText, losslessJsonText, parseLosslessJson } from '../io/json.js';
import type { Scenario } from '../scenario/types.js';
import { comparisonFiles, FORMATS, readRun, sweepFiles, sweepSummary, sweepTaskList, sweepTaskNames, type Format, type SweepInWorkersOptions, type WorkerOptions } from './experiment.js';
import { libraryVersion } from './files.js';
import type { MergeKind } from './merge.js';
import { resultFileName, runTasks, type ShardStage, type TaskList } from './tasks.js';

/**
 * Sweeps and comparisons split over machines: each shard runs its share of the
 * tasks into its own folder, and these say how `migsim merge` joins them.
 */

export interface ShardOptions {
  /** The shard's own folder: its runs, design.json and shard.json, resumed like a sweep's. */
  out: string;
  shard: Shard;
  /** Called once with the shard's tasks already done (resumed), then after each task. */
  onTask?: (done: number, total: number, resumed: number) => void;
  /** For an experiment in stages: the stage this shard runs (kept in shard.json). */
  stage?: ShardStage;
}

/** What a shard did: how many of its tasks it found done and how many it has. */
export interface ShardRun {
  shard: Shard;
  tasks: number;
  resumed: number;
}

/**
 * One shard of a sweep: only its share of the runs, into its own folder, for
 * `migsim merge` (mergeShards) to join into the files `sweepInWorkers` writes.
 */
export async function sweepShard(scenario: Scenario, design: SweepDesign, options: Omit<SweepInWorkersOptions, 'out' | 'onRun'> & ShardOptions): Promise<ShardRun> {
  return shardRun(sweepTaskList(scenario, design, options).list, options);
}

/**
 * One shard of a comparison: its share of the replication pairs, with their
 * tables, into its own folder, for `migsim merge` to join into the files
 * `compare --out` writes.
 */
export async function compareShard(baseline: Scenario, variant: Scenario, options: Omit<CompareOptions, 'tables' | 'onPair'> & WorkerOptions & ShardOptions & { formats?: readonly Format[] }): Promise<ShardRun> {
  checkReplications(options.replications);
  const seed = options.seed ?? baseline.seed;
  const list: TaskList<PairRun> = {
    kind: 'comparison',
    design: jsonText({ library: 'migsim', version: libraryVersion(), baseline, variant, seed, replications: options.replications, indicators: options.indicators ?? null, uncertain: options.uncertain ?? null }),
    names: comparisonTaskNames(options.replications),
    task: (replication) => ({ kind: 'pair', baseline, variant, seed, replication, indicators: options.indicators, tables: true, uncertain: options.uncertain, modules: options.modules ?? [] }),
    encode: losslessJsonText,
    decode: (text) => parseLosslessJson(text) as PairRun,
  };
  return shardRun(list, options);
}

const comparisonTaskNames = (replications: number) => Array.from({ length: replications }, (_, r) => `rep-${String(r).padStart(3, '0')}`);

/** Runs a shard's tasks of a list, writing its shard.json; how many it had and found done. */
export async function shardRun<R>(list: TaskList<R>, options: WorkerOptions & ShardOptions & { formats?: readonly Format[] }): Promise<ShardRun> {
  let tasks = 0;
  let resumed = 0;
  await runTasks(list, {
    ...options, formats: options.formats ?? FORMATS,
    onTask: (done, total, fromBefore) => {
      tasks = total;
      resumed = fromBefore;
      options.onTask?.(done, total, fromBefore);
    },
  });
  return { shard: options.shard, tasks, resumed };
}

/** How `migsim merge` joins the shards of a sweep: the same files `sweepInWorkers` writes, run files included. */
export const sweepMerge: MergeKind = {
  names(designText) {
    const d = JSON.parse(designText) as { points: unknown[]; replications: number };
    return sweepTaskNames(d.points.length, d.replications);
  },
  async merge(designText, results, formats) {
    const d = JSON.parse(designText) as Omit<SweepResult, 'runs'> & { indicators: string[] | null };
    const result: SweepResult = { scenario: d.scenario, design: d.design, seed: d.seed, replications: d.replications, points: d.points, runs: results.map(readRun) };
    const names = sweepTaskNames(d.points.length, d.replications);
    return {
      files: [
        { name: 'design.json', content: designText },
        ...results.map((content, k) => ({ name: `runs/${resultFileName(names[k])}`, content })),
        ...(await sweepFiles(result, formats, d.indicators ?? undefined)),
      ],
      summary: sweepSummary(result),
    };
  },
};

/** How `migsim merge` joins the shards of a comparison: the files `compare --out` writes. */
export const comparisonMerge: MergeKind = {
  names: (designText) => comparisonTaskNames((JSON.parse(designText) as { replications: number }).replications),
  async merge(designText, results, formats) {
    const d = JSON.parse(designText) as { baseline: Scenario; variant: Scenario; seed: number; indicators: string[] | null };
    const c = summariseComparison(d.baseline, d.variant, d.seed, results.map((text) => parseLosslessJson(text) as PairRun), d.indicators ?? undefined);
    return { files: await comparisonFiles(c, formats, d.indicators ?? undefined), summary: formatScorecard(c) };
  },
};

