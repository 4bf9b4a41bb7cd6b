import { Simulation } from '../../engine/simulation.js';
import { runFiles, summarise } from '../../io/summary.js';
import type { Scenario } from '../../scenario/types.js';
import { validateScenario } from '../../scenario/validate.js';
import { Args, type Command } from '../args.js';
import { libraryVersion, readScenarioFile, writeFilesAtomically } from '../files.js';

export const runCommand: Command = {
  usage: `migsim run <scenario> [--seed N] [--replication N] [--ticks N] [--scale N] [--out DIR]
      Runs a scenario and prints a summary; with --out, writes per-tick CSV tables,
      events.csv and run.json into DIR.`,
  run(argv) {
    const args = new Args(argv, ['seed', 'replication', 'ticks', 'scale', 'out']);
    const [file] = args.exactly(1, 'one scenario file');
    const seed = args.wholeNumber('seed', 0);
    const replication = args.wholeNumber('replication', 0);
    const ticks = args.wholeNumber('ticks', 1);
    const scale = args.positiveNumber('scale');
    const out = args.text('out');
    let scenario: Scenario = readScenarioFile(file);
    if (ticks !== undefined || scale !== undefined) {
      // Validated again: expressions must still hold over a longer run.
      scenario = validateScenario({ ...scenario, ticks: ticks ?? scenario.ticks, agents: { ...scenario.agents, scale: scale ?? scenario.agents.scale } }, file);
    }
    const result = new Simulation(scenario, { seed, replication }).runFor();
    console.log(summarise(result));
    if (out !== undefined) {
      const written = writeFilesAtomically(out, runFiles(scenario, result, libraryVersion()));
      console.log(`\nWrote ${written.length} files to ${out}`);
    }
  },
};
