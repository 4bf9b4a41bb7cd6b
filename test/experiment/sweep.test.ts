import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withPolicies } from '../../src/experiment/compare.js';
import { sweep, sweepTables, type SweepDesign } from '../../src/experiment/sweep.js';
import { tableToCsv } from '../../src/io/csv.js';
import { sweepInWorkers } from '../../src/node/experiment.js';
import { filesIn, ROOT, mediterranean, runCli, SCENARIOS } from '../helpers.js';

const MEDITERRANEAN = join(SCENARIOS, 'mediterranean.yaml');
// The built-in world, coarse and short, with a closure whose strength the sweep varies.
const small = withPolicies(mediterranean({ scale: 40_000, ticks: 48 }), [
  { plugin: 'set-attribute', name: 'closure', kind: 'leg', targets: ['lby-ita'], attribute: 'interception', value: 0.5, from: '2016-01' },
], 'closure');
const design: SweepDesign = {
  kind: 'grid',
  parameters: [{ path: 'policies[name=closure].value', values: [0.3, 0.6] }, { path: 'countries[id=SYR].conflict', values: [0.5, 0.9] }],
};

const tempDir = (name: string) => join(mkdtempSync(join(tmpdir(), 'migsim-sweep-')), name);

describe('sweeps over worker threads', () => {
  it('give byte-identical result files with one worker and with two, equal to a sweep in one thread', async () => {
    const one = tempDir('one');
    const two = tempDir('two');
    await sweepInWorkers(small, design, { replications: 2, workers: 1, out: one });
    await sweepInWorkers(small, design, { replications: 2, workers: 2, out: two });
    const a = filesIn(one);
    const b = filesIn(two);
    expect([...a.keys()].sort()).toEqual([
      'design.json', 'migsim-manifest.json', 'points.arrow', 'points.csv',
      ...[0, 1, 2, 3].flatMap((p) => [0, 1].map((r) => `runs/point-000${p}-rep-00${r}.json`)),
      'runs.arrow', 'runs.csv', 'sweep.json',
    ].sort());
    for (const [name, bytes] of a) expect(bytes === b.get(name), name).toBe(true);
    const serial = sweep(small, design, { replications: 2 });
    expect(a.get('runs.csv')).toBe(tableToCsv(sweepTables(serial)[0]));
    expect(a.get('points.csv')).toBe(tableToCsv(sweepTables(serial)[1]));
  });

  it('write one row per run, indicator and key, with the parameters in columns of their paths', async () => {
    const out = tempDir('rows');
    const result = await sweepInWorkers(small, design, { replications: 2, workers: 2, out });
    const lines = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('point,policies[name=closure].value,countries[id=SYR].conflict,replication,seed,indicator,key,value');
    const deaths = lines.filter((l) => l.includes(',deaths,'));
    expect(deaths).toHaveLength(4 * 2);
    expect(deaths[0]).toMatch(new RegExp(`^0,0\\.3,0\\.5,0,${result.points[0].seed},deaths,,\\d+$`));
    // Each point's value reaches its runs: the policy sets the interception it was given.
    for (const run of result.runs) {
      expect(run.events[0]).toMatchObject({ plugin: 'closure', target: 'lby-ita', to: result.points[run.point].values['policies[name=closure].value'] });
    }
    const record = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8'));
    expect(record.runs[2 * 2].events[0]).toMatchObject({ plugin: 'closure', target: 'lby-ita', to: 0.6 });
    expect(record.points.map((p: { seed: number }) => p.seed)).toEqual(result.points.map((p) => p.seed));
  });
});

/** Starts `migsim sweep` as a separate process, from source. */
function startSweep(out: string, extra: string[] = []) {
  const child = spawn(process.execPath, [
    '--import', 'tsx', join(ROOT, 'src', 'node', 'cli.ts'), 'sweep', MEDITERRANEAN,
    '--param', 'legs[id=lby-ita].interception=0.1,0.3,0.5,0.7', '--param', 'countries[id=SYR].conflict=0.5,0.9',
    '--reps', '1', '--scale', '10000', '--ticks', '60', '--workers', '1', '--out', out, ...extra,
  ], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return { child, exit, output: () => ({ stdout, stderr }) };
}

/** Waits until the sweep has written at least `count` run files; fails if it ends first. */
async function runFilesAtLeast(sweep: ReturnType<typeof startSweep>, out: string, count: number): Promise<string[]> {
  const runs = join(out, 'runs');
  let ended = false;
  void sweep.exit.then(() => (ended = true));
  for (;;) {
    const files = existsSync(runs) ? readdirSync(runs) : [];
    if (files.length >= count) return files;
    if (ended) throw new Error(`the sweep ended before writing ${count} runs: ${sweep.output().stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('an interrupted sweep', () => {
  it('killed mid-way leaves only complete run files, and a rerun resumes without recomputing or duplicating them', async () => {
    const out = tempDir('killed');
    const first = startSweep(out);
    await runFilesAtLeast(first, out, 2);
    first.child.kill('SIGKILL');
    expect(await first.exit).toBe(-1);

    const kept = readdirSync(join(out, 'runs'));
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept.length).toBeLessThan(8);
    for (const name of kept) {
      expect(name).toMatch(/^point-\d{4}-rep-\d{3}\.json$/);
      const run = JSON.parse(readFileSync(join(out, 'runs', name), 'utf8'));
      expect(Object.keys(run)).toEqual(['point', 'replication', 'seed', 'indicators', 'events']);
    }
    // Nothing merged yet, so nothing looks like a finished sweep.
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['design.json', 'migsim-manifest.json', 'runs']);
    const before = new Map(kept.map((name) => [name, statSync(join(out, 'runs', name))]));

    const second = startSweep(out, ['--progress']);
    expect(await second.exit).toBe(0);
    expect(second.output().stderr).toContain(`resuming: ${kept.length} of 8 runs already done`);
    // Progress, asked for on a pipe: one line per step, counting the resumed runs as done.
    expect(second.output().stderr).toMatch(new RegExp(`^  ${kept.length}/8 runs .*$`, 'm'));
    expect(second.output().stderr).toMatch(/^ {2}8\/8 runs {2}\d+\.\d\d\/s {2}0:00 left$/m);
    for (const [name, stat] of before) {
      const now = statSync(join(out, 'runs', name));
      expect([now.ino, now.mtimeMs]).toEqual([stat.ino, stat.mtimeMs]); // never written again
    }
    expect(readdirSync(join(out, 'runs'))).toHaveLength(8);
    const rows = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n').filter((l) => l.includes(',deaths,'));
    expect(rows.map((l) => l.split(',')[0]).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);

    // The same files as a sweep that was never interrupted.
    const fresh = tempDir('fresh');
    const whole = startSweep(fresh);
    expect(await whole.exit).toBe(0);
    const a = filesIn(out);
    const b = filesIn(fresh);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [name, bytes] of a) expect(bytes === b.get(name), name).toBe(true);
  });

  it('stopped with Ctrl-C (SIGINT) exits cleanly, keeping the finished runs', async () => {
    const out = tempDir('interrupted');
    const run = startSweep(out);
    await runFilesAtLeast(run, out, 1);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    expect(run.output().stderr).toContain(`interrupted; the finished runs are kept in ${out}/runs: run the same command again to resume`);
    const kept = readdirSync(join(out, 'runs'));
    expect(kept.length).toBeGreaterThanOrEqual(1);
    for (const name of kept) expect(() => JSON.parse(readFileSync(join(out, 'runs', name), 'utf8'))).not.toThrow();
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
  });

  it('refuses to resume into a folder that holds another sweep', async () => {
    const out = tempDir('other');
    await sweepInWorkers(small, design, { replications: 1, workers: 1, out });
    await expect(sweepInWorkers(small, design, { replications: 2, workers: 1, out })).rejects.toThrow(/holds the results of a different sweep/);
  });
});

describe('migsim sweep', () => {
  it('draws a seeded random sample between bounds', async () => {
    const out = tempDir('sample');
    const args = ['sweep', MEDITERRANEAN, '--sample', '3', '--param', 'legs[id=lby-ita].mortality=0.01:0.05', '--reps', '1', '--scale', '80000', '--ticks', '24', '--workers', '1', '--out', out];
    const { code, stdout } = await runCli(args);
    expect(code).toBe(0);
    expect(stdout).toContain('mediterranean: 3 points x 1 replications = 3 runs');
    const points = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')).points as Array<{ values: Record<string, number> }>;
    for (const p of points) expect(p.values['legs[id=lby-ita].mortality']).toBeGreaterThan(0.01);
  });

  it.each([
    [['--param', 'legs[id=nowhere].cost=1,2'], /--param legs\[id=nowhere\]\.cost: no entry of legs has id "nowhere"/],
    [['--param', 'legs[id=lby-ita].cost=1,x'], /--param legs\[id=lby-ita\]\.cost=1,x: "x" is not a number/],
    [['--param', 'legs[id=lby-ita].cost=1:5'], /LOW:HIGH bounds are for a random sample; add --sample N/],
    [[], /sweep needs at least one --param/],
    [['--param', 'legs[id=lby-ita].interception=0.5,3'], /interception=3: 1 problem in scenario[\s\S]*expected a number from 0 to 1/],
  ])('explains bad parameters: %j', async (extra, message) => {
    const { code, stderr } = await runCli(['sweep', MEDITERRANEAN, '--reps', '1', '--out', tempDir('bad'), ...extra]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
