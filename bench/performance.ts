/**
 * The performance suite: migrant-ticks per second on one core and peak memory
 * per agent at several sizes (each in a fresh process, so each peak is its
 * own), and the speed-up of a sweep from one worker thread to every core.
 *
 *   npx tsx bench/performance.ts          (MIGSIM_BENCH_SIZES, MIGSIM_BENCH_TICKS, MIGSIM_BENCH_SWEEP_*, MIGSIM_BENCH_TRIALS)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultWorkers } from '../src/node/pool.js';
import { formatThroughput, scaledMediterranean, type ThroughputResult } from './throughput.js';

export interface PerformanceOptions {
  sizes: readonly number[];
  ticks: number;
  /** Sweep: points (values of the Libya-Italy interception) x replications, each run of `sweepAgents` agents. */
  sweepPoints: number;
  sweepReplications: number;
  sweepAgents: number;
  /** Each measurement is repeated this many times and the fastest kept, so another process's burst of work counts less (sizes above a million: once). */
  trials: number;
  log?: (line: string) => void;
}

/** The fastest of `trials` runs of a measurement. */
async function fastest<T>(trials: number, measure: () => T | Promise<T>, seconds: (t: T) => number): Promise<T> {
  let best: T | undefined;
  for (let k = 0; k < Math.max(1, trials); k++) {
    const t = await measure();
    if (best === undefined || seconds(t) < seconds(best)) best = t;
  }
  return best!;
}

const THROUGHPUT_SCRIPT = fileURLToPath(new URL('./throughput.ts', import.meta.url));

/** One size, measured in a fresh process. */
function throughputInChild(agents: number, ticks: number, kernel = true): ThroughputResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', THROUGHPUT_SCRIPT, String(agents), String(ticks), '--json', ...(kernel ? [] : ['--no-kernel'])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`throughput at ${agents} agents failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ThroughputResult;
}

/**
 * The same size in as many independent processes as cores, all at once: how
 * much faster the machine itself runs this work on every core than on one,
 * with no pool involved. A sweep cannot beat it.
 */
async function throughputAllAtOnce(agents: number, ticks: number, processes: number): Promise<ThroughputResult[]> {
  return Promise.all(Array.from({ length: processes }, () => new Promise<ThroughputResult>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', THROUGHPUT_SCRIPT, String(agents), String(ticks), '--json', '--no-kernel']);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as ThroughputResult) : reject(new Error(`throughput at ${agents} agents failed`))));
  })));
}

/** Builds dist/ as `npm ci` does (the CLI a user runs). */
export function buildDist(): void {
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const build = spawnSync(process.execPath, [tsc, '-p', fileURLToPath(new URL('../tsconfig.build.json', import.meta.url))], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building dist/ for the benchmark failed:\n${build.stdout}${build.stderr}`);
}

/** Builds dist/ and loads its Node entry point. */
async function builtLibrary(): Promise<typeof import('../src/node/index.js')> {
  buildDist();
  const entry = new URL('../dist/node/index.js', import.meta.url).href; // a variable: dist/ need not exist to type-check
  return (await import(entry)) as typeof import('../src/node/index.js');
}

export async function performanceSuite(options: PerformanceOptions): Promise<{ markdown: string; json: unknown }> {
  const log = options.log ?? (() => {});
  const throughput: ThroughputResult[] = [];
  for (const size of options.sizes) {
    const r = await fastest(size > 1_000_000 ? 1 : options.trials, () => throughputInChild(size, options.ticks), (t) => t.seconds);
    throughput.push(r);
    log(`  ${formatThroughput(r)}`);
  }

  const scenario = scaledMediterranean(options.sweepAgents, options.ticks);
  const design = { kind: 'grid' as const, parameters: [{ path: 'legs[id=lby-ita].interception', values: Array.from({ length: options.sweepPoints }, (_, k) => Number((0.1 + (0.8 * k) / Math.max(1, options.sweepPoints - 1)).toFixed(3))) }] };
  const cores = defaultWorkers();
  const runs = options.sweepPoints * options.sweepReplications;
  // The machine's ceiling is in work per wall second: what several processes get done at once.
  const wallRate = (r: ThroughputResult) => (r.agents * r.ticks) / r.seconds;
  const alone = await fastest(options.trials, () => throughputInChild(options.sweepAgents, options.ticks, false), (t) => t.seconds);
  const together = await fastest(options.trials, () => throughputAllAtOnce(options.sweepAgents, options.ticks, cores), (t) => Math.max(...t.map((r) => r.seconds)));
  const ceiling = together.reduce((sum, r) => sum + wallRate(r), 0) / wallRate(alone);
  log(`  ${cores} independent processes at once, ${options.sweepAgents.toLocaleString('en-US')} agents each: ${together.map((r) => (wallRate(r) / 1e6).toFixed(1)).join(' and ')} million migrant-ticks per wall second, against ${(wallRate(alone) / 1e6).toFixed(1)} alone: ${ceiling.toFixed(2)}x on ${cores} cores with no pool at all`);
  // Sweeps run as a user runs them after `npm ci`: the built library, whose workers load plain JavaScript.
  const dist = await builtLibrary();
  // Cold: the built CLI end to end, as a one-off `migsim sweep` (starting node and the workers included).
  const cold = (workers: number) => {
    const out = join(mkdtempSync(join(tmpdir(), 'migsim-bench-')), 'sweep');
    const started = performance.now();
    const child = spawnSync(process.execPath, [
      fileURLToPath(new URL('../dist/node/cli.js', import.meta.url)), 'sweep', fileURLToPath(new URL('../scenarios/mediterranean.yaml', import.meta.url)),
      '--param', `${design.parameters[0].path}=${design.parameters[0].values.join(',')}`, '--reps', String(options.sweepReplications),
      '--scale', String(scenario.agents.scale), '--ticks', String(options.ticks), '--workers', String(workers), '--out', out, '--format', 'csv',
    ], { encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (child.status !== 0) throw new Error(`migsim sweep on ${workers} workers failed: ${child.stderr}`);
    const runsCsv = readFileSync(join(out, 'runs.csv'), 'utf8');
    rmSync(dirname(out), { recursive: true, force: true });
    return { seconds, runsCsv };
  };
  // Warm: workers already started and loaded (a tiny sweep first), as in a series of experiments on one pool.
  const warm = async (workers: number) => {
    const pool = new dist.WorkerPool(workers);
    try {
      const tiny = scaledMediterranean(1000, 1);
      await dist.sweepInWorkers(tiny, { kind: 'grid', parameters: [{ path: 'legs[id=lby-ita].interception', values: Array.from({ length: workers }, (_, k) => 0.1 + k / 100) }] }, { replications: 1, pool });
      const started = performance.now();
      await dist.sweepInWorkers(scenario, design, { replications: options.sweepReplications, pool });
      return (performance.now() - started) / 1000;
    } finally {
      await pool.close();
    }
  };
  const one = await fastest(options.trials, () => cold(1), (t) => t.seconds);
  const all = await fastest(options.trials, () => cold(cores), (t) => t.seconds);
  const identical = one.runsCsv === all.runsCsv;
  const speedup = one.seconds / all.seconds;
  const warmOne = await fastest(options.trials, () => warm(1), (t) => t);
  const warmAll = await fastest(options.trials, () => warm(cores), (t) => t);
  const warmSpeedup = warmOne / warmAll;
  log(`  sweep of ${runs} runs of ${options.sweepAgents.toLocaleString('en-US')} agents: migsim sweep ${one.seconds.toFixed(1)} s wall on 1 worker, ${all.seconds.toFixed(1)} s on ${cores}: ${speedup.toFixed(2)}x (runs.csv identical: ${identical}); on started workers ${warmOne.toFixed(1)} s and ${warmAll.toFixed(1)} s: ${warmSpeedup.toFixed(2)}x; `
    + `against the ceiling of ${ceiling.toFixed(2)}x: ${(speedup / ceiling).toFixed(2)} and ${(warmSpeedup / ceiling).toFixed(2)} of it (load ${loadavg()[0].toFixed(1)} on ${cores} cores)`);

  const at1M = throughput.find((r) => Math.abs(r.agents - 1_000_000) < 1000);
  const largest = throughput[throughput.length - 1];
  const rows = throughput.map((r) => `| ${r.agents.toLocaleString('en-US')} | ${r.ticks} | ${r.cost.cpuSeconds.toFixed(2)} CPU-s, ${r.seconds.toFixed(2)} s wall, load ${r.cost.load.toFixed(1)} | ${(r.migrantTicksPerSecond / 1e6).toFixed(1)} | ${r.kernel ? `${(r.kernel.updatesPerCpuSecond / 1e6).toFixed(1)} (${r.kernel.cost.cpuSeconds.toFixed(2)} CPU-s)` : '–'} | ${r.shareOfKernel?.toFixed(2) ?? '–'} | ${(r.peakResidentBytes / 2 ** 20).toFixed(0)} | ${r.peakBytesPerAgent.toFixed(0)} | ${r.storeBytesPerAgent} |`);
  const markdown = `## Performance suite

The built-in scenario (mediterranean) scaled to each size; one core; each size in a fresh process; the fastest of ${options.trials} trials up to a million agents, one trial above.

| agents | ticks | cost of the run | million migrant-ticks per CPU second | streaming kernel, million updates per CPU second (same process) | engine as a share of the kernel | peak RSS (MiB) | peak bytes/agent above the empty process | store bytes/agent |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

Sweep speed-up (fastest of ${options.trials} trials each): ${runs} runs (${options.sweepPoints} values of \`legs[id=lby-ita].interception\` x ${options.sweepReplications} replications) of ${options.sweepAgents.toLocaleString('en-US')} agents x ${options.ticks} ticks.

| | one worker | ${cores} workers (all cores) | speed-up |
|---|---:|---:|---:|
| \`migsim sweep\` (built), end to end: starting node and the workers, writing the files | ${one.seconds.toFixed(1)} s | ${all.seconds.toFixed(1)} s | **${speedup.toFixed(2)}x** |
| \`sweepInWorkers\` on a \`WorkerPool\` already started | ${warmOne.toFixed(1)} s | ${warmAll.toFixed(1)} s | **${warmSpeedup.toFixed(2)}x** |

\`runs.csv\` byte-identical on one worker and on all: ${identical}.

What the machine itself gives this work: the same run (${options.sweepAgents.toLocaleString('en-US')} agents) in ${cores} independent processes at once ran at ${together.map((r) => (wallRate(r) / 1e6).toFixed(1)).join(' and ')} million migrant-ticks per wall second, against ${(wallRate(alone) / 1e6).toFixed(1)} alone: **${ceiling.toFixed(2)}x** on ${cores} cores with no pool at all. Even as separate processes the cores do not double this work's speed, so that limit is the machine's, not the pool's.

Targets: 20 million migrant-ticks/s per core at one million agents (${at1M ? (at1M.migrantTicksPerSecond / 1e6).toFixed(1) : 'not measured'}); under 150 bytes per agent (${largest.peakBytesPerAgent.toFixed(0)} at ${largest.agents.toLocaleString('en-US')}); at least 1.8x on two cores for sweeps (${speedup.toFixed(2)}x with starting the workers, ${warmSpeedup.toFixed(2)}x on started ones, on ${cores} cores).
`;
  return {
    markdown,
    json: { throughput, sweep: { runs, agents: options.sweepAgents, ticks: options.ticks, cores, secondsOneWorker: one.seconds, secondsAllCores: all.seconds, speedup, warmSecondsOneWorker: warmOne, warmSecondsAllCores: warmAll, warmSpeedup, identical, independentProcessesSpeedup: ceiling } },
  };
}

export function performanceOptionsFromEnv(): PerformanceOptions {
  const env = process.env;
  return {
    sizes: (env.MIGSIM_BENCH_SIZES ?? '10000,100000,1000000,10000000').split(',').map(Number),
    ticks: Number(env.MIGSIM_BENCH_TICKS ?? 72),
    sweepPoints: Number(env.MIGSIM_BENCH_SWEEP_POINTS ?? 6),
    sweepReplications: Number(env.MIGSIM_BENCH_SWEEP_REPS ?? 2),
    sweepAgents: Number(env.MIGSIM_BENCH_SWEEP_AGENTS ?? 1_000_000),
    trials: Number(env.MIGSIM_BENCH_TRIALS ?? 2),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log((await performanceSuite({ ...performanceOptionsFromEnv(), log: console.log })).markdown);
}
