import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compiledCli } from '../compiled-cli.js';
import { filesIn, ROOT, runCli } from '../helpers.js';

// A calibration small enough to run many times: 4 particles (2 kept, so 2 new each later generation), 2 replications, 3 generations at most.
const root = mkdtempSync(join(tmpdir(), 'migsim-calibration-shards-'));
const OBSERVED = join(root, 'observed-2014.csv');
const CALIBRATE = ['calibrate', join(ROOT, 'scenarios', 'mediterranean.yaml'), '--observed', OBSERVED,
  '--param', 'legs[id=lby-ita].interception=0:0.6', '--param', 'legs[id=tur-grc].interception=0:0.6',
  '--particles', '4', '--generations', '3', '--reps', '2', '--seed', '5', '--scale', '80000', '--ticks', '12', '--workers', '1'];
const SHARD_COUNTS = [1, 2, 3];
const single = join(root, 'single');
const generationDir = (count: number, g: number) => join(root, `n${count}`, `g${g}`);
const shardDirs = (count: number, g: number) => Array.from({ length: count }, (_, i) => join(generationDir(count, g), `shard-${i}`));
/** Per N, the merged folder of each generation, the last holding the calibration's files. */
const merged = new Map<number, string[]>();

function expectSameFiles(a: string, b: string): void {
  const x = filesIn(a);
  const y = filesIn(b);
  expect([...x.keys()].sort()).toEqual([...y.keys()].sort());
  for (const [name, bytes] of x) expect(bytes === y.get(name), name).toBe(true);
}

beforeAll(async () => {
  // The shipped figures for 2014 only, so that a run of 12 months covers them.
  const shipped = readFileSync(join(ROOT, 'data', 'observed', 'mediterranean-2014-2019.csv'), 'utf8').split('\n');
  writeFileSync(OBSERVED, shipped.filter((line) => /^(date,|2014,)/.test(line)).join('\n') + '\n');
  const migsim = await compiledCli();
  const ok = async (args: string[]) => {
    const r = await migsim(args);
    expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  };
  // Each N's chain runs its shards as separate processes, generation after generation; two chains (or the single run) at a time.
  const chain = async (count: number) => {
    const folders: string[] = [];
    for (let g = 0; ; g++) {
      const from = g === 0 ? [] : ['--from', folders[g - 1]];
      for (const [i, dir] of shardDirs(count, g).entries()) await ok([...CALIBRATE, '--shard', `${i}/${count}`, '--out', dir, ...from]);
      folders.push(join(generationDir(count, g), 'merged'));
      // Merges run in this process: they start no workers.
      const m = await runCli(['merge', folders[g], ...shardDirs(count, g)]);
      expect(m.code, m.stderr).toBe(0);
      if (!existsSync(join(folders[g], 'proposals.json'))) break;
    }
    merged.set(count, folders);
  };
  await Promise.all([(async () => {
    await ok([...CALIBRATE, '--out', single]);
    await chain(3);
  })(), (async () => {
    await chain(1);
    await chain(2);
  })()]);
}, 900_000);

describe('a calibration run generation by generation as N shards in separate processes, merged after each', () => {
  it.each(SHARD_COUNTS)('ends in the files the single-machine calibration writes, byte for byte, with N = %i', (count) => {
    const folders = merged.get(count)!;
    const generations = JSON.parse(readFileSync(join(single, 'calibration.json'), 'utf8')).generations.length;
    expect(folders).toHaveLength(generations);
    expectSameFiles(folders.at(-1)!, single);
  });

  it('writes, between generations, every run so far and the next generation\'s proposals, and nothing of the results', () => {
    const [first] = merged.get(2)!;
    expect(readdirSync(first).sort()).toEqual(['design.json', 'migsim-manifest.json', 'proposals.json', 'runs']);
    const proposals = JSON.parse(readFileSync(join(first, 'proposals.json'), 'utf8'));
    expect(proposals.generation).toBe(1);
    expect(proposals.proposals).toHaveLength(2);
    // Generation 0: the scenario as given and 4 particles, 2 replications each.
    expect(readdirSync(join(first, 'runs'))).toHaveLength(10);
    for (const name of readdirSync(join(first, 'runs'))) expect(readFileSync(join(first, 'runs', name), 'utf8'), name).toBe(readFileSync(join(single, 'runs', name), 'utf8'));
  });
});

describe('a calibration shard or merge on the wrong folders', () => {
  const copy = (dir: string, name: string) => {
    const to = join(root, 'copies', name);
    cpSync(dir, to, { recursive: true });
    return to;
  };

  it('refuses to merge shards of different generations, naming the generation', async () => {
    const out = join(root, 'mixed-generations');
    const r = await runCli(['merge', out, shardDirs(2, 0)[0], shardDirs(2, 1)[1]]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${shardDirs(2, 1)[1]} runs another stage of this calibration than ${shardDirs(2, 0)[0]} (shard.json differs at stage.generation: 0 in ${shardDirs(2, 0)[0]}, 1 in ${shardDirs(2, 1)[1]})`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to start a shard --from a shard, another calibration, a finished one or a whole run', async () => {
    const [g0] = merged.get(2)!;
    const cases: Array<[string[], string]> = [
      [['--from', shardDirs(2, 0)[0]], 'it is one shard of a generation: give the folder `migsim merge` joined the shards into'],
      [['--from', g0, '--seed', '6'], 'it holds another calibration (design.json differs at seed: 5 in that folder, 6 in this calibration)'],
      [['--from', merged.get(2)!.at(-1)!], 'it holds a finished calibration (calibration.json): nothing is left to run'],
      [['--from', single], 'it holds a finished calibration'],
      [['--from', join(root, 'nowhere')], 'there is no such folder'],
    ];
    for (const [extra, message] of cases) {
      const out = join(root, `never-${cases.findIndex((c) => c[0] === extra)}`);
      const r = await runCli([...CALIBRATE, '--shard', '0/2', '--out', out, ...extra]);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('refuses a merged folder whose proposals or runs were changed after its merge', async () => {
    const edited = copy(merged.get(2)![0], 'edited-proposals');
    writeFileSync(join(edited, 'proposals.json'), readFileSync(join(edited, 'proposals.json'), 'utf8').replace('"generation": 1', '"generation": 2'));
    const r = await runCli([...CALIBRATE, '--shard', '0/2', '--out', join(root, 'never-edited'), '--from', edited]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('its proposals.json is not what its runs lead to: it was changed after `migsim merge` wrote it');
    const cut = copy(merged.get(2)![0], 'cut-runs');
    rmSync(join(cut, 'runs', 'g00-p0001-rep-001.json'));
    const partial = await runCli([...CALIBRATE, '--shard', '0/2', '--out', join(root, 'never-cut'), '--from', cut]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('it holds 9 of the 10 runs of generation 0, not all: it is no folder `migsim merge` wrote');
  });

  it('refuses to merge a generation into the folder its shards started from', async () => {
    const [g0] = merged.get(2)!;
    const into = await runCli(['merge', g0, ...shardDirs(2, 1)]);
    expect(into.code).toBe(2);
    expect(into.stderr).toContain(`${g0} holds the earlier generations these shards started from (--from): merge into a folder of its own`);
    expect(filesIn(g0).has('runs/g01-p0000-rep-000.json')).toBe(false);
  });

  it('runs only ABC as shards, and --from only with --shard', async () => {
    const optimise = await runCli([...CALIBRATE, '--method', 'optimise', '--shard', '0/2', '--out', join(root, 'never-optimise')]);
    expect(optimise.code).toBe(2);
    expect(optimise.stderr).toContain('Nelder-Mead (--method optimise) runs one vector at a time');
    const from = await runCli([...CALIBRATE, '--from', merged.get(2)![0], '--out', join(root, 'never-from')]);
    expect(from.code).toBe(2);
    expect(from.stderr).toContain('--from PREV goes with --shard I/N');
  });

  it('calibrate refuses an --out folder of other files, as every command does, unless --force', async () => {
    const theirs = join(root, 'theirs');
    mkdirSync(theirs);
    writeFileSync(join(theirs, 'notes.txt'), 'mine');
    const r = await runCli([...CALIBRATE, '--shard', '0/2', '--out', theirs]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${theirs}: expected an empty folder or one migsim wrote (it holds migsim-manifest.json), found a folder of 1 other file (notes.txt)`);
    expect(readdirSync(theirs)).toEqual(['notes.txt']);
  });
});
