import { totalmem } from 'node:os';
import { checkRunSize, formatBytes } from '../../scenario/size.js';
import type { Scenario } from '../../scenario/types.js';
import { validateScenario } from '../../scenario/validate.js';
import { parseShard, shardName, type Shard } from '../../experiment/shards.js';
import { UsageError, type Args } from '../args.js';
import { Progress } from '../progress.js';
import type { ShardRun } from '../shards.js';

/** Options every command that runs scenarios takes to shorten or coarsen them. */
export const SIZE_OPTIONS = ['ticks', 'scale'] as const;

/**
 * The scenario with `--ticks` and `--scale` applied, validated again
 * (expressions must still hold over a longer run), and its size checked
 * before anything is allocated: a run that cannot fit in this machine's
 * memory, with one copy per worker (`copies`), is refused; a long one is
 * announced with its estimate.
 */
export function sized(scenario: Scenario, args: Args, source: string, copies = 1): Scenario {
  const ticks = args.wholeNumber('ticks', 1);
  const scale = args.positiveNumber('scale');
  const result = ticks === undefined && scale === undefined
    ? scenario
    : validateScenario({ ...scenario, ticks: ticks ?? scenario.ticks, agents: { ...scenario.agents, scale: scale ?? scenario.agents.scale } }, source);
  const size = checkRunSize(result, source, totalmem(), copies);
  if (size.agentTicks >= LONG_RUN_AGENT_TICKS) {
    console.error(`migsim: warning: ${source}: a long run: ${size.agents.toLocaleString('en-US')} agents over ${result.ticks} ticks `
      + `(${size.agentTicks.toExponential(1)} agent-ticks, about ${formatBytes(size.bytes)}); a larger agents.scale (or --scale) runs quicker`);
  }
  return result;
}

/** Agent-ticks from which a run takes many minutes on one core (the built-in scenarios take about 3e7). */
const LONG_RUN_AGENT_TICKS = 1e9;
/** The `--report` switch: writes report.html into the --out folder once its files are there. */
export const REPORT_SWITCH = 'report';

/** Checks `--report` has a folder to go into; call before the work starts. */
export function reportWanted(args: Args, out: string | undefined): boolean {
  if (!args.has(REPORT_SWITCH)) return false;
  if (out === undefined) throw new UsageError('--report needs --out DIR: the report is written there, next to the files it charts');
  return true;
}

/** Writes report.html into a finished result folder; the charts are loaded only now. */
export async function writeReportInto(out: string): Promise<void> {
  const { writeReport } = await import('../report.js');
  console.log(`Wrote ${await writeReport(out)}`);
}

/**
 * An abort signal raised by Ctrl-C (SIGINT) or SIGTERM while `work` runs, so
 * it can stop cleanly and keep what finished; the handlers are removed after.
 */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** `--shard I/N`, read; absent: the whole experiment. */
export function shardOption(args: Args): Shard | undefined {
  const text = args.text('shard');
  if (text === undefined) return undefined;
  try {
    return parseShard(text);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`--shard: ${e.message}`);
    throw e;
  }
}

/** Progress of tasks kept in a folder: says how many were found done there, then counts the rest. */
export function folderProgress(what: string, out: string, forced: boolean) {
  let shown: Progress | undefined;
  return {
    onTask(_done: number, total: number, resumed: number) {
      if (!shown) {
        if (resumed > 0) console.error(`migsim: resuming: ${resumed} of ${total} ${what} already done in ${out}`);
        shown = new Progress(total, what, Progress.wanted(forced));
        shown.skip(resumed);
      } else shown.advance();
    },
    finish: () => shown?.finish(),
  };
}

/** What a shard says when done: where its results are, and how to join the shards. */
export function shardDone(title: string, what: string, out: string, run: ShardRun): string {
  return `${title}: shard ${shardName(run.shard)}: ${run.tasks} ${what} in ${out}/runs; when every shard is done, join them with: migsim merge <out> <the ${run.shard.count} shard folders>`;
}

export const interruptedKeeping = (what: string, out: string) => `migsim: interrupted; the finished ${what} are kept in ${out}/runs: run the same command again to resume`;
