import type { Table } from '../metrics/table.js';
import { normalisedWeights, type Evaluated, type Particle } from './abc.js';
import { seriesErrors } from './distance.js';
import type { ObservedData } from './observed.js';
import { weightedQuantile, type ParameterRange } from './parameters.js';

/** `posterior`: one row per particle, its weight, distance and values. */
export function posteriorTable(parameters: readonly ParameterRange[], particles: readonly Particle[]): Table {
  const weights = normalisedWeights(particles);
  return {
    name: 'posterior',
    columns: ['generation', 'index', 'weight', 'distance', ...parameters.map((p) => p.path)],
    rows: particles.map((p, k) => [p.generation, p.index, weights[k], p.distance, ...parameters.map((q) => p.values[q.path])]),
  };
}

/** `parameters`: each parameter's prior range and its posterior mean, median and 90% interval. */
export function posteriorSummary(parameters: readonly ParameterRange[], particles: readonly Particle[]): Table {
  const weights = normalisedWeights(particles);
  return {
    name: 'parameters',
    columns: ['parameter', 'priorLow', 'priorHigh', 'mean', 'q05', 'median', 'q95'],
    rows: parameters.map((p) => {
      const v = particles.map((x) => x.values[p.path]);
      return [p.path, p.low, p.high, v.reduce((s, x, k) => s + x * weights[k], 0), weightedQuantile(v, weights, 0.05), weightedQuantile(v, weights, 0.5), weightedQuantile(v, weights, 0.95)];
    }),
  };
}

/**
 * `predictive`: every observed point against the simulated series: as the
 * scenario was given, at the best fit, and, with a posterior, the weighted
 * mean and 90% interval over its particles' runs.
 */
export function predictiveTable(observed: ObservedData, asGiven: Evaluated, best: Evaluated, particles?: readonly Particle[]): Table {
  const weights = particles ? normalisedWeights(particles) : [];
  const rows: Table['rows'] = [];
  observed.series.forEach((s, k) => s.points.forEach((p, t) => {
    const row = [s.name, s.table, s.key, s.figure, p.date, p.value, asGiven.series[k][t], best.series[k][t]];
    if (particles) {
      const v = particles.map((x) => x.series[k][t]);
      row.push(v.reduce((acc, x, j) => acc + x * weights[j], 0), weightedQuantile(v, weights, 0.05), weightedQuantile(v, weights, 0.95));
    }
    rows.push([...row, p.source]);
  }));
  return {
    name: 'predictive',
    columns: ['series', 'table', 'key', 'figure', 'date', 'observed', 'asGiven', 'best', ...(particles ? ['posteriorMean', 'posteriorQ05', 'posteriorQ95'] : []), 'source'],
    rows,
  };
}

/** `fit`: each series' normalised RMS error as given and at the best fit, and the distance of both. */
export function fitTable(observed: ObservedData, asGiven: Evaluated, best: Evaluated): Table {
  const before = seriesErrors(observed, asGiven.series);
  const after = seriesErrors(observed, best.series);
  return {
    name: 'fit',
    columns: ['series', 'points', 'errorAsGiven', 'errorBest'],
    rows: [...observed.series.map((s, k) => [s.name, s.points.length, before[k], after[k]]), ['distance', observed.series.reduce((n, s) => n + s.points.length, 0), asGiven.distance, best.distance]],
  };
}
