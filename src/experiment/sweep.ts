import type { PolicyEvent } from '../engine/events.js';
import type { IndicatorValues } from '../metrics/indicators.js';
import { indicatorsNamed } from '../metrics/indicators.js';
import type { Table } from '../metrics/table.js';
import { RandomStreams } from '../random/streams.js';
import type { Scenario } from '../scenario/types.js';
import { checkReplications, runArm } from './compare.js';
import { checkFieldPath, FieldPathError, withFieldValues } from './paths.js';
import { derivedSeed } from './seeds.js';
import { estimate } from './stats.js';

/**
 * Which parameter values a sweep runs: every combination of listed values
 * (a grid), or `count` points drawn uniformly between bounds (a seeded random
 * sample; point i is drawn from its own stream, so asking for more points
 * keeps the first ones). Parameters are scenario field paths (see paths.ts).
 */
export type SweepDesign =
  | { kind: 'grid'; parameters: ReadonlyArray<{ path: string; values: readonly number[] }> }
  | { kind: 'sample'; count: number; parameters: ReadonlyArray<{ path: string; low: number; high: number }> };

/** One combination of parameter values, with the seed its runs use. */
export interface SweepPoint {
  index: number;
  /** The values by path, as `path=value` joined by ";" in path order: names the point for its seed. */
  key: string;
  values: Record<string, number>;
  seed: number;
}

/** One finished run of a sweep: which point and replication, and what it gave. */
export interface SweepRun {
  point: number;
  replication: number;
  seed: number;
  indicators: Record<string, IndicatorValues>;
  events: PolicyEvent[];
}

export interface SweepOptions {
  replications: number;
  /** Root seed of the experiment; default: the scenario's. */
  seed?: number;
  indicators?: readonly string[];
}

export interface SweepResult {
  scenario: Scenario;
  design: SweepDesign;
  seed: number;
  replications: number;
  points: SweepPoint[];
  /** In (point, replication) order. */
  runs: SweepRun[];
}

/**
 * The points of a sweep, each with its seed derived from (scenario, root seed,
 * the point's values): adding a value to a grid never shifts another point's
 * seed. Every path and every point's scenario is checked before anything runs,
 * so a bad path or an out-of-range value is reported at once.
 */
export function sweepPoints(scenario: Scenario, design: SweepDesign, seed = scenario.seed): SweepPoint[] {
  if (design.parameters.length === 0) throw new FieldPathError('', 'a sweep needs at least one parameter');
  const paths = design.parameters.map((p) => p.path);
  const repeated = paths.find((p, k) => paths.indexOf(p) !== k);
  if (repeated !== undefined) throw new FieldPathError(repeated, 'the parameter is given twice');
  for (const p of paths) checkFieldPath(scenario, p);
  let combinations: Array<Record<string, number>>;
  if (design.kind === 'grid') {
    combinations = [{}];
    for (const { path, values } of design.parameters) {
      if (values.length === 0) throw new FieldPathError(path, 'no values to sweep over');
      combinations = combinations.flatMap((c) => values.map((v) => ({ ...c, [path]: v })));
    }
  } else {
    if (!Number.isInteger(design.count) || design.count < 1) throw new Error(`a random sample needs a whole number of points of at least 1, got ${design.count}`);
    const streams = new RandomStreams({ scenario: scenario.name, seed, replication: 0 });
    combinations = Array.from({ length: design.count }, (_, i) => Object.fromEntries(design.parameters.map(({ path, low, high }) => {
      if (!(low <= high)) throw new FieldPathError(path, `the range ${low}:${high} is empty (write low:high)`);
      return [path, low + (high - low) * streams.stream(`sweep-sample:${i}:${path}`).uniform()];
    })));
  }
  return combinations.map((values, index) => {
    withFieldValues(scenario, values); // validates the point's scenario, reporting any value out of range
    return designPoint(scenario, index, values, seed);
  });
}

/** A point of any experimental design (sweep, calibration, sensitivity), its seed derived from its values, never its position. */
export function designPoint(scenario: Scenario, index: number, values: Record<string, number>, seed: number): SweepPoint {
  const key = Object.keys(values).sort().map((p) => `${p}=${values[p]}`).join(';');
  return { index, key, values, seed: derivedSeed(scenario.name, seed, key) };
}

/** Runs one replication of one point. */
export function runSweepPoint(scenario: Scenario, point: SweepPoint, replication: number, indicators?: readonly string[]): SweepRun {
  const { arm } = runArm(withFieldValues(scenario, point.values), point.seed, replication, { indicators });
  return { point: point.index, replication, seed: point.seed, indicators: arm.indicators, events: arm.events };
}

/**
 * A parameter sweep, run after run in this thread: `replications` runs of
 * each point. `sweepInWorkers` in `migsim/node` runs the same over every core,
 * with files that resume, and gives the same result.
 */
export function sweep(scenario: Scenario, design: SweepDesign, options: SweepOptions): SweepResult {
  checkReplications(options.replications);
  const seed = options.seed ?? scenario.seed;
  const points = sweepPoints(scenario, design, seed);
  const runs = points.flatMap((p) => Array.from({ length: options.replications }, (_, r) => runSweepPoint(scenario, p, r, options.indicators)));
  return { scenario, design, seed, replications: options.replications, points, runs };
}

/**
 * A sweep as plain tables: `runs`, one row per run, indicator and key (the
 * parameters' values in columns of their paths), and `points`, the mean of
 * each indicator at each point with its 95% interval over the replications.
 */
export function sweepTables(result: SweepResult, names?: readonly string[]): Table[] {
  const paths = result.design.parameters.map((p) => p.path);
  const runLevel = indicatorsNamed(names).filter((i) => i.level === 'run');
  const byPoint = new Map(result.points.map((p) => [p.index, p]));
  const runs: Table = { name: 'runs', columns: ['point', ...paths, 'replication', 'seed', 'indicator', 'key', 'value'], rows: [] };
  const points: Table = { name: 'points', columns: ['point', ...paths, 'indicator', 'key', 'n', 'mean', 'ciLow', 'ciHigh'], rows: [] };
  for (const point of result.points) {
    const values = paths.map((p) => point.values[p]);
    const own = result.runs.filter((r) => r.point === point.index);
    for (const i of runLevel) {
      const keys = [...new Set(own.flatMap((r) => Object.keys(r.indicators[i.name] ?? {})))];
      for (const key of keys) {
        const series = own.map((r) => r.indicators[i.name]?.[key] ?? Number.NaN);
        own.forEach((r, k) => runs.rows.push([point.index, ...values, r.replication, byPoint.get(r.point)!.seed, i.name, key, series[k]]));
        const e = estimate(series);
        points.rows.push([point.index, ...values, i.name, key, e.n, e.mean, e.low, e.high]);
      }
    }
  }
  return [runs, points];
}
