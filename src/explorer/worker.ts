/**
 * The explorer's Web Worker: runs the core, unchanged, off the page's thread.
 * Both arms step together, one tick at a time, and send their tables after
 * each tick, so the page draws the run as it goes. A new request abandons the
 * run in progress between two ticks.
 */
import { Simulation } from '../engine/simulation.js';
import { withFieldValues } from '../experiment/paths.js';
import { validateScenario } from '../scenario/validate.js';
import '../world/mathjs-parser.js'; // a browser cannot load mathjs on first use
import { EXPLORER_TABLES, type RunRequest, type WorkerMessage } from './protocol.js';

const scope = globalThis as unknown as { postMessage(m: WorkerMessage): void; onmessage: ((e: MessageEvent<RunRequest>) => void) | null };
let current = -1;

scope.onmessage = (e) => {
  current = e.data.run;
  void run(e.data);
};

async function run(request: RunRequest): Promise<void> {
  try {
    const sized = { ...request.scenario, agents: { ...request.scenario.agents, scale: request.scale } };
    const baseline = validateScenario(sized, request.scenario.name);
    const variant = validateScenario(withFieldValues(sized, request.values), `${request.scenario.name} (explored)`);
    // The variant draws the baseline's random streams (common random numbers), as compare does.
    const arms = [new Simulation(baseline, { seed: request.seed }), new Simulation(variant, { seed: request.seed, streamsOf: baseline.name })];
    for (let tick = 1; tick <= baseline.ticks; tick++) {
      for (const arm of arms) arm.step();
      const done = tick === baseline.ticks;
      const [b, v] = arms.map((arm) => (done ? arm.runFor(0) : arm.result()).tables.filter((t) => EXPLORER_TABLES.includes(t.name)));
      scope.postMessage({ type: 'tick', run: request.run, tick, ticks: baseline.ticks, done, baseline: b, variant: v });
      // Let a newer request in between ticks.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (current !== request.run) return;
    }
  } catch (e) {
    scope.postMessage({ type: 'error', run: request.run, message: (e as Error).message });
  }
}
