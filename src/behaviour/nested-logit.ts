/**
 * The nest of ways to move, shared by the decision at home and the one in
 * transit. Ways to move are closer substitutes for one another than for
 * staying (scale `lambda`), and the irregular routes into one destination
 * closer still (scale `rho` within `lambda`): they differ in cost, risk and
 * time, not in what one goes for. So enforcement on one crossing moves people
 * to the others into the same country far more than it keeps them home.
 *
 * Options are grouped by the caller (`group[k]`, 0-based; see routeGroups);
 * an option of utility −∞ is not available. With `rho` equal to `lambda` the
 * groups make no difference: a plain nest of ways to move.
 */
export class NestedLogit {
  readonly utility: Float64Array;
  readonly group: Int32Array;
  private readonly groupMax: Float64Array;
  private readonly groupSum: Float64Array;
  private readonly groupValue: Float64Array;
  private count = 0;
  private lambda = 1;
  private rho = 1;
  private top = 0;
  private total = 0;

  constructor(options: number) {
    this.utility = new Float64Array(options);
    this.group = new Int32Array(options);
    this.groupMax = new Float64Array(options);
    this.groupSum = new Float64Array(options);
    this.groupValue = new Float64Array(options);
  }

  /**
   * An upper bound on inclusiveValue(n, lambda, rho) for rho <= lambda, without
   * an exponential: the best option plus λ ln(options available), since a
   * group's value is at most its best plus ρ ln(its size) and ρ/λ <= 1. A
   * decision whose threshold this bound does not reach is settled without
   * working out the nest (−∞ if none is available).
   */
  atMost(n: number, lambda: number): number {
    const u = this.utility;
    let best = Number.NEGATIVE_INFINITY;
    let available = 0;
    for (let k = 0; k < n; k++) {
      if (u[k] === Number.NEGATIVE_INFINITY) continue;
      available++;
      if (u[k] > best) best = u[k];
    }
    return available === 0 ? best : best + lambda * Math.log(available);
  }

  /**
   * Inclusive value of options [0, n) (−∞ if none is available), in the
   * units of the choice between moving and staying: λ ln Σ_g exp(V_g / λ),
   * V_g = ρ ln Σ_{k in g} exp(u_k / ρ). Keeps what pick() needs; the
   * probabilities themselves are worked out only for those who go.
   */
  inclusiveValue(n: number, lambda: number, rho: number): number {
    const { utility: u, group, groupMax, groupSum, groupValue } = this;
    this.count = n;
    this.lambda = lambda;
    this.rho = rho;
    let groups = 0;
    for (let k = 0; k < n; k++) groups = Math.max(groups, group[k] + 1);
    groupMax.fill(Number.NEGATIVE_INFINITY, 0, groups);
    groupSum.fill(0, 0, groups);
    for (let k = 0; k < n; k++) if (u[k] > groupMax[group[k]]) groupMax[group[k]] = u[k];
    for (let k = 0; k < n; k++) if (u[k] > Number.NEGATIVE_INFINITY) groupSum[group[k]] += Math.exp((u[k] - groupMax[group[k]]) / rho);
    let top = Number.NEGATIVE_INFINITY;
    for (let g = 0; g < groups; g++) {
      groupValue[g] = groupSum[g] > 0 ? groupMax[g] + rho * Math.log(groupSum[g]) : Number.NEGATIVE_INFINITY;
      if (groupValue[g] > top) top = groupValue[g];
    }
    this.top = top;
    if (top === Number.NEGATIVE_INFINITY) return top;
    let total = 0;
    for (let g = 0; g < groups; g++) if (groupValue[g] > Number.NEGATIVE_INFINITY) total += Math.exp((groupValue[g] - top) / lambda);
    this.total = total;
    return top + lambda * Math.log(total);
  }

  /** The available option a uniform draw picks, by the probabilities of the last inclusiveValue(). */
  pick(draw: number): number {
    const { utility: u, group, groupMax, groupSum, groupValue, lambda, rho, top, total } = this;
    let left = draw;
    let last = -1;
    for (let k = 0; k < this.count; k++) {
      if (u[k] === Number.NEGATIVE_INFINITY) continue;
      const g = group[k];
      const probability = (Math.exp((groupValue[g] - top) / lambda) / total) * (Math.exp((u[k] - groupMax[g]) / rho) / groupSum[g]);
      if (probability === 0) continue;
      last = k;
      left -= probability;
      if (left < 0) return k;
    }
    return last; // rounding at the very top of the draw
  }
}

/** Groups of options: routes into the same destination share one; an option with destination -1 (a channel) is a group of its own. */
export function routeGroups(destinations: readonly number[]): Int32Array {
  const byDestination = new Map<number, number>();
  let next = 0;
  return Int32Array.from(destinations, (d) => {
    if (d < 0) return next++;
    const g = byDestination.get(d) ?? next++;
    byDestination.set(d, g);
    return g;
  });
}
