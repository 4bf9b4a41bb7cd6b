import * as Plot from '@observablehq/plot';
import type { Table } from '../metrics/table.js';
import { columnIndex, draw, type Chart, type ChartOptions } from './render.js';

/** The parameters of a sweep's `points` table: the columns between `point` and `indicator`, named by their paths. */
export function sweepParameters(points: Table): string[] {
  return points.columns.slice(columnIndex(points, 'point') + 1, columnIndex(points, 'indicator'));
}

/**
 * A sweep's results, one chart per indicator and key: with two parameters on
 * a full grid, a heatmap of the mean; otherwise the mean (dot, joined by a
 * line for one parameter) and its 95% interval (rule) against each parameter.
 * Takes the sweep's `points` table.
 */
export function sweepCharts(points: Table, options: ChartOptions & { indicators?: readonly string[] } = {}): Chart[] {
  const parameters = sweepParameters(points);
  const [indicator, key, mean, low, high] = ['indicator', 'key', 'mean', 'ciLow', 'ciHigh'].map((c) => columnIndex(points, c));
  const p = parameters.map((name) => columnIndex(points, name));
  const groups = new Map<string, Array<Array<string | number>>>();
  for (const row of points.rows) {
    if (options.indicators && !options.indicators.includes(String(row[indicator]))) continue;
    const name = row[key] === '' ? String(row[indicator]) : `${row[indicator]} ${row[key]}`;
    groups.set(name, [...(groups.get(name) ?? []), row]);
  }
  const charts: Chart[] = [];
  const slug = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  for (const [name, rows] of groups) {
    const values = rows.map((r) => ({ x: Number(r[p[0]]), y: Number(r[p[1]]), mean: Number(r[mean]), low: Number(r[low]), high: Number(r[high]) }))
      .filter((v) => Number.isFinite(v.mean));
    const grid = parameters.length === 2 && new Set(values.map((v) => v.x)).size * new Set(values.map((v) => v.y)).size === values.length;
    if (grid) {
      charts.push(draw(`sweep-${slug(name)}`, `${name}: mean over replications by ${parameters[0]} and ${parameters[1]}`, {
        marginLeft: 60,
        x: { label: parameters[0], type: 'band' },
        y: { label: parameters[1], type: 'band' },
        // No colour ramp legend: it is drawn on a canvas, which a DOM without one (in Node) lacks; each cell is labelled instead.
        color: { scheme: 'viridis', label: name },
        marks: [Plot.cell(values, { x: 'x', y: 'y', fill: 'mean' }), Plot.text(values, { x: 'x', y: 'y', text: (v) => formatNumber(v.mean), fill: 'white' })],
      }, { cell: values.length }, options));
      continue;
    }
    parameters.forEach((parameter, k) => {
      const at = rows.map((r) => ({ x: Number(r[p[k]]), mean: Number(r[mean]), low: Number(r[low]), high: Number(r[high]) }))
        .filter((v) => Number.isFinite(v.mean)).sort((a, b) => a.x - b.x);
      const intervals = at.filter((v) => Number.isFinite(v.low) && Number.isFinite(v.high));
      charts.push(draw(`sweep-${slug(name)}-${slug(parameter)}`, `${name} against ${parameter}: mean and 95% interval`, {
        height: options.height ?? 260,
        x: { label: parameter, grid: true },
        y: { label: name, grid: true },
        marks: [
          ...(parameters.length === 1 ? [Plot.line(at, { x: 'x', y: 'mean', stroke: '#4269d0' })] : []),
          Plot.ruleX(intervals, { x: 'x', y1: 'low', y2: 'high', stroke: '#4269d0' }),
          Plot.dot(at, { x: 'x', y: 'mean', fill: '#4269d0' }),
        ],
      }, { dot: at.length, rule: intervals.length, ...(parameters.length === 1 && at.length > 0 ? { line: 1 } : {}) }, options));
    });
  }
  return charts;
}

function formatNumber(x: number): string {
  return Math.abs(x) >= 100 ? String(Math.round(x)) : x.toPrecision(3);
}
