import type { ObservedData } from './observed.js';

/**
 * How far simulated series are from the observed ones: the root mean square,
 * over series, of each series' normalised RMS error,
 *
 *   e_s = sqrt( mean_t (sim_st − obs_st)² ) / mean_t |obs_st|
 *   D   = sqrt( mean_s e_s² )
 *
 * so every series weighs the same whatever its size (a million Aegean
 * arrivals, a few hundred deaths) or number of points (six years, four
 * months). D = 0 is a perfect fit; D = 1 is an error as large as the data.
 * A series whose observed values are all zero is scaled by 1 instead.
 */
export function seriesDistance(observed: ObservedData, simulated: readonly (readonly number[])[]): number {
  return Math.sqrt(mean(seriesErrors(observed, simulated).map((e) => e * e)));
}

/** Each series' normalised RMS error e_s, in the observed data's order. */
export function seriesErrors(observed: ObservedData, simulated: readonly (readonly number[])[]): number[] {
  return observed.series.map((s, k) => {
    const obs = s.points.map((p) => p.value);
    const rms = Math.sqrt(mean(obs.map((o, t) => (simulated[k][t] - o) ** 2)));
    const scale = mean(obs.map(Math.abs));
    return rms / (scale > 0 ? scale : 1);
  });
}

/** Pointwise mean of several runs' series (replications of one parameter vector). */
export function meanSeries(runs: readonly (readonly (readonly number[])[])[]): number[][] {
  return runs[0].map((series, s) => series.map((_, t) => mean(runs.map((r) => r[s][t]))));
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
