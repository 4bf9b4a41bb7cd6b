/**
 * Splitting an experiment's tasks over machines. An experiment is an indexed
 * list of tasks (sweep runs, replication pairs, a calibration generation's
 * particles); shard I of N takes the tasks whose index is I modulo N. The
 * assignment depends on nothing but the index, so any shard can be run, or
 * rerun, alone, and interleaving spreads costly and cheap tasks evenly.
 */
export interface Shard {
  /** 0 .. count - 1, as a batch system's task index counts (Slurm arrays from 0, Kubernetes' JOB_COMPLETION_INDEX). */
  index: number;
  count: number;
}

/** Reads "I/N" (0 ≤ I < N); the error says what was expected. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new RangeError(`expected I/N (this shard's index from 0, and the number of shards), found "${text}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new RangeError(`the number of shards must be at least 1, found "${text}"`);
  if (index >= count) throw new RangeError(`the shard index counts from 0 to ${count - 1} for ${count} shards, found "${text}"`);
  return { index, count };
}

export const shardName = (s: Shard): string => `${s.index}/${s.count}`;

/** The shard that runs task `task`. */
export function shardOfTask(task: number, count: number): number {
  return task % count;
}

/** The task indices (of `total`) a shard runs, in order; all of them without a shard. */
export function tasksOfShard(total: number, shard?: Shard): number[] {
  const all = Array.from({ length: total }, (_, k) => k);
  return shard === undefined ? all : all.filter((k) => shardOfTask(k, shard.count) === shard.index);
}
