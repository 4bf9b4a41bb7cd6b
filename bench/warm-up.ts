/**
 * What a run costs cold and warm: the same run three times in one process,
 * the first with none of the engine's code compiled yet (as in a fresh
 * `migsim run` or `migsim flee`), then the fastest of the next two, with
 * V8's optimised code in place (as in a sweep's worker, which serves many
 * runs). Both are in CPU seconds of the process, so the compiler's and the
 * garbage collector's background threads count. For the budget's ratios:
 *
 * - the main engine, the built-in scenario at a million agents for 72 ticks,
 *   against the streaming kernel (bench/kernel.ts) on as many agents, run
 *   right after in the same process;
 * - the Flee mode on the four Flee-sized conflicts (bench/flee-versus.ts),
 *   each in a process of its own (the conflicts share the movement code, so
 *   only a conflict's first run in a process is cold), against Flee's CPU
 *   seconds as last recorded there, when there is a record.
 *
 *   npx tsx bench/warm-up.ts [agents=1000000] [ticks=72]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Simulation } from '../src/engine/simulation.js';
import { FleeSimulation } from '../src/flee/simulation.js';
import { readFleeFolder, readFleeSettingsFile } from '../src/node/flee-files.js';
import { costText, measured, type Cost } from './cost.js';
import { FLEE_SIZED, type VersusRecord } from './flee-versus.js';
import { measureKernel } from './kernel.js';
import { scaledMediterranean } from './throughput.js';

const DATA = fileURLToPath(new URL('../../shared/data/flee-validation', import.meta.url));
const VERSUS = fileURLToPath(new URL('./results/flee-versus.json', import.meta.url));

export interface ColdWarm {
  cold: Cost;
  /** The fastest of the two runs after the first. */
  warm: Cost;
}

/** `run` three times in this process: the first (cold), and the fastest of the other two (warm). */
export function coldAndWarm(run: () => void): ColdWarm {
  const cold = measured(run).cost;
  const again = [measured(run).cost, measured(run).cost];
  return { cold, warm: again[0].cpuSeconds <= again[1].cpuSeconds ? again[0] : again[1] };
}

/** One Flee-sized conflict cold and warm, in this process. */
function fleeColdAndWarm(conflict: string): ColdWarm {
  const base = readFleeSettingsFile(join(DATA, 'simsetting.yml'), { strict: false, warnings: [] });
  const settings = { ...base, optimisations: { ...base.optimisations, hasten: FLEE_SIZED[conflict] } };
  const scenario = readFleeFolder(join(DATA, conflict), { strict: false, warnings: [] });
  return coldAndWarm(() => {
    const sim = new FleeSimulation(scenario, { settings });
    while (!sim.finished) sim.step();
  });
}

const SELF = fileURLToPath(import.meta.url);

function fleeInChild(conflict: string): ColdWarm {
  const child = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--flee', conflict], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the Flee mode on ${conflict} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ColdWarm;
}

function mainEngine(agents: number, ticks: number): void {
  const scenario = scaledMediterranean(agents, ticks);
  let size = 0;
  const engine = coldAndWarm(() => {
    const sim = new Simulation(scenario);
    sim.runFor();
    size = sim.store.size;
  });
  const kernel = measureKernel(size, ticks);
  const rate = (c: Cost) => (size * ticks) / c.cpuSeconds;
  console.log(`Main engine, ${size.toLocaleString('en-US')} agents x ${ticks} ticks (building included):`);
  for (const [name, c] of [['cold', engine.cold], ['warm', engine.warm]] as const) {
    console.log(`  ${name}: ${(rate(c) / 1e6).toFixed(1)} million migrant-ticks per CPU second (${costText(c)}), ${(rate(c) / kernel.updatesPerCpuSecond).toFixed(2)} of the kernel`);
  }
  console.log(`  kernel: ${(kernel.updatesPerCpuSecond / 1e6).toFixed(1)} million updates per CPU second (${costText(kernel.cost)})`);
}

function fleeMode(): void {
  const record = existsSync(VERSUS) ? (JSON.parse(readFileSync(VERSUS, 'utf8')) as VersusRecord) : undefined;
  console.log(`\nFlee mode, Flee-sized runs, each conflict in a fresh process${record ? ` (Flee's CPU seconds as recorded ${record.date})` : ' (no record of Flee: bench/flee-versus.ts)'}:`);
  const seconds = (c: Cost) => `${c.cpuSeconds.toFixed(3)} CPU-s, ${c.wallSeconds.toFixed(3)} s wall`;
  for (const conflict of Object.keys(FLEE_SIZED)) {
    const run = fleeInChild(conflict);
    const flee = record?.rows.find((r) => r.conflict === conflict)?.fleeCpuSeconds;
    const times = (c: Cost) => (flee === undefined ? '' : `, ${(flee / c.cpuSeconds).toFixed(0)}x Flee`);
    console.log(`  ${conflict} (hasten ${FLEE_SIZED[conflict]}): cold ${seconds(run.cold)}${times(run.cold)}; warm ${seconds(run.warm)}${times(run.warm)} (load ${run.warm.load.toFixed(1)} on ${run.warm.cores} cores)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const flee = process.argv.indexOf('--flee');
  if (flee >= 0) process.stdout.write(JSON.stringify(fleeColdAndWarm(process.argv[flee + 1])));
  else {
    const [agents = 1_000_000, ticks = 72] = process.argv.slice(2).map(Number);
    mainEngine(agents, ticks);
    fleeMode();
  }
}
