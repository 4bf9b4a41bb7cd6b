import type { PolicyEvent } from '../engine/events.js';
import { Simulation } from '../engine/simulation.js';
import { indicatorsNamed, targetedRoutes, type Indicator, type IndicatorRun, type IndicatorValues } from '../metrics/indicators.js';
import type { Table } from '../metrics/table.js';
import type { PolicyInput, Scenario } from '../scenario/types.js';
import { validateScenario } from '../scenario/validate.js';
import { estimate, pairedDifference, type Estimate } from './stats.js';
import { uncertainArms, type Uncertainty } from './uncertainty.js';

export interface CompareOptions {
  /** Paired runs of each arm (replications 0 .. n-1). */
  replications: number;
  /** Seed of every run of both arms; default: the baseline's seed. */
  seed?: number;
  /** Names of registered indicators to report; default: all. */
  indicators?: readonly string[];
  /** Keep each run's per-tick tables in the result (for writing them out). */
  tables?: boolean;
  /** Parameters not known exactly: each replication draws one vector of them, used by both arms. */
  uncertain?: Uncertainty;
  /** Called after each replication pair, e.g. to show progress. */
  onPair?: (done: number, of: number) => void;
}

/** One arm of one replication: its indicator values, its plugins' events and, when asked, its tables. */
export interface ArmRun {
  indicators: Record<string, IndicatorValues>;
  events: PolicyEvent[];
  tables?: Table[];
}

/** Both arms of one replication, run with the same seed and replication number (common random numbers). */
export interface PairRun {
  replication: number;
  seed: number;
  baseline: ArmRun;
  variant: ArmRun;
  /** Values of the comparison-level indicators (such as the diversion ratio) for this pair. */
  comparison: Record<string, IndicatorValues>;
  /** Routes the variant's policies target, from its event record. */
  targetedRoutes: string[];
  /** The parameter vector this replication drew, when the comparison carries uncertainty. */
  parameters?: Record<string, number>;
}

/** One line of a comparison's scorecard: an indicator (and key) across all replications. */
export interface ComparisonRow {
  indicator: string;
  key: string;
  level: Indicator['level'];
  unit: string;
  /** Per replication; null for comparison-level indicators, which have one value per pair. */
  baseline: number[] | null;
  variant: number[] | null;
  /** Per replication: variant − baseline for run indicators, the indicator itself for comparison ones. */
  values: number[];
  /** Mean of `values` with its paired t-based 95% interval. */
  estimate: Estimate;
}

export interface Comparison {
  baseline: Scenario;
  variant: Scenario;
  seed: number;
  replications: number;
  rows: ComparisonRow[];
  runs: PairRun[];
}

/**
 * One run of a scenario with the run-level indicators computed (and its tables
 * kept, when asked). `streamsOf` names the scenario whose random streams it
 * draws: a variant draws its baseline's, so both arms get the same numbers for
 * the same purpose and their difference is the policy's effect, not noise.
 */
export function runArm(scenario: Scenario, seed: number, replication: number, options: { indicators?: readonly string[]; tables?: boolean; streamsOf?: string } = {}): { run: IndicatorRun; arm: ArmRun } {
  const result = new Simulation(scenario, { seed, replication, streamsOf: options.streamsOf }).runFor();
  const run = { scenario, result };
  const values: Record<string, IndicatorValues> = {};
  for (const i of indicatorsNamed(options.indicators)) if (i.level === 'run') values[i.name] = i.compute(run);
  return { run, arm: { indicators: values, events: result.events, ...(options.tables ? { tables: result.tables } : {}) } };
}

/** Runs one replication of both arms and computes every indicator. */
export function runPair(baseline: Scenario, variant: Scenario, seed: number, replication: number, options: { indicators?: readonly string[]; tables?: boolean } = {}): PairRun {
  const b = runArm(baseline, seed, replication, options);
  const v = runArm(variant, seed, replication, { ...options, streamsOf: baseline.name });
  const comparison: Record<string, IndicatorValues> = {};
  for (const i of indicatorsNamed(options.indicators)) if (i.level === 'comparison') comparison[i.name] = i.compute(b.run, { ...v.run, scenario: variant });
  return {
    replication, seed, baseline: b.arm, variant: v.arm, comparison,
    targetedRoutes: targetedRoutes(variant, b.run.result.events, v.run.result.events),
  };
}

/** Replication r of a comparison: both arms, with the replication's parameter vector when it carries uncertainty. */
export function runReplication(baseline: Scenario, variant: Scenario, seed: number, replication: number, options: { indicators?: readonly string[]; tables?: boolean; uncertain?: Uncertainty }): PairRun {
  if (!options.uncertain) return runPair(baseline, variant, seed, replication, options);
  const arms = uncertainArms(baseline, variant, options.uncertain, seed, replication);
  return { ...runPair(arms.baseline, arms.variant, seed, replication, options), parameters: arms.values };
}

/** The scorecard of a set of replication pairs, in replication order. */
export function summariseComparison(baseline: Scenario, variant: Scenario, seed: number, runs: readonly PairRun[], names?: readonly string[]): Comparison {
  const sorted = [...runs].sort((a, b) => a.replication - b.replication);
  const rows: ComparisonRow[] = [];
  for (const i of indicatorsNamed(names)) {
    if (i.level === 'run') {
      for (const key of keysOf(sorted.map((r) => r.baseline.indicators[i.name]))) {
        const b = sorted.map((r) => r.baseline.indicators[i.name][key] ?? Number.NaN);
        const v = sorted.map((r) => r.variant.indicators[i.name][key] ?? Number.NaN);
        const { differences, estimate: e } = pairedDifference(b, v);
        rows.push({ indicator: i.name, key, level: i.level, unit: i.unit, baseline: b, variant: v, values: differences, estimate: e });
      }
    } else {
      for (const key of keysOf(sorted.map((r) => r.comparison[i.name]))) {
        const values = sorted.map((r) => r.comparison[i.name][key] ?? Number.NaN);
        rows.push({ indicator: i.name, key, level: i.level, unit: i.unit, baseline: null, variant: null, values, estimate: estimate(values) });
      }
    }
  }
  return { baseline, variant, seed, replications: sorted.length, rows, runs: sorted };
}

/** Keys in first-seen order across runs, so a key missing from one run still gets its row. */
function keysOf(records: ReadonlyArray<IndicatorValues | undefined>): string[] {
  const keys = new Set<string>();
  for (const r of records) for (const k of Object.keys(r ?? {})) keys.add(k);
  return [...keys];
}

/**
 * Counterfactual comparison: runs baseline and variant `replications` times
 * each, replication r of both with the same seed and replication number, and
 * reports each indicator's mean difference with a paired 95% interval.
 * Runs one after another in this thread; `compareInWorkers` in
 * `migsim/node` spreads the same runs over every core with the same result.
 */
export function compare(baseline: Scenario, variant: Scenario, options: CompareOptions): Comparison {
  checkReplications(options.replications);
  const seed = options.seed ?? baseline.seed;
  const runs: PairRun[] = [];
  for (let r = 0; r < options.replications; r++) {
    runs.push(runReplication(baseline, variant, seed, r, options));
    options.onPair?.(r + 1, options.replications);
  }
  return summariseComparison(baseline, variant, seed, runs, options.indicators);
}

export function checkReplications(replications: number): void {
  if (!Number.isInteger(replications) || replications < 1) throw new Error(`replications must be a whole number of at least 1, got ${replications}`);
}

/**
 * A variant that is the baseline plus policies: the same scenario with these
 * entries added to its `policies:` list, validated like a file would be.
 */
export function withPolicies(baseline: Scenario, policies: readonly PolicyInput[], name = `${baseline.name}+${policies.map((p) => p.name ?? p.plugin).join('+')}`): Scenario {
  return validateScenario({ ...baseline, name, policies: [...baseline.policies, ...policies] }, name);
}
