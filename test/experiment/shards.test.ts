import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseShard, tasksOfShard } from '../../src/experiment/shards.js';
import { losslessJsonText, parseLosslessJson } from '../../src/io/json.js';
import { compiledCli } from '../compiled-cli.js';
import { filesIn, runCli, SCENARIOS } from '../helpers.js';

const MEDITERRANEAN = join(SCENARIOS, 'mediterranean.yaml');
const BALLOON = join(SCENARIOS, 'balloon.yaml');
const SIZE = ['--scale', '80000', '--ticks', '48', '--workers', '1'];
// 2 points x 2 replications = 4 runs; 2 replication pairs: 3 and 7 shards are more than a comparison has tasks, 7 more than the sweep.
const SWEEP = ['sweep', MEDITERRANEAN, '--param', 'legs[id=lby-ita].interception=0.1,0.7', '--reps', '2', '--seed', '7', ...SIZE];
const COMPARE = ['compare', MEDITERRANEAN, BALLOON, '--reps', '2', '--seed', '7', ...SIZE];
const EXPERIMENTS = [['sweep', SWEEP], ['comparison', COMPARE]] as const;
const SHARD_COUNTS = [1, 2, 3, 7];

/** Runs the jobs two at a time, as the two cores allow. */
async function twoAtATime<T>(jobs: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const k = next++;
      results[k] = await jobs[k]();
    }
  };
  await Promise.all([lane(), lane()]);
  return results;
}

function expectSameFiles(a: string, b: string): void {
  const x = filesIn(a);
  const y = filesIn(b);
  expect([...x.keys()].sort()).toEqual([...y.keys()].sort());
  for (const [name, bytes] of x) expect(bytes === y.get(name), name).toBe(true);
}

describe('shards', () => {
  it('read I/N, counting from 0', () => {
    expect(parseShard('2/7')).toEqual({ index: 2, count: 7 });
    expect(() => parseShard('7/7')).toThrow(/counts from 0 to 6 for 7 shards, found "7\/7"/);
    expect(() => parseShard('0/0')).toThrow(/at least 1/);
    expect(() => parseShard('1-3')).toThrow(/expected I\/N/);
  });

  it('split the tasks so that every task is in exactly one shard, whatever N', () => {
    for (const count of [1, 2, 3, 7, 20]) {
      const all = Array.from({ length: count }, (_, index) => tasksOfShard(13, { index, count })).flat().sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: 13 }, (_, k) => k));
    }
    expect(tasksOfShard(13, { index: 1, count: 3 })).toEqual([1, 4, 7, 10]);
  });

  it('keep every number through their intermediate files, NaN, infinities and -0 included', () => {
    const value = { a: [Number.NaN, Infinity, -Infinity, -0, 0, 0.1 + 0.2, 1e-300], b: { '~number': 'x' } };
    const back = parseLosslessJson(losslessJsonText(value)) as typeof value;
    expect(back.a.map((v) => Object.is(v, -0) ? '-0' : String(v))).toEqual(['NaN', 'Infinity', '-Infinity', '-0', '0', String(0.1 + 0.2), '1e-300']);
    expect(back.b).toEqual({ '~number': 'x' });
  });
});

const root = mkdtempSync(join(tmpdir(), 'migsim-shards-'));
const shardDir = (kind: string, count: number, index: number) => join(root, kind, `n${count}`, `shard-${index}`);
const shardDirs = (kind: string, count: number) => Array.from({ length: count }, (_, i) => shardDir(kind, count, i));
const single = (kind: string) => join(root, kind, 'single');
let copies = 0;
/** A copy of a folder, to change without spoiling the others' tests. */
function copyOf(dir: string): string {
  const copy = join(root, 'copies', String(copies++));
  cpSync(dir, copy, { recursive: true });
  return copy;
}
let migsim: Awaited<ReturnType<typeof compiledCli>>;

// Every shard of every N, each in a process of its own, and each command whole, two processes at a time.
beforeAll(async () => {
  migsim = await compiledCli();
  const jobs = EXPERIMENTS.flatMap(([kind, command]) => [
    () => migsim([...command, '--out', single(kind)]),
    ...SHARD_COUNTS.flatMap((count) => shardDirs(kind, count).map((dir, i) => () => migsim([...command, '--shard', `${i}/${count}`, '--out', dir]))),
  ]);
  for (const r of await twoAtATime(jobs)) expect(r.code, r.stderr).toBe(0);
}, 900_000);

describe.each(EXPERIMENTS)('a %s run as N shards in separate processes, then merged', (kind) => {
  it.each(SHARD_COUNTS)('equals the single run byte for byte with N = %i', async (count) => {
    const merged = join(root, kind, `merged-${count}`);
    const r = await runCli(['merge', merged, ...shardDirs(kind, count).reverse()]);
    expect(r.code, r.stderr).toBe(0);
    expectSameFiles(merged, single(kind));
  });

  it('refuses a missing shard, naming it and the tasks it holds, and writes nothing', async () => {
    const [a, , c] = shardDirs(kind, 3);
    const out = join(root, kind, 'missing');
    const r = await runCli(['merge', out, a, c]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`shard 1/3 is missing: ${kind === 'sweep' ? 'point-0000-rep-001' : 'rep-001'}`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a shard given twice', async () => {
    const [a, b] = shardDirs(kind, 2);
    const copy = copyOf(a);
    const out = join(root, kind, 'twice');
    const r = await runCli(['merge', out, a, b, copy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`shard 0/2 is given twice: ${a} and ${copy}`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses shards split differently', async () => {
    const out = join(root, kind, 'split');
    const r = await runCli(['merge', out, shardDir(kind, 2, 0), shardDir(kind, 3, 1)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${shardDir(kind, 3, 1)} is shard 1/3, ${shardDir(kind, 2, 0)} is shard 0/2: the shards of one run are all split the same way`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unfinished shard, listing its missing tasks', async () => {
    const cut = copyOf(shardDir(kind, 2, 1));
    const [lost] = readdirSync(join(cut, 'runs'));
    rmSync(join(cut, 'runs', lost));
    const out = join(root, kind, 'unfinished');
    const r = await runCli(['merge', out, shardDir(kind, 2, 0), cut]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${cut} (shard 1/2) is unfinished, 1 of its tasks missing: ${lost.replace(/\.json$/, '')}; run its command again to finish it`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a task file in the wrong shard', async () => {
    const [a, b] = shardDirs(kind, 2);
    const mixed = copyOf(a);
    const [stray] = readdirSync(join(b, 'runs'));
    cpSync(join(b, 'runs', stray), join(mixed, 'runs', stray));
    const out = join(root, kind, 'stray');
    const r = await runCli(['merge', out, mixed, b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${mixed} (shard 0/2) holds ${stray.replace(/\.json$/, '')}, a task of shard 1/2`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a folder that is no shard: a whole run, or one whose shard.json migsim did not write', async () => {
    const out = join(root, kind, 'foreign');
    const whole = await runCli(['merge', out, single(kind)]);
    expect(whole.code).toBe(2);
    expect(whole.stderr).toContain(kind === 'sweep'
      ? `${single(kind)} holds a whole experiment run on one machine, not a shard`
      : `${single(kind)} is no shard folder of migsim (it has no shard.json)`);
    const junk = copyOf(shardDir(kind, 1, 0));
    writeFileSync(join(junk, 'shard.json'), '{"hello": 1}');
    const foreign = await runCli(['merge', out, junk]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain(`${junk} has a shard.json not written by migsim`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to merge into a shard folder', async () => {
    const [a, b] = shardDirs(kind, 2);
    const r = await runCli(['merge', join(a, 'merged'), a, b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${a} is a shard folder, and ${join(a, 'merged')} is inside it: merge into a folder of its own`);
    expect(existsSync(join(a, 'merged'))).toBe(false);
  });
});

describe('merging into a folder already there', () => {
  const merge = (out: string, ...extra: string[]) => runCli(['merge', out, ...shardDirs('sweep', 2), ...extra]);

  it('writes into a folder of its own merge again, the same bytes', async () => {
    const out = join(root, 'again');
    expect((await merge(out)).code).toBe(0);
    const again = await merge(out);
    expect(again.code, again.stderr).toBe(0);
    expectSameFiles(out, single('sweep'));
  });

  it('refuses a folder of other files or a file, as every command\'s --out does, unless --force', async () => {
    const theirs = join(root, 'theirs');
    mkdirSync(theirs);
    writeFileSync(join(theirs, 'thesis.tex'), 'mine');
    const r = await merge(theirs);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${theirs}: expected an empty folder or one migsim wrote (it holds migsim-manifest.json), found a folder of 1 other file (thesis.tex), which would be overwritten; choose another --out, or add --force`);
    expect(readdirSync(theirs)).toEqual(['thesis.tex']);
    const file = join(root, 'a-file');
    writeFileSync(file, 'mine');
    const onFile = await merge(file);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toContain(`${file}: expected a folder to write results into, found an existing file`);
    const forced = await merge(theirs, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(theirs, 'sweep.json'), 'utf8')).toBe(readFileSync(join(single('sweep'), 'sweep.json'), 'utf8'));
  });

  it('refuses, even with --force, a folder of another sweep\'s results or a shard folder, and writes nothing', async () => {
    const other = copyOf(single('sweep'));
    const design = JSON.parse(readFileSync(join(other, 'design.json'), 'utf8'));
    writeFileSync(join(other, 'design.json'), JSON.stringify({ ...design, seed: 8 }, null, 2) + '\n');
    const before = filesIn(other);
    const r = await merge(other, '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${other} holds the results of a different sweep (its design.json differs at seed: 8 in that folder, 7 in these shards): choose another folder, or remove it`);
    expect(filesIn(other)).toEqual(before);
    const shard = copyOf(shardDir('sweep', 3, 2));
    const intoShard = await merge(shard, '--force');
    expect(intoShard.code).toBe(2);
    expect(intoShard.stderr).toContain(`${shard} is a shard folder (it holds shard.json): merge into a folder of its own`);
  });

  it('refuses a comparison\'s folder for a sweep: its files would be left beside the sweep\'s', async () => {
    const other = join(root, 'other-merged');
    expect((await runCli(['merge', other, ...shardDirs('comparison', 2)])).code).toBe(0);
    const before = filesIn(other);
    const r = await merge(other);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${other} holds \\d+ files this merge does not write, which would be left beside its results \\(comparison.arrow, comparison.csv, comparison.json, `));
    expect(filesIn(other)).toEqual(before);
  });

  it('refuses, unless --force, a folder of its own kind holding files the merge would not replace', async () => {
    const out = copyOf(single('sweep'));
    writeFileSync(join(out, 'runs', 'point-0009-rep-000.json'), '{}');
    writeFileSync(join(out, 'report.html'), '<html></html>');
    const r = await merge(out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${out} holds 2 files this merge does not write, which would be left beside its results (report.html, runs/point-0009-rep-000.json): choose an empty folder, remove them, or add --force`);
    expect(existsSync(join(out, 'runs', 'point-0009-rep-000.json'))).toBe(true);
    expect((await merge(out, '--force')).code).toBe(0);
  });
});

describe('merging shards of different experiments', () => {
  it('is refused, naming the field of the design that differs', async () => {
    const other = join(root, 'seed8');
    // Shard 6/7 of a sweep of 4 runs has none, so it is ready at once.
    expect((await runCli([...SWEEP, '--seed', '8', '--shard', '6/7', '--out', other])).code).toBe(0);
    const mine = shardDir('sweep', 7, 0);
    const out = join(root, 'mixed-designs');
    const r = await runCli(['merge', out, mine, other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${other} is a shard of another sweep than ${mine}: design.json differs at seed: 7 in ${mine}, 8 in ${other}`);
    expect(existsSync(out)).toBe(false);
  });

  it('is refused for a sweep and a comparison', async () => {
    const out = join(root, 'mixed-kinds');
    const r = await runCli(['merge', out, shardDir('sweep', 2, 0), shardDir('comparison', 2, 1)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${shardDir('comparison', 2, 1)} holds a comparison, ${shardDir('sweep', 2, 0)} a sweep: only shards of one experiment merge`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a shard folder', () => {
  it('resumes: a rerun runs only the tasks missing from it, and still merges into the single run', async () => {
    const dir = copyOf(shardDir('sweep', 2, 0));
    const runs = readdirSync(join(dir, 'runs')).sort();
    expect(runs).toEqual(['point-0000-rep-000.json', 'point-0001-rep-000.json']);
    const kept = statSync(join(dir, 'runs', runs[1]));
    rmSync(join(dir, 'runs', runs[0]));
    const again = await migsim([...SWEEP, '--shard', '0/2', '--out', dir]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`resuming: 1 of 2 runs already done in ${dir}`);
    expect(readdirSync(join(dir, 'runs')).sort()).toEqual(runs);
    expect(statSync(join(dir, 'runs', runs[1])).mtimeMs).toBe(kept.mtimeMs);
    const merged = join(root, 'resumed-merged');
    expect((await runCli(['merge', merged, dir, shardDir('sweep', 2, 1)])).code).toBe(0);
    expectSameFiles(merged, single('sweep'));
  });

  it('belongs to one shard: another shard, or the whole run, is refused there, and a shard in a whole run\'s folder', async () => {
    const dir = copyOf(shardDir('comparison', 7, 2));
    const other = await runCli([...COMPARE, '--shard', '1/7', '--out', dir]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`${dir} holds shard 2/7 of this comparison, not what this command runs (shard.json differs at shard.index: 2 in that folder, 1 in this command)`);
    const sweepShard = copyOf(shardDir('sweep', 2, 0));
    const whole = await runCli([...SWEEP, '--out', sweepShard]);
    expect(whole.code).toBe(2);
    expect(whole.stderr).toContain(`${sweepShard} holds shard 0/2 of this sweep: run that shard again with --shard 0/2, join the shards with \`migsim merge\``);
    const wholeDir = copyOf(single('sweep'));
    const intoWhole = await runCli([...SWEEP, '--shard', '0/2', '--out', wholeDir]);
    expect(intoWhole.code).toBe(2);
    expect(intoWhole.stderr).toContain(`${wholeDir} holds a whole sweep, not shard 0/2: give each shard a folder of its own`);
  });

  it('needs --out and a shard I/N that exists', async () => {
    const r = await runCli([...COMPARE, '--shard', '0/2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shard needs --out DIR');
    const bad = await runCli([...SWEEP, '--shard', '2/2', '--out', join(root, 'never')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shard: the shard index counts from 0 to 1 for 2 shards, found "2/2"');
    expect(existsSync(join(root, 'never'))).toBe(false);
  });
});

describe('a sensitivity analysis and an uncertain comparison run as shards, then merged', () => {
  // Morris, one parameter, 2 trajectories: 4 runs. In this process: the separate processes are tested above.
  const SENSITIVITY = ['sensitivity', MEDITERRANEAN, '--param', 'legs[id=lby-ita].interception=0.1:0.9', '--indicator', 'deaths', '--trajectories', '2', '--levels', '2', ...SIZE];
  const UNCERTAIN = [...COMPARE, '--uncertain', 'legs[id=lby-ita].mortality=uniform:0.01:0.05'];

  it.each([
    ['sensitivity analysis', SENSITIVITY, 3],
    ['uncertain comparison', UNCERTAIN, 2],
  ])('a %s equals its single run byte for byte', async (_what, command, count) => {
    const dir = mkdtempSync(join(tmpdir(), 'migsim-shards-more-'));
    expect((await runCli([...command, '--out', join(dir, 'single')])).code).toBe(0);
    for (let i = 0; i < count; i++) {
      const r = await runCli([...command, '--shard', `${i}/${count}`, '--out', join(dir, `shard-${i}`)]);
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = await runCli(['merge', join(dir, 'merged'), ...Array.from({ length: count }, (_, i) => join(dir, `shard-${i}`))]);
    expect(merged.code, merged.stderr).toBe(0);
    expectSameFiles(join(dir, 'merged'), join(dir, 'single'));
  });

  it('refuses to mix an uncertain comparison with a plain one, naming the uncertainty', async () => {
    const r = await runCli(['merge', join(root, 'mixed-uncertainty'), shardDir('comparison', 2, 0), await uncertainShard()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a shard of another comparison than .*: design\.json differs at uncertain: null in /);
    expect(existsSync(join(root, 'mixed-uncertainty'))).toBe(false);
  });

  async function uncertainShard(): Promise<string> {
    const dir = join(root, 'uncertain-shard-1');
    expect((await runCli([...UNCERTAIN, '--shard', '1/2', '--out', dir])).code).toBe(0);
    return dir;
  }
});
