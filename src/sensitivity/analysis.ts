import type { Table } from '../metrics/table.js';
import { atUnit, type ParameterRange } from '../calibration/parameters.js';
import { morrisDesign, morrisIndices, type MorrisDesign } from './morris.js';
import { saltelliDesign, sobolIndices, type SobolDesign } from './sobol.js';

/** How a sensitivity analysis samples: Morris trajectories, or Saltelli samples for Sobol' indices. */
export type SensitivityMethod =
  | { method: 'morris'; trajectories: number; levels: number }
  | { method: 'sobol'; samples: number; bootstrap: number };

export type SensitivityDesign = MorrisDesign | SobolDesign;

/** The design on the unit cube, and each point's parameter values. */
export function sensitivityDesign(parameters: readonly ParameterRange[], method: SensitivityMethod, identity: { scenario: string; seed: number }): { design: SensitivityDesign; values: Array<Record<string, number>> } {
  const design = method.method === 'morris'
    ? morrisDesign(parameters.length, method.trajectories, method.levels, identity)
    : saltelliDesign(parameters.length, method.samples, identity);
  return { design, values: design.points.map((u) => atUnit(parameters, u)) };
}

/** One output of the model at every design point: an indicator (and key), in design order. */
export interface SensitivityOutput {
  indicator: string;
  key: string;
  values: number[];
}

/** The indices of every parameter on every output, as one table (`morris` or `sobol`). */
export function sensitivityTable(parameters: readonly ParameterRange[], method: SensitivityMethod, design: SensitivityDesign, outputs: readonly SensitivityOutput[], identity: { scenario: string; seed: number }): Table {
  if (design.method === 'morris') {
    const rows = outputs.flatMap((o) => {
      const indices = morrisIndices(design, o.values);
      const rank = rankOf(indices.map((i) => i.muStar));
      return indices.map((i, k) => [o.indicator, o.key, parameters[k].path, i.muStar, i.mu, i.sigma, rank[k]]);
    });
    return { name: 'morris', columns: ['indicator', 'key', 'parameter', 'muStar', 'mu', 'sigma', 'rank'], rows };
  }
  const bootstrap = method.method === 'sobol' ? method.bootstrap : 0;
  const rows = outputs.flatMap((o) => sobolIndices(design, o.values, bootstrap, identity).map((i, k) => [
    o.indicator, o.key, parameters[k].path, i.first, i.firstLow, i.firstHigh, i.total, i.totalLow, i.totalHigh,
  ]));
  return { name: 'sobol', columns: ['indicator', 'key', 'parameter', 'first', 'firstLow', 'firstHigh', 'total', 'totalLow', 'totalHigh'], rows };
}

/** 1 for the largest value. */
function rankOf(values: readonly number[]): number[] {
  const order = values.map((_, k) => k).sort((a, b) => values[b] - values[a] || a - b);
  const rank = new Array<number>(values.length);
  order.forEach((k, r) => (rank[k] = r + 1));
  return rank;
}
