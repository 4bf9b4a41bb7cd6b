/**
 * What governments cost a run: each government scenario run with its
 * governments active, timing each tick and the governments plugin's hooks
 * within it, in wall time (performance.now) and in CPU time of this process,
 * over MIGSIM_BENCH_TRIALS trials; agents per run MIGSIM_BENCH_GOV_AGENTS
 * (default 200000; `own`: each scenario at its own scale). What the engine's additions cost runs without governments
 * is the main-against-branch comparison in the README.
 *
 * The hooks run once a tick, a fraction of a millisecond each: a single call's
 * time on a shared machine is mostly noise. CPU time counts every thread of
 * the process (the JIT compiler, the garbage collector) that happens to run
 * during the call; wall time counts being descheduled. Every trial does the
 * same work tick by tick (same seed), so the headline share takes, for each
 * tick, the fastest trial's hooks and the fastest trial's rest of the tick,
 * and sums those: the least-disturbed estimate of each. The whole run's share
 * in its fastest trial (by wall time) is printed beside it, in both measures,
 * with the machine's load, so a disturbed figure can be seen as one, and the
 * first trial's: trials share one process, so only the first pays for
 * compiling the hooks' code, as a one-off run does (fully so only for the
 * first scenario; the others reuse much of what it compiled).
 * The cost is per tick and the rest grows with agents, so the share falls as
 * agents grow; the scenarios' own sizes are 50,000 to 220,000 agents, so the
 * default is not raised above them. Hook milliseconds a tick are printed so the
 * share at another size can be read off.
 *
 *   npx tsx bench/governments.ts
 */
import { fileURLToPath } from 'node:url';
import { Simulation } from '../src/engine/simulation.js';
import { readScenarioFile } from '../src/node/files.js';
import type { Scenario } from '../src/scenario/types.js';
import type { Plugin } from '../src/engine/plugin.js';
import type { PolicyApi } from '../src/engine/policy-api.js';
import { GOVERNMENTS_PLUGIN } from '../src/governments/plugin.js';
import { validateScenario } from '../src/scenario/validate.js';
import { costText, measured } from './cost.js';

const SCENARIOS = fileURLToPath(new URL('../scenarios', import.meta.url));
const FILES = ['eu-turkey-deal', 'italy-libya', 'spain-morocco', 'canada-jamaica'];

export interface GovernmentsSuiteOptions {
  /** Agents per run; 'own': each scenario at its own scale. */
  agents: number | 'own';
  trials: number;
  log?: (line: string) => void;
}

/** One trial's times by tick, milliseconds: the whole tick and the governments' hooks within it, wall and CPU. */
interface Trial {
  /** Agents in the run. */
  agents: number;
  tickWall: Float64Array;
  tickCpu: Float64Array;
  hookWall: Float64Array;
  hookCpu: Float64Array;
}

const cpuMs = (since?: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

function trial(s: Scenario): Trial {
  const sim = new Simulation(s);
  const t: Trial = { agents: sim.store.size, tickWall: new Float64Array(s.ticks), tickCpu: new Float64Array(s.ticks), hookWall: new Float64Array(s.ticks), hookCpu: new Float64Array(s.ticks) };
  // Bench-only: time the plugin's hooks from outside, without changing the engine.
  for (const plugin of (sim as unknown as { plugins: Plugin[] }).plugins) {
    if (plugin.name !== GOVERNMENTS_PLUGIN || !plugin.hooks) continue;
    const hooks = plugin.hooks as Record<string, (api: PolicyApi) => void>;
    for (const [phase, hook] of Object.entries(hooks)) {
      hooks[phase] = (api) => {
        const c = process.cpuUsage();
        const w = performance.now();
        hook(api);
        t.hookWall[api.tick] += performance.now() - w;
        t.hookCpu[api.tick] += cpuMs(c);
      };
    }
  }
  while (!sim.finished) {
    const tick = sim.tick;
    const c = process.cpuUsage();
    const w = performance.now();
    sim.step();
    t.tickWall[tick] = performance.now() - w;
    t.tickCpu[tick] = cpuMs(c);
  }
  sim.runFor(0);
  return t;
}

const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

/** Per tick, the fastest trial's hooks and the fastest trial's rest of the tick, summed over ticks. */
function fastestByTick(trials: Trial[], tick: 'tickWall' | 'tickCpu', hook: 'hookWall' | 'hookCpu'): { hooks: number; rest: number } {
  let hooks = 0;
  let rest = 0;
  for (let k = 0; k < trials[0][tick].length; k++) {
    hooks += Math.min(...trials.map((t) => t[hook][k]));
    rest += Math.min(...trials.map((t) => t[tick][k] - t[hook][k]));
  }
  return { hooks, rest };
}

export interface GovernmentsRow {
  scenario: string;
  agents: number;
  ticks: number;
  /** Per-tick fastest: hooks and rest of the run, wall and CPU ms, and the hooks' share of the rest. */
  hooksWallMs: number;
  restWallMs: number;
  shareWall: number;
  hooksCpuMs: number;
  restCpuMs: number;
  shareCpu: number;
  /** The fastest trial by wall time, whole: its run and its hooks' share of the rest, wall and CPU. */
  runWallMs: number;
  runShareWall: number;
  runShareCpu: number;
  /** The first trial, whole (the code not yet compiled): its hooks' share of the rest, wall and CPU. */
  firstShareWall: number;
  firstShareCpu: number;
  /** One-minute load average after the scenario's trials, and what they cost. */
  load: number;
  cost: string;
}

export function governmentsSuite(options: GovernmentsSuiteOptions): { markdown: string; json: unknown } {
  const log = options.log ?? (() => {});
  const rows: GovernmentsRow[] = [];
  const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
  for (const name of FILES) {
    const s = readScenarioFile(`${SCENARIOS}/${name}.yaml`);
    const people = s.countries.filter((c) => s.agents.origins.includes(c.id)).reduce((sum, c) => sum + Number(c.population), 0);
    const sized = options.agents === 'own' ? s : validateScenario({ ...s, agents: { ...s.agents, scale: people / options.agents } }, name);
    const { value: trials, cost } = measured(() => Array.from({ length: options.trials }, () => trial(sized)));
    const wall = fastestByTick(trials, 'tickWall', 'hookWall');
    const cpu = fastestByTick(trials, 'tickCpu', 'hookCpu');
    const best = trials.reduce((a, b) => (sum(b.tickWall) < sum(a.tickWall) ? b : a));
    const share = (hooks: number, run: number) => hooks / (run - hooks);
    const row: GovernmentsRow = {
      scenario: name, agents: trials[0].agents, ticks: sized.ticks,
      hooksWallMs: wall.hooks, restWallMs: wall.rest, shareWall: wall.hooks / wall.rest,
      hooksCpuMs: cpu.hooks, restCpuMs: cpu.rest, shareCpu: cpu.hooks / cpu.rest,
      runWallMs: sum(best.tickWall), runShareWall: share(sum(best.hookWall), sum(best.tickWall)), runShareCpu: share(sum(best.hookCpu), sum(best.tickCpu)),
      firstShareWall: share(sum(trials[0].hookWall), sum(trials[0].tickWall)), firstShareCpu: share(sum(trials[0].hookCpu), sum(trials[0].tickCpu)),
      load: cost.load, cost: costText(cost),
    };
    rows.push(row);
    log(`  ${name.padEnd(16)} ${String(row.agents).padStart(8)} agents: governments ${(row.hooksWallMs / row.ticks).toFixed(3)} ms a tick, `
      + `+${pct(row.shareWall)} wall, +${pct(row.shareCpu)} CPU on the rest (per-tick fastest of ${options.trials}); `
      + `fastest run ${row.runWallMs.toFixed(0)} ms: +${pct(row.runShareWall)} wall, +${pct(row.runShareCpu)} CPU; first +${pct(row.firstShareWall)} wall, +${pct(row.firstShareCpu)} CPU; trials ${row.cost}`);
  }
  const markdown = [
    '## Governments suite', '',
    'Each government scenario, active: the governments plugin\'s hooks as a share of the rest of the run. Headline: for each tick, the fastest',
    'trial\'s hooks and rest of the tick (every trial does the same work), summed; beside it, the whole fastest run and the first (the only one that',
    'compiles the hooks\' code). Wall time and CPU time of the',
    'process (which counts the JIT compiler\'s and the garbage collector\'s threads while a hook runs). (Against the same scenario without',
    'governments the migrants\' work differs, as governments change what they do.)', '',
    '| scenario | agents | governments ms / tick | governments / rest, wall | governments / rest, CPU | fastest run ms | its share, wall | its share, CPU | first run\'s, wall | first run\'s, CPU | load |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.scenario} | ${r.agents} | ${(r.hooksWallMs / r.ticks).toFixed(3)} | ${pct(r.shareWall)} | ${pct(r.shareCpu)} | ${r.runWallMs.toFixed(0)} | ${pct(r.runShareWall)} | ${pct(r.runShareCpu)} | ${pct(r.firstShareWall)} | ${pct(r.firstShareCpu)} | ${r.load.toFixed(1)} |`), '',
  ].join('\n');
  return { markdown, json: rows };
}

/** MIGSIM_BENCH_GOV_AGENTS as the suite takes it: `own`, or a positive number of agents (default 200,000). */
export function governmentAgents(setting: string | undefined): number | 'own' {
  if (setting === undefined || setting === 'own') return setting ?? 200_000;
  const agents = Number(setting);
  if (!(agents >= 1)) {
    console.error(`MIGSIM_BENCH_GOV_AGENTS: expected "own" or a positive number of agents, found "${setting}"`);
    process.exit(2);
  }
  return agents;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = governmentsSuite({ agents: governmentAgents(process.env.MIGSIM_BENCH_GOV_AGENTS), trials: Number(process.env.MIGSIM_BENCH_TRIALS ?? 3), log: console.log });
  console.log(r.markdown);
}
