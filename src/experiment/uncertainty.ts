import { RandomStreams } from '../random/streams.js';
import { ScenarioError } from '../scenario/errors.js';
import type { Scenario } from '../scenario/types.js';
import { withFieldValues } from './paths.js';

/**
 * What we do not know about a scenario's parameters, for comparisons that
 * carry it: each replication draws one parameter vector and runs both arms
 * with it, so the effect's interval covers the parameters' uncertainty as
 * well as chance. Parameters are drawn independently (uniform, normal), or
 * jointly from a sample such as a calibration's posterior (a row drawn by
 * weight, every path of that sample from the same row).
 */
export type Distribution =
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'normal'; mean: number; sd: number };

export interface UncertainParameter {
  path: string;
  distribution: Distribution;
}

/** A weighted joint sample of several paths: rows[i][k] is path k's value in draw i. */
export interface ParameterSample {
  source: string;
  paths: string[];
  rows: number[][];
  weights: number[];
}

export interface Uncertainty {
  parameters: UncertainParameter[];
  samples: ParameterSample[];
}

/** How often a draw outside a field's valid range (a normal below 0 for a probability) is redrawn before giving up. */
const REDRAWS = 1000;

function drawOnce(u: Uncertainty, stream: ReturnType<RandomStreams['stream']>): Record<string, number> {
  const values: Record<string, number> = {};
  for (const { path, distribution: d } of u.parameters) {
    values[path] = d.kind === 'uniform' ? d.low + (d.high - d.low) * stream.uniform() : d.mean + d.sd * stream.normal();
  }
  for (const s of u.samples) {
    const total = s.weights.reduce((a, b) => a + b, 0);
    const x = stream.uniform() * total;
    let row = 0;
    for (let acc = s.weights[0]; acc <= x && row < s.rows.length - 1; acc += s.weights[++row]);
    s.paths.forEach((p, k) => (values[p] = s.rows[row][k]));
  }
  return values;
}

/**
 * Both arms of replication r with its parameter vector set, drawn from the
 * replication's own stream (so it is the same whatever worker runs it). A
 * draw that makes either scenario invalid is redrawn: the distributions are
 * truncated to the fields' valid ranges.
 */
export function uncertainArms(baseline: Scenario, variant: Scenario, u: Uncertainty, seed: number, replication: number): { baseline: Scenario; variant: Scenario; values: Record<string, number> } {
  const stream = new RandomStreams({ scenario: baseline.name, seed, replication: 0 }).stream(`uncertain:${replication}`);
  let last: unknown;
  for (let k = 0; k < REDRAWS; k++) {
    const values = drawOnce(u, stream);
    try {
      return { baseline: withFieldValues(baseline, values), variant: withFieldValues(variant, values, variant.name), values };
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      last = e;
    }
  }
  throw last;
}
