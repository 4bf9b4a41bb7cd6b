/**
 * The review rule of a government, explicit and bounded-rational. For each
 * instrument in turn:
 *  1. the menu: stay, one step down, one step up (within its bounds and any
 *     floor an agreement it honours sets);
 *  2. the predicted payoff of each option: the payoff now plus the change the
 *     government expects from the recent response of its figures (see
 *     forecast.ts), plus the known change in its own spending;
 *  3. a logit choice with noise: P(option) is proportional to
 *     exp(predicted payoff / noise), drawn from the government's seeded stream.
 * So a government moves at most a step per review, usually but not always
 * towards the better prediction, and never reads a migrant.
 */
export function menu(level: number, step: number, min: number, max: number): number[] {
  const options = [level];
  if (level - step >= min - 1e-12) options.push(Math.max(min, level - step));
  else if (level > min) options.push(min);
  if (level + step <= max + 1e-12) options.push(Math.min(max, level + step));
  else if (level < max) options.push(max);
  return options;
}

/** Index of the option chosen: logit over predicted payoffs with this noise, from a uniform draw. */
export function logitChoice(payoffs: readonly number[], noise: number, draw: number): number {
  let best = -Infinity;
  for (const u of payoffs) best = Math.max(best, u);
  const weights = new Float64Array(payoffs.length);
  let total = 0;
  for (let k = 0; k < payoffs.length; k++) total += weights[k] = Math.exp((payoffs[k] - best) / Math.max(noise, 1e-12));
  let left = draw * total;
  for (let k = 0; k < weights.length; k++) {
    left -= weights[k];
    if (left < 0) return k;
  }
  return weights.length - 1;
}

/** The menu without the efforts the budget cannot pay for: the first option (staying) and any step down remain. */
export function affordableOptions(options: readonly number[], costPerYear: number, affordable: number): number[] {
  const kept: number[] = [];
  for (const o of options) if (o <= options[0] || o * costPerYear <= affordable) kept.push(o);
  return kept;
}

/**
 * The menu under a floor (an agreement's term the government honours): below
 * the floor it can only step up towards it; at or above, options under the
 * floor are dropped.
 */
export function withFloor(options: readonly number[], floor: number): number[] {
  const level = options[0];
  if (level < floor - 1e-12) return [Math.max(...options)];
  const kept = options.filter((o) => o >= floor - 1e-12);
  return kept.length > 0 ? kept : [level];
}

/** Slope of payoff on an instrument's level over the recent reviews (least squares through the changes); 0 with no change to learn from. */
export function recentSlope(levels: readonly number[], payoffs: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let k = 1; k < levels.length; k++) {
    const dl = levels[k] - levels[k - 1];
    num += dl * (payoffs[k] - payoffs[k - 1]);
    den += dl * dl;
  }
  return den > 0 ? num / den : 0;
}
