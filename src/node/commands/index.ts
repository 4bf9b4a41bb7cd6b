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
    usage: `migsim run <scenario> [--seed N] [--replication N] [--ticks N] [--scale N] [--out DIR [--force]] [--format csv,arrow] [--report] [--progress]
      Runs a scenario and prints a summary; with --out, writes per-tick tables (CSV by
      default; Arrow IPC files with --format arrow or csv,arrow), events and run.json into DIR.
      DIR must be empty, new or written by migsim before (--force writes into any folder, or over a file).
      Defaults: --seed and --ticks from the scenario, --replication 0, --scale the scenario's.
      --report also writes DIR/report.html; --progress shows ticks done even when stderr
      is not a terminal (one line per update).`,
  },
  validate: {
    load: async () => (await import('./validate.js')).validateCommand,
    usage: `migsim validate <scenario>
      Checks a scenario file and prints every problem found, and what a run of it
      takes (agents, memory, agent-ticks): one that cannot fit in this machine is a problem too.`,
  },
  compare: {
    load: async () => (await import('./compare.js')).compareCommand,
    usage: `migsim compare <baseline> <variant> [--reps N] [--seed N] [--workers N] [--ticks N] [--scale N] [--out DIR [--force]] [--format csv,arrow] [--report] [--shard I/N] [--progress]
        [--uncertain PATH=uniform:LOW:HIGH|PATH=normal:MEAN:SD|PATH=posterior:FILE ...]
      Runs both scenarios N times with common random numbers and prints each indicator's
      mean difference (variant - baseline) with a paired 95% interval; with --out, writes
      the scorecard, every replication's values, the per-tick tables and comparison.json
      (DIR must be empty, new or migsim's own, unless --force).
      With --uncertain, each replication draws one parameter vector, used by both arms, so
      the interval covers what is not known about the parameters as well as chance.
      Defaults: --reps 10, --seed the baseline's, --workers every core, --format csv,arrow.
      --report also writes DIR/report.html.
      With --shard I/N (I from 0), runs only the pairs r with r mod N = I into --out DIR,
      resumably; \`migsim merge\` joins the N folders into what one machine would write.`,
  },
  sweep: {
    load: async () => (await import('./sweep.js')).sweepCommand,
    usage: `migsim sweep <scenario> --param PATH=V1,V2,... [--param ...] --out DIR [--force] [--reps N] [--seed N] [--workers N] [--ticks N] [--scale N] [--format csv,arrow] [--report] [--shard I/N] [--progress]
  migsim sweep <scenario> --sample N --param PATH=LOW:HIGH [--param ...] --out DIR [...]
      Runs every combination of the values given (or N points drawn between the bounds),
      N replications each, over every core. PATH names a scenario field, e.g.
      legs[id=lby-ita].interception, countries[id=SYR].conflict, behaviour.choiceDeath.
      Each finished run is kept in DIR/runs; rerun the same command to resume.
      DIR must be empty, new or migsim's own, unless --force.
      Defaults: --reps 10, --seed the scenario's, --workers every core, --format csv,arrow.
      --report also writes DIR/report.html.
      With --shard I/N (I from 0), runs only runs k with k mod N = I, into its own
      DIR; \`migsim merge\` joins the N folders into what one machine would write.`,
  },
  flee: {
    load: async () => (await import('./flee.js')).fleeCommand,
    usage: `migsim flee <conflict-folder> [--settings simsetting.yml] [--seed N] [--reps N] [--out DIR [--force]] [--format csv,arrow] [--report] [--progress] [--strict]
      Runs a Flee scenario (input_csv/ and source_data/) under Flee's displacement rules
      and prints its score against UNHCR camp counts (averaged relative difference,
      rescaled; mean and spread over replications) next to the naive baseline; with
      --out, writes per-day simulated and observed counts per camp into DIR. What the
      reader accepted from Flee's habits (a route listed both ways, a setting Flee has
      and this rule set does not...) is printed as a warning and kept in run.json;
      --strict makes every warning an error.
      Defaults: --seed 1, --reps 1, --format csv, settings those of FabFlee's validation
      simsetting.yml (docs/flee.md). --report also writes DIR/report.html.`,
  },
  merge: {
    load: async () => (await import('./merge.js')).mergeCommand,
    usage: `migsim merge <out> <shard-dir>... [--force]
      Joins the folders of a sweep, comparison or sensitivity analysis run as shards (each with --shard I/N and
      its own --out) into <out>: the same files one machine running the whole command
      writes, byte for byte. Refuses, writing nothing, shards of different designs or
      split differently, a shard given twice or missing, or one unfinished. For a
      calibration, joins one generation: <out> gets proposals.json for the next, or the
      calibration's files. <out> must be new, empty or this merge's own, unless --force.`,
  },
  calibrate: {
    load: async () => (await import('./calibrate.js')).calibrateCommand,
    usage: `migsim calibrate <scenario> --observed FILE --param PATH=LOW:HIGH [--param ...] --out DIR [--method abc|optimise]
        [--particles N] [--generations N] [--alpha A] [--min-acceptance P] [--iterations N] [--reps N]
        [--seed N] [--workers N] [--ticks N] [--scale N] [--format csv,arrow] [--force] [--progress] [--shard I/N [--from PREV]]
      Fits scenario fields (uniform priors on LOW:HIGH) to observed series (CSV: date, table,
      key, figure, value, source) by ABC (adaptive population Monte Carlo; default) or by
      Nelder-Mead (--method optimise). Writes the posterior sample, the posterior predictive
      series against the observed ones, the fit before and after, and best.yaml, the scenario
      with the best-fitting values. Each finished run is kept in DIR/runs: rerun to resume.
      DIR must be empty, new or migsim's own, unless --force.
      With --shard I/N (ABC only), runs the share k mod N = I of one generation into DIR:
      generation 0, or the next one after PREV, the folder \`migsim merge\` joined the
      previous generation's shards into (docs/cluster.md).`,
  },
  sensitivity: {
    load: async () => (await import('./sensitivity.js')).sensitivityCommand,
    usage: `migsim sensitivity <scenario> --param PATH=LOW:HIGH [--param ...] --indicator NAME[:KEY] [--indicator ...] --out DIR
        [--method morris|sobol] [--trajectories N] [--levels N] [--samples N] [--bootstrap N] [--reps N]
        [--seed N] [--workers N] [--ticks N] [--scale N] [--format csv,arrow] [--force] [--shard I/N] [--progress]
      Global sensitivity of run indicators to scenario fields: Morris elementary effects
      (default; r trajectories of k+1 runs) or Sobol' first- and total-order indices
      (Saltelli sampling, N(k+2) runs) with bootstrap 95% intervals. Seeds derive from each
      design point's values. Each finished run is kept in DIR/runs: rerun to resume.
      DIR must be empty, new or migsim's own, unless --force.
      With --shard I/N (I from 0), runs only runs k with k mod N = I, into its own DIR;
      \`migsim merge\` joins the N folders into what one machine would write.`,
  },
  facts: {
    load: async () => (await import('./facts.js')).factsCommand,
    usage: `migsim facts [--reps N] [--seed N] [--workers N] [--only A1,B6] [--coarsen K]
      The validation scorecard: runs the world of each published stylised fact
      (scenarios/facts/) against its counterfactual with the default behaviour, N (24) paired
      replications each, and prints each fact's expected band, the measured estimate with
      its 95% interval, and pass or fail. --coarsen K makes every agent stand for K times
      as many people (faster, noisier).`,
  },
  report: {
    load: async () => (await import('./report.js')).reportCommand,
    usage: `migsim report <dir>
      Writes DIR/report.html from a folder written by run, compare, sweep or flee (--out DIR):
      one self-contained page (no network needed) with the run's record, a summary and
      every chart that applies. The same as --report on those commands.`,
  },
  explore: {
    load: async () => (await import('./explore.js')).exploreCommand,
    usage: `migsim explore <scenario> [--port N] [--build DIR] [--ticks N] [--scale N]
      Serves the explorer on http://127.0.0.1:PORT/ (default --port 4173; 0 picks a free
      one) until Ctrl-C: pick a scenario (this one, or another valid file in its folder),
      move sliders for its policies, legs' interception and origins' conflict, and watch
      both the untouched baseline and the variant run tick by tick in the browser.
      --build DIR writes the same page as DIR/index.html, to open from a file, and exits.`,
  },
};
