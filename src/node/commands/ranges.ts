import type { ParameterRange } from '../../calibration/parameters.js';
import { FieldPathError } from '../../experiment/paths.js';
import { UsageError, type Args } from '../args.js';
import { Interrupted } from '../pool.js';
import { splitParam } from './sweep.js';

/** `--param PATH=LOW:HIGH`, repeated: the ranges of calibration and sensitivity analysis. */
export function readRanges(args: Args, command: string): ParameterRange[] {
  const params = args.all('param');
  if (params.length === 0) throw new UsageError(`${command} needs at least one --param PATH=LOW:HIGH`);
  return params.map((text) => {
    const { path, values } = splitParam(text);
    const bounds = values.split(':');
    const [low, high] = bounds.map(Number);
    if (bounds.length !== 2 || bounds.some((b) => b.trim() === '') || !Number.isFinite(low) || !Number.isFinite(high)) throw new UsageError(`--param ${text}: expected PATH=LOW:HIGH with two numbers`);
    if (!(low < high)) throw new UsageError(`--param ${text}: LOW must be below HIGH`);
    return { path, low, high };
  });
}

/** A number option within (min, max), or undefined when not given. */
export function numberIn(args: Args, name: string, min: number, max: number): number | undefined {
  const text = args.text(name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !(n > min && n < max)) throw new UsageError(`--${name}: expected a number between ${min} and ${max}, found "${text}"`);
  return n;
}

/**
 * What a command that keeps its runs in DIR/runs does with an error: a bad
 * path is a usage error; an interruption says how to resume (exit code 130).
 */
export function stoppedKeepingRuns(e: unknown, out: string): number {
  if (e instanceof FieldPathError) throw new UsageError(`--param ${e.message}`);
  if (!(e instanceof Interrupted)) throw e;
  console.error(`migsim: interrupted; the finished runs are kept in ${out}/runs: run the same command again to resume`);
  return 130;
}
