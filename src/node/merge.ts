import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { shardName, shardOfTask, tasksOfShard, type Shard } from '../experiment/shards.js';
import type { Format } from './experiment.js';
import { checkOutputFolder, MANIFEST, writeFilesAtomically, type OutputFile } from './files.js';
import { designDifference, resultFileName, type ShardRecord } from './tasks.js';

/** How the shards of one kind of experiment join into the files a run on one machine writes. */
export interface MergeKind {
  /** Every task's name, from design.json (and, for a stage of an experiment in stages, the shards' record). */
  names(design: string, record: ShardRecord): string[] | Promise<string[]>;
  /** The files, from design.json and every task's result file in task order; and what the command prints. */
  merge(design: string, results: readonly string[], formats: readonly Format[], record: ShardRecord): Promise<{ files: OutputFile[]; summary: string }>;
  /** Folders besides the shards that the merge reads (a calibration's earlier generations): it must not write into them. */
  reads?(record: ShardRecord): string[];
}

/** Shards that do not make one whole experiment: exit code 2, nothing written. */
export class ShardMismatch extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`migsim merge: nothing written:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ShardMismatch';
  }
}

/** One shard folder as found on disk. */
interface ShardFolder {
  dir: string;
  record: ShardRecord;
  design: string;
}

/**
 * Joins shard folders into `out`: checks that they are shards of one design,
 * split the same way, each given once, none missing, each holding all its
 * tasks and no other's; then writes, atomically, the files a run on one
 * machine writes. Any problem throws ShardMismatch, listing each, and nothing
 * is written.
 */
export async function mergeShards(out: string, dirs: readonly string[], kinds: Readonly<Record<string, () => Promise<MergeKind>>>, options: { force?: boolean } = {}): Promise<{ files: string[]; summary: string }> {
  checkOutputFolder(out, options.force ?? false);
  const folders = dirs.map((dir) => readShardFolder(dir, out, Object.keys(kinds)));
  const first = folders[0];
  const problems: string[] = [];
  for (const f of folders.slice(1)) {
    if (f.record.kind !== first.record.kind) problems.push(`${f.dir} holds a ${f.record.kind}, ${first.dir} a ${first.record.kind}: only shards of one experiment merge`);
    else if (f.design !== first.design) problems.push(`${f.dir} is a shard of another ${f.record.kind} than ${first.dir}: design.json differs at ${designDifference(first.design, f.design, first.dir, f.dir)}`);
    else if (f.record.shard.count !== first.record.shard.count) problems.push(`${f.dir} is shard ${shardName(f.record.shard)}, ${first.dir} is shard ${shardName(first.record.shard)}: the shards of one run are all split the same way (the same N in --shard I/N)`);
    else if (JSON.stringify(f.record.formats) !== JSON.stringify(first.record.formats)) problems.push(`${f.dir} was run with --format ${f.record.formats.join(',')}, ${first.dir} with --format ${first.record.formats.join(',')}: run every shard with the same --format`);
    else if (JSON.stringify(f.record.stage) !== JSON.stringify(first.record.stage)) problems.push(`${f.dir} runs another stage of this ${f.record.kind} than ${first.dir} (shard.json differs at ${designDifference(JSON.stringify({ stage: first.record.stage ?? null }), JSON.stringify({ stage: f.record.stage ?? null }), first.dir, f.dir)}): merge the shards of one generation, all started --from the same folder`);
  }
  if (problems.length > 0) throw new ShardMismatch(problems);

  const kind = await kinds[first.record.kind]();
  for (const dir of kind.reads?.(first.record) ?? []) {
    if (resolve(dir) === resolve(out)) throw new ShardMismatch([`${out} holds the earlier generations these shards started from (--from): merge into a folder of its own`]);
  }
  const names = await kind.names(first.design, first.record);
  const { count } = first.record.shard;
  const given = new Map<number, ShardFolder>();
  for (const f of folders) {
    const twice = given.get(f.record.shard.index);
    if (twice !== undefined) problems.push(`shard ${shardName(f.record.shard)} is given twice: ${twice.dir} and ${f.dir}`);
    else given.set(f.record.shard.index, f);
  }
  for (let index = 0; index < count; index++) {
    if (!given.has(index)) problems.push(`shard ${index}/${count} is missing: ${taskList(tasksOfShard(names.length, { index, count }).map((k) => names[k]))}`);
  }
  const results: string[] = new Array(names.length);
  const byFile = new Map(names.map((name, k) => [resultFileName(name), k]));
  for (const f of given.values()) {
    const runs = join(f.dir, 'runs');
    const present = existsSync(runs) ? readdirSync(runs).filter((name) => !name.startsWith('.')) : [];
    for (const file of present) {
      const k = byFile.get(file);
      if (k === undefined) problems.push(`${f.dir} holds ${join('runs', file)}, which is no task of this ${f.record.kind}`);
      else if (shardOfTask(k, count) !== f.record.shard.index) problems.push(`${f.dir} (shard ${shardName(f.record.shard)}) holds ${names[k]}, a task of shard ${shardOfTask(k, count)}/${count}`);
      else results[k] = readFileSync(join(runs, file), 'utf8');
    }
    const missing = tasksOfShard(names.length, f.record.shard).filter((k) => results[k] === undefined);
    if (missing.length > 0) problems.push(`${f.dir} (shard ${shardName(f.record.shard)}) is unfinished, ${missing.length} of its tasks missing: ${taskList(missing.map((k) => names[k]))}; run its command again to finish it`);
  }
  if (problems.length > 0) throw new ShardMismatch(problems);

  const { files, summary } = await kind.merge(first.design, results, first.record.formats as Format[], first.record);
  checkMergeTarget(out, first.design, first.record.kind, files, options.force ?? false);
  return { files: writeFilesAtomically(out, files), summary };
}

/**
 * A folder already there is merged into only if that leaves exactly what one
 * machine writes: not a shard folder, not another experiment's results, and,
 * without --force, no file the merge would not replace (another generation's
 * proposals.json, a stale run).
 */
function checkMergeTarget(out: string, design: string, kind: string, files: readonly OutputFile[], force: boolean): void {
  if (!existsSync(out) || !statSync(out).isDirectory()) return;
  if (existsSync(join(out, 'shard.json'))) throw new ShardMismatch([`${out} is a shard folder (it holds shard.json): merge into a folder of its own`]);
  const designFile = join(out, 'design.json');
  if (existsSync(designFile)) {
    const theirs = readFileSync(designFile, 'utf8');
    if (theirs !== design) throw new ShardMismatch([`${out} holds the results of a different ${kind} (its design.json differs at ${designDifference(theirs, design, 'that folder', 'these shards')}): choose another folder, or remove it`]);
  }
  if (force) return;
  const written = new Set(files.map((f) => f.name));
  const left = filesUnder(out).filter((name) => name !== MANIFEST && !written.has(name)).sort();
  if (left.length > 0) throw new ShardMismatch([`${out} holds ${left.length} file${left.length === 1 ? '' : 's'} this merge does not write, which would be left beside its results (${taskList(left)}): choose an empty folder, remove them, or add --force`]);
}

/** Every file under a folder, as relative paths with "/", leaving out the hidden staging folders of an interrupted write. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const name = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (/^\.[^/]*\.partial-\d+$/.test(e.name)) return [];
    return e.isDirectory() ? filesUnder(dir, name) : [name];
  });
}

function readShardFolder(dir: string, out: string, kinds: readonly string[]): ShardFolder {
  const problem = (text: string) => new ShardMismatch([`${dir} ${text}`]);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw problem('is not a folder');
  const within = relative(resolve(dir), resolve(out));
  if (!within.startsWith('..') && !within.startsWith('/')) throw problem(`is a shard folder, and ${out} is ${within === '' ? 'that folder' : 'inside it'}: merge into a folder of its own`);
  const shardFile = join(dir, 'shard.json');
  const designFile = join(dir, 'design.json');
  if (!existsSync(shardFile)) {
    throw problem(existsSync(designFile)
      ? 'holds a whole experiment run on one machine, not a shard (it has no shard.json): merge only folders written with --shard I/N'
      : 'is no shard folder of migsim (it has no shard.json): give the --out folders of commands run with --shard I/N');
  }
  let record: ShardRecord;
  try {
    record = JSON.parse(readFileSync(shardFile, 'utf8')) as ShardRecord;
  } catch {
    throw problem('has a shard.json that is not JSON: it was not written by migsim');
  }
  const s = record?.shard as Partial<Shard> | undefined;
  if (record?.library !== 'migsim' || !Number.isInteger(s?.index) || !Number.isInteger(s?.count) || !Array.isArray(record.formats)) throw problem('has a shard.json not written by migsim (expected library, kind, shard.index, shard.count and formats)');
  if (!kinds.includes(record.kind)) throw problem(`holds a shard of a "${record.kind}", which this migsim does not know how to merge (it merges ${kinds.join(', ')})`);
  if (!existsSync(designFile)) throw problem('has no design.json: its shard never started; run its command again');
  return { dir, record, design: readFileSync(designFile, 'utf8') };
}

/** Task names for a message: all of a few, the first ones of many. */
function taskList(names: readonly string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown || 'none';
}
