import { FieldPathError } from '../experiment/paths.js';

/** A parameter to calibrate or to screen: a scenario field path and the range it may take (a uniform prior). */
export interface ParameterRange {
  path: string;
  low: number;
  high: number;
}

/** Checks a set of ranges: at least one, each path once, low < high. */
export function checkRanges(parameters: readonly ParameterRange[]): void {
  if (parameters.length === 0) throw new FieldPathError('', 'give at least one parameter, as PATH=LOW:HIGH');
  parameters.forEach(({ path, low, high }, k) => {
    if (parameters.findIndex((p) => p.path === path) !== k) throw new FieldPathError(path, 'the parameter is given twice');
    if (!(Number.isFinite(low) && Number.isFinite(high) && low < high)) throw new FieldPathError(path, `the range ${low}:${high} is empty (write LOW:HIGH with LOW < HIGH)`);
  });
}

/** The values at unit coordinates u (each in [0, 1]) of the ranges. */
export function atUnit(parameters: readonly ParameterRange[], u: readonly number[]): Record<string, number> {
  return Object.fromEntries(parameters.map((p, k) => [p.path, p.low + (p.high - p.low) * u[k]]));
}

/** Quantile of weighted values (weights need not sum to 1): the smallest value whose cumulative weight reaches q. */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, k) => k).sort((a, b) => values[a] - values[b] || a - b);
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (const k of order) {
    sum += weights[k];
    if (sum >= q * total - 1e-12) return values[k];
  }
  return values[order.at(-1)!];
}
