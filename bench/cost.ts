/**
 * What a measurement cost, printed with every figure: CPU seconds of this
 * process, wall seconds, and the machine's load (one-minute average over its
 * cores), so figures taken on a shared machine can be read for what they are.
 */
import { availableParallelism, loadavg } from 'node:os';

export interface Cost {
  cpuSeconds: number;
  wallSeconds: number;
  /** One-minute load average at the end, and the number of cores it is shared by. */
  load: number;
  cores: number;
}

/** Runs `work` and returns its value with what it cost. */
export function measured<T>(work: () => T): { value: T; cost: Cost } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const value = work();
  return { value, cost: costSince(cpu, wall) };
}

/** The cost from a `process.cpuUsage()` and a `performance.now()` taken at the start. */
export function costSince(cpu: NodeJS.CpuUsage, wall: number): Cost {
  const used = process.cpuUsage(cpu);
  return { cpuSeconds: (used.user + used.system) / 1e6, wallSeconds: (performance.now() - wall) / 1e3, load: loadavg()[0], cores: availableParallelism() };
}

export function costText(c: Cost): string {
  return `${c.cpuSeconds.toFixed(2)} CPU-s, ${c.wallSeconds.toFixed(2)} s wall, load ${c.load.toFixed(1)} on ${c.cores} cores`;
}
