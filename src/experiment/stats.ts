import { deviation, mean } from 'd3-array';

/** A mean with its confidence interval, from the values that are numbers (NaN marks "undefined in this run"). */
export interface Estimate {
  mean: number;
  /** Lower and upper bounds of the interval; NaN with fewer than two values. */
  low: number;
  high: number;
  /** Values used (NaN ones left out). */
  n: number;
  /** Sample standard deviation (n - 1). */
  sd: number;
}

/** Mean of the values that are defined (not NaN); NaN when none is. */
export function definedMean(values: readonly number[]): number {
  const defined = values.filter((v) => !Number.isNaN(v));
  return defined.length === 0 ? Number.NaN : (mean(defined) as number);
}

/** Mean of the defined values with a t-based interval at `level` (two-sided). */
export function estimate(values: readonly number[], level = 0.95): Estimate {
  const defined = values.filter((v) => !Number.isNaN(v));
  const n = defined.length;
  const m = definedMean(defined);
  const sd = n > 1 ? (deviation(defined) as number) : Number.NaN;
  if (n < 2) return { mean: m, low: Number.NaN, high: Number.NaN, n, sd };
  const half = (tCritical(n - 1, level) * sd) / Math.sqrt(n);
  return { mean: m, low: m - half, high: m + half, n, sd };
}

/**
 * Paired differences variant − baseline, one per replication, and their mean
 * with a t-based interval. With common random numbers the pairs share their
 * noise, so the interval is much narrower than that of two independent means.
 * A pair where either side is undefined (NaN) is left out.
 */
export function pairedDifference(baseline: readonly number[], variant: readonly number[], level = 0.95): { differences: number[]; estimate: Estimate } {
  if (baseline.length !== variant.length) throw new Error(`paired values must come in pairs: ${baseline.length} baseline and ${variant.length} variant values`);
  const differences = baseline.map((b, i) => variant[i] - b);
  return { differences, estimate: estimate(differences, level) };
}

/** Whether an interval lies wholly on one side of zero. */
export function excludesZero(e: Estimate): boolean {
  return e.low > 0 || e.high < 0;
}

/** Two-sided critical value of Student's t with `df` degrees of freedom: P(|T| ≤ t) = level. */
export function tCritical(df: number, level = 0.95): number {
  if (!(df > 0) || !(level > 0 && level < 1)) throw new Error(`t critical value needs df > 0 and a level in (0, 1), got df ${df}, level ${level}`);
  // P(|T| > t) = I_x(df/2, 1/2) with x = df/(df + t²), decreasing in t: bisect.
  const tail = 1 - level;
  let lo = 0;
  let hi = 1;
  while (incompleteBeta(df / (df + hi * hi), df / 2, 0.5) > tail) hi *= 2;
  for (let k = 0; k < 200 && hi - lo > 1e-12 * hi; k++) {
    const mid = (lo + hi) / 2;
    if (incompleteBeta(df / (df + mid * mid), df / 2, 0.5) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Regularised incomplete beta function I_x(a, b), by its continued fraction (modified Lentz). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast only below the mean; use the symmetry I_x(a,b) = 1 - I_{1-x}(b,a) above it.
  if (x > (a + 1) / (a + b + 2)) return 1 - (front * betaFraction(1 - x, b, a)) / b;
  return (front * betaFraction(x, a, b)) / a;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    for (const num of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + num * d;
      if (Math.abs(d) < tiny) d = tiny;
      c = 1 + num / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}

/** ln Γ(z) for z > 0 (Lanczos, g = 7, n = 9): about 15 correct digits. */
function logGamma(z: number): number {
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const w = z - 1;
  let s = g[0];
  for (let k = 1; k < 9; k++) s += g[k] / (w + k);
  const t = w + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (w + 0.5) * Math.log(t) - t + Math.log(s);
}
