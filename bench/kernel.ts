/**
 * The yardstick for the engine's speed: a plain JavaScript streaming kernel
 * that updates every agent every tick in struct-of-arrays form (read a state
 * byte and a few floats, one xorshift draw, a branch, write back). The
 * engine touches far fewer agents per tick but does more for each; its
 * migrant-ticks per CPU second as a share of this kernel's updates per CPU
 * second is the figure the performance budget names (at least a half).
 *
 *   npx tsx bench/kernel.ts [agents=1000000] [ticks=72]
 */
import { fileURLToPath } from 'node:url';
import { costText, measured, type Cost } from './cost.js';

export interface KernelResult {
  agents: number;
  ticks: number;
  updatesPerCpuSecond: number;
  cost: Cost;
  /** A value computed from every update, so nothing can be optimised away. */
  checksum: number;
}

export function measureKernel(agents: number, ticks: number): KernelResult {
  const state = new Uint8Array(agents);
  const savings = new Float32Array(agents);
  const risk = new Float32Array(agents);
  const timer = new Int32Array(agents);
  for (let i = 0; i < agents; i++) risk[i] = (i % 97) / 97;
  let x = 2463534242;
  const { value: checksum, cost } = measured(() => {
    let moved = 0;
    for (let tick = 0; tick < ticks; tick++) {
      for (let i = 0; i < agents; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        const u = (x >>> 0) * 2.3283064365386963e-10;
        const s = state[i];
        let saved = savings[i] + 10;
        if (s === 0 && u * saved > 5000 * (1 - risk[i])) {
          state[i] = 1;
          saved -= 1000;
          timer[i] = tick + 3;
          moved++;
        } else if (s === 1 && timer[i] <= tick) state[i] = 0;
        savings[i] = saved;
      }
    }
    return moved;
  });
  return { agents, ticks, updatesPerCpuSecond: (agents * ticks) / cost.cpuSeconds, cost, checksum };
}

export function formatKernel(r: KernelResult): string {
  return `streaming kernel: ${r.agents.toLocaleString('en-US')} agents x ${r.ticks} ticks, ${(r.updatesPerCpuSecond / 1e6).toFixed(1)} million updates per CPU second (${costText(r.cost)})`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [agents = 1_000_000, ticks = 72] = process.argv.slice(2).map(Number);
  console.log(formatKernel(measureKernel(agents, ticks)));
}
