import { RandomStreams } from '../random/streams.js';

/**
 * Sobol' first-order and total-order indices by Saltelli sampling (Saltelli
 * et al. 2010, "Variance based sensitivity analysis of model output",
 * Computer Physics Communications 181). Two independent samples A and B of
 * `samples` points on the unit cube, and for each parameter i the matrix
 * AB_i (A with column i from B): samples·(k + 2) runs in all.
 *
 *   V    = variance of f over A and B together
 *   S_i  = mean( f(B) · (f(AB_i) − f(A)) ) / V          (Saltelli 2010)
 *   ST_i = mean( (f(A) − f(AB_i))² ) / (2 V)            (Jansen 1999)
 *
 * Intervals are bootstrap percentiles: the rows j resampled with replacement
 * `bootstrap` times, each from its own stream. Point j of A is design point
 * j, of B is samples + j, of AB_i is samples·(2 + i) + j.
 */
export interface SobolDesign {
  method: 'sobol';
  parameters: number;
  samples: number;
  points: number[][];
}

export interface SobolIndex {
  first: number;
  firstLow: number;
  firstHigh: number;
  /** Bootstrap standard error of `first`. */
  firstSe: number;
  total: number;
  totalLow: number;
  totalHigh: number;
  totalSe: number;
}

export function saltelliDesign(parameters: number, samples: number, identity: { scenario: string; seed: number }): SobolDesign {
  if (!Number.isInteger(samples) || samples < 2) throw new Error(`Sobol' indices need at least 2 base samples, got ${samples}`);
  const streams = new RandomStreams({ ...identity, replication: 0 });
  const rows = Array.from({ length: samples }, (_, j) => {
    const s = streams.stream(`sobol:${j}`);
    return Array.from({ length: 2 * parameters }, () => s.uniform());
  });
  const a = rows.map((r) => r.slice(0, parameters));
  const b = rows.map((r) => r.slice(parameters));
  const ab = Array.from({ length: parameters }, (_, i) => a.map((row, j) => row.map((v, k) => (k === i ? b[j][k] : v))));
  return { method: 'sobol', parameters, samples, points: [...a, ...b, ...ab.flat()] };
}

function indicesOf(design: SobolDesign, outputs: readonly number[], rows: readonly number[]): Array<{ first: number; total: number }> {
  const n = design.samples;
  const fA = rows.map((j) => outputs[j]);
  const fB = rows.map((j) => outputs[n + j]);
  const all = [...fA, ...fB];
  const mean = all.reduce((s, v) => s + v, 0) / all.length;
  const variance = all.reduce((s, v) => s + (v - mean) ** 2, 0) / (all.length - 1);
  return Array.from({ length: design.parameters }, (_, i) => {
    const fAB = rows.map((j) => outputs[n * (2 + i) + j]);
    const first = fB.reduce((s, b, k) => s + b * (fAB[k] - fA[k]), 0) / rows.length / variance;
    const total = fA.reduce((s, a, k) => s + (a - fAB[k]) ** 2, 0) / (2 * rows.length) / variance;
    return { first, total };
  });
}

export function sobolIndices(design: SobolDesign, outputs: readonly number[], bootstrap: number, identity: { scenario: string; seed: number }): SobolIndex[] {
  const n = design.samples;
  const point = indicesOf(design, outputs, Array.from({ length: n }, (_, j) => j));
  const streams = new RandomStreams({ ...identity, replication: 0 });
  const resampled = Array.from({ length: bootstrap }, (_, r) => {
    const s = streams.stream(`sobol-bootstrap:${r}`);
    return indicesOf(design, outputs, Array.from({ length: n }, () => s.int(n)));
  });
  const spread = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
    return { low: at(0.025), high: at(0.975), se: Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, values.length - 1)) };
  };
  return point.map(({ first, total }, i) => {
    const f = bootstrap > 1 ? spread(resampled.map((x) => x[i].first)) : { low: Number.NaN, high: Number.NaN, se: Number.NaN };
    const t = bootstrap > 1 ? spread(resampled.map((x) => x[i].total)) : { low: Number.NaN, high: Number.NaN, se: Number.NaN };
    return { first, firstLow: f.low, firstHigh: f.high, firstSe: f.se, total, totalLow: t.low, totalHigh: t.high, totalSe: t.se };
  });
}
