import * as Plot from '@observablehq/plot';
import { max, mean, min } from 'd3-array';
import type { Table } from '../metrics/table.js';
import { columnIndex, day, draw, type Chart, type ChartOptions } from './render.js';

export interface EffectsOptions extends ChartOptions {
  /**
   * `relative` (the default): run indicators, as a percentage of the baseline's
   * mean, so indicators in persons, dollars and rates share one axis;
   * `absolute`: comparison indicators (no baseline of their own, e.g. the diversion ratio) in their units.
   */
  scale?: 'relative' | 'absolute';
}

/**
 * A forest plot of a comparison: each indicator's mean effect (variant −
 * baseline) as a tick, its paired 95% interval as a rule, and every
 * replication's difference as a dot. Takes the `comparison` and
 * `replications` tables of a comparison.
 */
export function effectsChart(comparison: Table, replications: Table, options: EffectsOptions = {}): Chart {
  const relative = (options.scale ?? 'relative') === 'relative';
  const col = (name: string) => columnIndex(comparison, name);
  const [indicator, key, baseline, estimate, low, high] = ['indicator', 'key', 'baseline', 'estimate', 'ciLow', 'ciHigh'].map(col);
  const label = (i: unknown, k: unknown) => (k === '' || k === undefined ? String(i) : `${i} ${k}`);
  const rows = comparison.rows
    .filter((r) => Number.isFinite(Number(r[estimate])) && r[estimate] !== '')
    .filter((r) => {
      const b = Number(r[baseline]);
      const hasBaseline = r[baseline] !== '' && Number.isFinite(b);
      return relative ? hasBaseline && b !== 0 : !hasBaseline;
    })
    .map((r) => {
      const scale = relative ? 100 / Number(r[baseline]) : 1;
      return { row: label(r[indicator], r[key]), indicator: r[indicator], key: r[key], scale, estimate: Number(r[estimate]) * scale, low: Number(r[low]) * scale, high: Number(r[high]) * scale };
    });
  const scales = new Map(rows.map((r) => [r.row, r.scale]));
  const ri = columnIndex(replications, 'indicator');
  const rk = columnIndex(replications, 'key');
  const rv = columnIndex(replications, 'estimate');
  const dots = replications.rows
    .map((r) => ({ row: label(r[ri], r[rk]), value: Number(r[rv]) }))
    .filter((d) => scales.has(d.row) && Number.isFinite(d.value))
    .map((d) => ({ row: d.row, value: d.value * scales.get(d.row)! }));
  const intervals = rows.filter((r) => Number.isFinite(r.low) && Number.isFinite(r.high));
  const unit = relative ? 'effect, % of the baseline mean' : 'effect (variant − baseline)';
  return draw(relative ? 'effects' : 'comparison-effects', relative
    ? 'Effect of the variant on each indicator, % of the baseline mean: mean (tick), 95% interval (line), replications (dots)'
    : 'Effect on comparison indicators: mean (tick), 95% interval (line), replications (dots)', {
    marginLeft: 230,
    height: options.height ?? 50 + 22 * rows.length,
    x: { label: unit, grid: true },
    y: { label: null, domain: rows.map((r) => r.row) },
    marks: [
      Plot.ruleX([0], { stroke: '#888' }),
      Plot.dot(dots, { x: 'value', y: 'row', r: 2, fill: '#9ab', stroke: null }),
      Plot.ruleY(intervals, { y: 'row', x1: 'low', x2: 'high', stroke: 'black', strokeWidth: 2 }),
      Plot.tickX(rows, { x: 'estimate', y: 'row', stroke: 'crimson', strokeWidth: 3 }),
    ],
  }, { dot: dots.length, rule: intervals.length + 1, tick: rows.length }, options);
}

export interface ArmsOptions extends ChartOptions {
  /** The column summed (default `arrivals`). */
  value?: string;
  /** One panel per value of this column (default `corridor`; none if the table has no such column). */
  by?: string;
}

/**
 * Baseline against variant over time: for each arm the mean over replications
 * of the value summed by panel and tick (a line), and the band from the
 * lowest to the highest replication (an area). Takes a stacked per-tick table
 * of a comparison (`tables/routes` with `arm` and `replication` columns).
 */
export function armsOverTimeChart(stacked: Table, options: ArmsOptions = {}): Chart {
  const value = options.value ?? 'arrivals';
  const by = options.by ?? (stacked.columns.includes('corridor') ? 'corridor' : undefined);
  const [arm, replication, date, v] = ['arm', 'replication', 'date', value].map((c) => columnIndex(stacked, c));
  const panel = by === undefined ? -1 : columnIndex(stacked, by);
  const sums = new Map<string, { arm: string; panel: string; date: string; byReplication: Map<string, number> }>();
  for (const row of stacked.rows) {
    const p = panel < 0 ? value : String(row[panel]);
    const k = `${row[arm]}\u0000${p}\u0000${row[date]}`;
    let s = sums.get(k);
    if (!s) sums.set(k, (s = { arm: String(row[arm]), panel: p, date: String(row[date]), byReplication: new Map() }));
    const r = String(row[replication]);
    s.byReplication.set(r, (s.byReplication.get(r) ?? 0) + (Number(row[v]) || 0));
  }
  const points = [...sums.values()].map((s) => {
    const values = [...s.byReplication.values()];
    return { arm: s.arm, panel: s.panel, date: day(s.date), mean: mean(values)!, low: min(values)!, high: max(values)! };
  });
  const series = new Set(points.map((p) => `${p.arm}\u0000${p.panel}`)).size;
  const panels = new Set(points.map((p) => p.panel)).size;
  return draw(`arms-${value}${by ? `-by-${by}` : ''}`, `Baseline against variant: ${value}${by ? ` by ${by}` : ''} per tick, mean over replications and the range of replications`, {
    height: options.height ?? 40 + 130 * panels,
    marginRight: 90,
    marginLeft: 50,
    x: { label: null, type: 'utc' },
    y: { label: 'persons', grid: true, tickFormat: '~s' },
    fy: { label: null },
    color: { legend: true, domain: ['baseline', 'variant'], range: ['#4269d0', '#ff725c'] },
    marks: [
      Plot.areaY(points, { x: 'date', y1: 'low', y2: 'high', fy: 'panel', fill: 'arm', fillOpacity: 0.2, z: 'arm' }),
      Plot.lineY(points, { x: 'date', y: 'mean', fy: 'panel', stroke: 'arm', z: 'arm' }),
    ],
  }, { line: series, area: series }, options);
}
