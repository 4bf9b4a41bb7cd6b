import type { Table } from '../metrics/table.js';
import type { Comparison, PairRun } from './compare.js';
import { definedMean, excludesZero } from './stats.js';

/**
 * A comparison as plain tables (for CSV, Arrow or a notebook's display):
 * `comparison`, one row per indicator and key, and `replications`, one row per
 * indicator, key and replication with both arms' values.
 */
export function comparisonTables(c: Comparison): Table[] {
  const summary: Table = {
    name: 'comparison',
    columns: ['indicator', 'key', 'level', 'unit', 'n', 'baseline', 'variant', 'estimate', 'ciLow', 'ciHigh', 'excludesZero'],
    rows: c.rows.map((r) => [
      r.indicator, r.key, r.level, r.unit, r.estimate.n, meanOf(r.baseline), meanOf(r.variant),
      r.estimate.mean, r.estimate.low, r.estimate.high, excludesZero(r.estimate) ? 1 : 0,
    ]),
  };
  const seeds = new Map(c.runs.map((run) => [run.replication, run.seed]));
  const replications: Table = {
    name: 'replications',
    columns: ['indicator', 'key', 'replication', 'seed', 'baseline', 'variant', 'estimate'],
    rows: c.rows.flatMap((r) => c.runs.map((run, k) => [
      r.indicator, r.key, run.replication, seeds.get(run.replication)!, r.baseline?.[k] ?? Number.NaN, r.variant?.[k] ?? Number.NaN, r.values[k],
    ])),
  };
  return [summary, replications];
}

function meanOf(values: readonly number[] | null): number {
  return values ? definedMean(values) : Number.NaN;
}

/**
 * Every run's per-tick tables stacked into one table per name, each row
 * prefixed with the arm (baseline, variant) and the replication.
 */
export function stackedRunTables(runs: readonly PairRun[]): Table[] {
  const out = new Map<string, Table>();
  for (const run of runs) {
    for (const arm of ['baseline', 'variant'] as const) {
      for (const t of run[arm].tables ?? []) {
        let stacked = out.get(t.name);
        if (!stacked) out.set(t.name, (stacked = { name: t.name, columns: ['arm', 'replication', ...t.columns], rows: [] }));
        for (const row of t.rows) stacked.rows.push([arm, run.replication, ...row]);
      }
    }
  }
  return [...out.values()];
}
