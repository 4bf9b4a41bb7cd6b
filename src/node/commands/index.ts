import type { Command } from '../args.js';

/** A command's usage lines (shown in `migsim --help`) and a loader for its code. */
export interface CommandEntry {
  readonly usage: string;
  readonly load: () => Promise<Command>;
}

/**
 * Every command of the CLI; a new command is one file in this folder and one
 * entry here. A command's code, and what it imports, is loaded only when it
 * runs, so `migsim --help` and `migsim flee` never load the scenario engine's
 * dependencies.
 */
export const COMMANDS: Record<string, CommandEntry> = {
  run: {
    load: async () => (await import('./run.js')).runCommand,
    usage: `migsim run <scenario> [--seed N] [--replication N] [--ticks N] [--scale N] [--out DIR] [--format csv,arrow]
      Runs a scenario and prints a summary; with --out, writes per-tick tables (CSV by
      default; Arrow IPC files with --format arrow or csv,arrow), events and run.json into DIR.`,
  },
  validate: {
    load: async () => (await import('./validate.js')).validateCommand,
    usage: `migsim validate <scenario>
      Checks a scenario file and prints every problem found.`,
  },
  compare: {
    load: async () => (await import('./compare.js')).compareCommand,
    usage: `migsim compare <baseline> <variant> --reps N [--seed N] [--workers N] [--ticks N] [--scale N] [--out DIR] [--format csv,arrow] [--progress]
      Runs both scenarios N times with common random numbers and prints each indicator's
      mean difference (variant - baseline) with a paired 95% interval; with --out, writes
      the scorecard, every replication's values, the per-tick tables and comparison.json.`,
  },
  sweep: {
    load: async () => (await import('./sweep.js')).sweepCommand,
    usage: `migsim sweep <scenario> --param PATH=V1,V2,... [--param ...] --reps N --out DIR [--seed N] [--workers N] [--ticks N] [--scale N] [--format csv,arrow] [--progress]
migsim sweep <scenario> --sample N --param PATH=LOW:HIGH [--param ...] --reps N --out DIR [...]
      Runs every combination of the values given (or N points drawn between the bounds),
      N replications each, over every core. PATH names a scenario field, e.g.
      legs[id=lby-ita].interception, countries[id=SYR].conflict, behaviour.choiceDeath.
      Each finished run is kept in DIR/runs; rerun the same command to resume.`,
  },
  flee: {
    load: async () => (await import('./flee.js')).fleeCommand,
    usage: `migsim flee <conflict-folder> [--settings simsetting.yml] [--seed N] [--reps N] [--out DIR]
      Runs a Flee scenario (input_csv/ and source_data/) under Flee's displacement rules
      and prints its score against UNHCR camp counts (averaged relative difference,
      rescaled; mean and spread over replications) next to the naive baseline; with
      --out, writes per-day simulated and observed counts per camp into DIR.`,
  },
};
