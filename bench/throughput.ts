/**
 * Throughput of the built-in scenario scaled to a given number of agents:
 * migrant-ticks per CPU second on one core, and memory per agent; then, in
 * the same process, the plain JavaScript streaming kernel (bench/kernel.ts)
 * on as many agents for as many ticks, and the engine's rate as a share of it.
 *
 *   npx tsx bench/throughput.ts [agents=1000000] [ticks=72] [--json] [--no-kernel]
 *
 * With --json it prints the result as one line of JSON, for the benchmark
 * suite, which runs each size in a fresh process so peak memory is its own.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MigrantStore } from '../src/agents/store.js';
import { Simulation } from '../src/engine/simulation.js';
import { parseScenario } from '../src/scenario/load.js';
import { validateScenario } from '../src/scenario/validate.js';
import type { Scenario } from '../src/scenario/types.js';
import { costSince, costText, type Cost } from './cost.js';
import { measureKernel, type KernelResult } from './kernel.js';

export interface ThroughputResult {
  agents: number;
  ticks: number;
  /** Wall seconds of the run (building it excluded). */
  seconds: number;
  /** Per CPU second of this process. */
  migrantTicksPerSecond: number;
  cost: Cost;
  /** The streaming kernel on as many agents and ticks, run right after in the same process. */
  kernel?: KernelResult;
  /** migrantTicksPerSecond / kernel.updatesPerCpuSecond. */
  shareOfKernel?: number;
  /** Bytes of the agent store per agent (the typed arrays). */
  storeBytesPerAgent: number;
  /** Growth of the process's resident memory while building and running, per agent. */
  residentBytesPerAgent: number;
  /** Peak resident memory of the process (maxRSS), in bytes: the figure a machine must have. */
  peakResidentBytes: number;
  /** Peak resident memory above what the process held before building the run, per agent. */
  peakBytesPerAgent: number;
}

/** The built-in scenario with the scale set so that it has about `agents` agents. */
export function scaledMediterranean(agents: number, ticks?: number): Scenario {
  const path = fileURLToPath(new URL('../scenarios/mediterranean.yaml', import.meta.url));
  const s = parseScenario(readFileSync(path, 'utf8'), path);
  const persons = s.countries.filter((c) => s.agents.origins.includes(c.id)).reduce((sum, c) => sum + (c.population as number), 0);
  return validateScenario({ ...s, ticks: ticks ?? s.ticks, agents: { ...s.agents, scale: persons / agents } }, path);
}

export function measureThroughput(agents: number, ticks = 72, kernel = true): ThroughputResult {
  const scenario = scaledMediterranean(agents, ticks);
  const rssBefore = process.memoryUsage().rss;
  const sim = new Simulation(scenario);
  const cpu = process.cpuUsage();
  const start = performance.now();
  sim.runFor();
  const cost = costSince(cpu, start);
  const rssAfter = process.memoryUsage().rss;
  const peakResidentBytes = process.resourceUsage().maxRSS * 1024;
  const migrantTicksPerSecond = (sim.store.size * ticks) / cost.cpuSeconds;
  const k = kernel ? measureKernel(sim.store.size, ticks) : undefined;
  return {
    agents: sim.store.size, ticks, seconds: cost.wallSeconds, cost, migrantTicksPerSecond,
    kernel: k, shareOfKernel: k ? migrantTicksPerSecond / k.updatesPerCpuSecond : undefined,
    storeBytesPerAgent: MigrantStore.bytesPerAgent(),
    residentBytesPerAgent: Math.max(0, rssAfter - rssBefore) / sim.store.size,
    peakResidentBytes,
    peakBytesPerAgent: Math.max(0, peakResidentBytes - rssBefore) / sim.store.size,
  };
}

export function formatThroughput(r: ThroughputResult): string {
  return `${r.agents.toLocaleString('en-US')} agents x ${r.ticks} ticks: `
    + `${(r.migrantTicksPerSecond / 1e6).toFixed(1)} million migrant-ticks per CPU second (${costText(r.cost)}); `
    + `store ${r.storeBytesPerAgent} B/agent, peak ${(r.peakResidentBytes / 2 ** 30).toFixed(2)} GiB (${r.peakBytesPerAgent.toFixed(0)} B/agent above the empty process)`
    + (r.kernel ? `; kernel ${(r.kernel.updatesPerCpuSecond / 1e6).toFixed(1)} million updates per CPU second (${costText(r.kernel.cost)}): engine at ${r.shareOfKernel!.toFixed(2)} of the kernel` : '');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [agents = 1_000_000, ticks = 72] = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
  const result = measureThroughput(agents, ticks, !process.argv.includes('--no-kernel'));
  console.log(process.argv.includes('--json') ? JSON.stringify(result) : formatThroughput(result));
}
