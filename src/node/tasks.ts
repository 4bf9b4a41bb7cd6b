import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { shardName, tasksOfShard, type Shard } from '../experiment/shards.js';
import { jsonText } from '../io/json.js';
import { UsageError } from './args.js';
import { writeFilesAtomically } from './files.js';
import { runInWorkers, type WorkerPool } from './pool.js';
import type { WorkerTask } from './worker.js';

/**
 * An experiment as an indexed list of tasks for the worker pool, kept in a
 * folder run by run so that it resumes, and splits into shards that
 * `migsim merge` joins. Sweeps, comparisons and any experiment of independent
 * tasks describe themselves this way and share one way to run, resume, shard
 * and merge.
 */
export interface TaskList<R> {
  /** The experiment's kind ("sweep", "comparison"); `migsim merge` finds how to merge a shard by it. */
  kind: string;
  /** The text of design.json: two folders hold the same experiment exactly when theirs are equal. */
  design: string;
  /** Task k's result is kept in runs/<names[k]>.json. */
  names: readonly string[];
  /** What a worker runs for task k. */
  task(k: number): WorkerTask;
  /** A result as its file's text, and back. Every result is read back from its text, so a fresh, a resumed and a merged run compute the same. */
  encode(result: R): string;
  decode(text: string): R;
}

export interface TaskRunOptions {
  /** The folder; without it the tasks run in memory only. */
  out?: string;
  /** Run only this shard's tasks (needs `out`). */
  shard?: Shard;
  /** Written with a shard (in shard.json): how its merge writes the tables. */
  formats?: readonly string[];
  /** Written with a shard of one stage of an experiment in stages (a calibration's generation). */
  stage?: ShardStage;
  workers?: number;
  pool?: WorkerPool;
  signal?: AbortSignal;
  /** Called once with the tasks already done (resumed), then after each task; counts are of this shard's tasks. */
  onTask?: (done: number, total: number, resumed: number) => void;
}

/** What a shard's folder says of itself, in shard.json. */
export interface ShardRecord {
  library: 'migsim';
  kind: string;
  shard: Shard;
  formats: readonly string[];
  /** Absent unless the experiment runs in stages. */
  stage?: ShardStage;
}

/** Which stage a shard runs, and the merged folder of the stages before it (absolute; null for the first). */
export interface ShardStage {
  generation: number;
  from: string | null;
}

export const resultFileName = (name: string) => `${name}.json`;

/**
 * Runs the list's tasks (only the shard's, with a shard) and gives their
 * results by task index; other shards' are absent. With a folder, tasks done
 * there before are read back instead of run again, and each new result is
 * written the moment it arrives, atomically.
 */
export async function runTasks<R>(list: TaskList<R>, options: TaskRunOptions): Promise<R[]> {
  const { out, shard } = options;
  if (shard !== undefined && out === undefined) throw new UsageError('--shard needs --out DIR: each shard keeps its runs in its own folder for `migsim merge`');
  const mine = tasksOfShard(list.names.length, shard);
  const results: R[] = new Array(list.names.length);
  const runsDir = out === undefined ? undefined : join(out, 'runs');
  let resumed = 0;
  if (out !== undefined && runsDir !== undefined) {
    prepareFolder(out, list.design, list.kind, shard === undefined ? undefined : { library: 'migsim', kind: list.kind, shard, formats: options.formats ?? [], ...(options.stage && { stage: options.stage }) });
    for (const k of mine) {
      const file = join(runsDir, resultFileName(list.names[k]));
      if (existsSync(file)) {
        results[k] = list.decode(readFileSync(file, 'utf8'));
        resumed++;
      }
    }
  }
  options.onTask?.(resumed, mine.length, resumed);
  const todo = mine.filter((k) => results[k] === undefined);
  let done = resumed;
  await runInWorkers<R>(todo.map((k) => list.task(k)), {
    workers: options.workers, pool: options.pool, signal: options.signal,
    onResult: (index, result) => {
      const k = todo[index];
      const text = list.encode(result);
      if (runsDir !== undefined) writeFilesAtomically(runsDir, [{ name: resultFileName(list.names[k]), content: text }], false);
      results[k] = list.decode(text);
      options.onTask?.(++done, mine.length, resumed);
    },
  });
  return results;
}

/**
 * Makes the folder ready: its design.json must be this experiment's (or
 * absent), and its shard.json this shard's (or absent for a whole run), so a
 * rerun resumes only the same work; files half-written by a run that was
 * killed (hidden staging folders) are removed.
 */
function prepareFolder(out: string, designText: string, kind: string, shard?: ShardRecord): void {
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) if (/^\.runs\.partial-\d+$/.test(name)) rmSync(join(out, name), { recursive: true, force: true });
  const designFile = join(out, 'design.json');
  const shardFile = join(out, 'shard.json');
  const shardText = shard === undefined ? undefined : jsonText(shard);
  if (!existsSync(designFile)) {
    // shard.json first: a folder is taken as prepared once design.json is there.
    writeFilesAtomically(out, [...(shardText === undefined ? [] : [{ name: 'shard.json', content: shardText }]), { name: 'design.json', content: designText }]);
    return;
  }
  const design = readFileSync(designFile, 'utf8');
  if (design !== designText) {
    throw new UsageError(`${out} holds the results of a different ${kind} (its design.json differs at ${designDifference(design, designText, 'that folder', 'this command')}): choose another --out folder, or remove it`);
  }
  const found = existsSync(shardFile) ? readFileSync(shardFile, 'utf8') : undefined;
  if (found === shardText) return;
  if (found === undefined) throw new UsageError(`${out} holds a whole ${kind}, not shard ${shardName(shard!.shard)}: give each shard a folder of its own`);
  const theirs = JSON.parse(found) as ShardRecord;
  if (shardText === undefined) throw new UsageError(`${out} holds shard ${shardName(theirs.shard)} of this ${kind}: run that shard again with --shard ${shardName(theirs.shard)}, join the shards with \`migsim merge\`, or choose another --out folder`);
  throw new UsageError(`${out} holds shard ${shardName(theirs.shard)} of this ${kind}, not what this command runs (shard.json differs at ${designDifference(found, shardText, 'that folder', 'this command')}): give each shard a folder of its own`);
}

/**
 * Where two JSON texts first differ, for a message: the field path and both
 * values, e.g. `seed: 1 in A, 2 in B`.
 */
export function designDifference(a: string, b: string, nameA: string, nameB: string): string {
  const show = (v: unknown) => {
    const text = v === undefined ? 'absent' : JSON.stringify(v);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  };
  const walk = (x: unknown, y: unknown, path: string): string | undefined => {
    if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object' && Array.isArray(x) === Array.isArray(y)) {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
      for (const k of keys) {
        const found = walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], Array.isArray(x) ? `${path}[${k}]` : path === '' ? k : `${path}.${k}`);
        if (found !== undefined) return found;
      }
      return Array.isArray(x) && x.length !== (y as unknown[]).length ? `${path || 'the list'}: ${x.length} entries in ${nameA}, ${(y as unknown[]).length} in ${nameB}` : undefined;
    }
    return JSON.stringify(x) === JSON.stringify(y) ? undefined : `${path || 'the whole file'}: ${show(x)} in ${nameA}, ${show(y)} in ${nameB}`;
  };
  return walk(JSON.parse(a), JSON.parse(b), '') ?? 'its formatting only';
}
