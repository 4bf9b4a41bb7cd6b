/**
 * The benchmark command (`npm run bench`): the scenario suite (every variant
 * scenario against its baseline, as a scorecard), the performance suite
 * (throughput and memory from 10 thousand to 10 million agents, sweep
 * speed-up over cores) and the Flee suite. Prints as it goes and writes
 * bench/results/report.md and bench/results/report.json.
 * Timing lives here, never in unit tests.
 *
 * Sizes and counts come from environment variables (defaults keep the whole
 * run near five minutes on two cores):
 *   MIGSIM_BENCH_SUITES        scenarios,performance,flee,governments (calibration too when named)
 *   MIGSIM_BENCH_GOV_AGENTS    200000   agents per run in the governments suite
 *   MIGSIM_BENCH_REPS          6        paired replications per scenario comparison
 *   MIGSIM_BENCH_RUN_AGENTS    100000   agents per run in the scenario suite (the scale is raised to fit)
 *   MIGSIM_BENCH_SIZES         10000,100000,1000000,10000000
 *   MIGSIM_BENCH_TICKS         72
 *   MIGSIM_BENCH_SWEEP_POINTS  6, MIGSIM_BENCH_SWEEP_REPS 2, MIGSIM_BENCH_SWEEP_AGENTS 1000000
 *   MIGSIM_BENCH_TRIALS        2        each timing the fastest of this many trials (other work on the machine counts less)
 *   MIGSIM_BENCH_FLEE_REPS     1
 *   MIGSIM_FLEE_CHECKOUT       a Flee checkout: run Flee side by side (bench/flee-versus.ts); MIGSIM_FLEE_PYTHON its python
 *   MIGSIM_BENCH_FLEE_CONFLICTS burundi2015,car2013,mali2012,nigeria2016,nigeria2022_adm2,ssudan2013
 *                              (syria2013 and ukraine2022 take minutes each; "all" runs every conflict)
 */
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { jsonText } from '../src/io/json.js';
import { libraryVersion, writeFilesAtomically } from '../src/node/files.js';
import { calibrationSuite } from './calibration.js';
import { fleeSuite } from './flee.js';
import { FLEE_SIZED, fleeVersusFromEnv } from './flee-versus.js';
import { performanceOptionsFromEnv, performanceSuite } from './performance.js';
import { scenarioSuite } from './scenarios.js';
import { governmentAgents, governmentsSuite } from './governments.js';

const env = process.env;
const suites = new Set((env.MIGSIM_BENCH_SUITES ?? 'scenarios,performance,flee,governments').split(','));
const log = (line: string) => console.log(line);
const started = performance.now();
const markdown: string[] = [];
const json: Record<string, unknown> = {};

const machine = `${cpus()[0]?.model ?? 'unknown processor'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;

if (suites.has('scenarios')) {
  log('Scenario suite: every variant scenario against the one it extends');
  const r = await scenarioSuite({ replications: Number(env.MIGSIM_BENCH_REPS ?? 6), agentsPerRun: Number(env.MIGSIM_BENCH_RUN_AGENTS ?? 100_000), log });
  markdown.push(r.markdown);
  json.scenarios = r.json;
}
if (suites.has('performance')) {
  log('\nPerformance suite: the built-in scenario at each size, one core; then a sweep on one worker and on all cores');
  const r = await performanceSuite({ ...performanceOptionsFromEnv(), log });
  markdown.push(r.markdown);
  json.performance = r.json;
}
if (suites.has('flee')) {
  log('\nFlee suite: the validation conflicts under migsim\'s displacement rules');
  const conflicts = env.MIGSIM_BENCH_FLEE_CONFLICTS ?? 'burundi2015,car2013,mali2012,nigeria2016,nigeria2022_adm2,ssudan2013';
  const r = await fleeSuite({ reps: Number(env.MIGSIM_BENCH_FLEE_REPS ?? 1), conflicts: conflicts === 'all' ? undefined : conflicts.split(','), log });
  markdown.push(r.markdown.startsWith('#') ? r.markdown : `## Flee suite\n\n${r.markdown}`);
  json.flee = r.json;
  // Flee itself, side by side, when MIGSIM_FLEE_CHECKOUT names a checkout; otherwise the last recorded ratios.
  const versus: string[] = [];
  json.fleeVersus = fleeVersusFromEnv(Object.keys(FLEE_SIZED), (line) => { log(line); versus.push(line); }) ?? null;
  markdown.push(`### migsim against Flee at equal work\n\n\`\`\`\n${versus.join('\n')}\n\`\`\`\n`);
}
if (suites.has('calibration')) {
  log('\nCalibration suite: the built-in scenario fitted to data/observed/ by ABC');
  const r = await calibrationSuite({
    scale: Number(env.MIGSIM_BENCH_CAL_SCALE ?? 2000), particles: Number(env.MIGSIM_BENCH_CAL_PARTICLES ?? 40),
    generations: Number(env.MIGSIM_BENCH_CAL_GENERATIONS ?? 4), log,
  });
  markdown.push(r.markdown);
  json.calibration = r.json;
}
if (suites.has('governments')) {
  log('\nGovernments suite: what governments cost a run');
  const r = governmentsSuite({ agents: governmentAgents(env.MIGSIM_BENCH_GOV_AGENTS), trials: Number(env.MIGSIM_BENCH_TRIALS ?? 2), log });
  markdown.push(r.markdown);
  json.governments = r.json;
}

const seconds = (performance.now() - started) / 1000;
const head = `# migsim benchmark\n\nmigsim ${libraryVersion()}; ${machine}; ${seconds.toFixed(0)} s in all. Run with \`npm run bench\`.\n`;
const results = fileURLToPath(new URL('./results', import.meta.url));
writeFilesAtomically(results, [
  { name: 'report.md', content: [head, ...markdown].join('\n') },
  { name: 'report.json', content: jsonText({ library: 'migsim', version: libraryVersion(), machine, seconds, ...json }) },
], false);
log(`\nWrote bench/results/report.md and bench/results/report.json (${seconds.toFixed(0)} s)`);
