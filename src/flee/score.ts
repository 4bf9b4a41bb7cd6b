/** Persons in each camp on each day: rows are days, columns camps (in one fixed order). */
export type CampCounts = ReadonlyArray<ArrayLike<number>>;

/**
 * One day's relative difference: the sum over camps of |simulated − observed|
 * divided by the observed total in camps (at least 1). Rescaled (the standard
 * form), the simulated counts are first scaled so that they add up to the
 * observed total, so the score judges where people are, not how many; a day
 * with nobody simulated in camps then scores 1 (if anybody was observed).
 */
export function relativeDifference(simulated: ArrayLike<number>, observed: ArrayLike<number>, rescaled = true): number {
  let simTotal = 0;
  let obsTotal = 0;
  for (let c = 0; c < observed.length; c++) {
    simTotal += simulated[c];
    obsTotal += observed[c];
  }
  const scale = !rescaled ? 1 : simTotal > 0 ? obsTotal / simTotal : 0;
  let diff = 0;
  for (let c = 0; c < observed.length; c++) diff += Math.abs(simulated[c] * scale - observed[c]);
  return diff / Math.max(obsTotal, 1);
}

/** The averaged relative difference (ARD): the mean over days of relativeDifference. Lower is better. */
export function averagedRelativeDifference(simulated: CampCounts, observed: CampCounts, rescaled = true): number {
  if (simulated.length !== observed.length) throw new Error(`simulated counts cover ${simulated.length} days but observed counts ${observed.length}`);
  if (observed.length === 0) throw new Error('no days to score');
  let sum = 0;
  for (let d = 0; d < observed.length; d++) sum += relativeDifference(simulated[d], observed[d], rescaled);
  return sum / observed.length;
}

/**
 * The naive forecast a model must beat: every camp keeps its share of the
 * camps' total on day 0 (or, when nobody was in a camp on day 0, its share on
 * the last day), applied to each day's observed total.
 */
export function naiveBaseline(observed: CampCounts): Float64Array[] {
  const totalOf = (row: ArrayLike<number>) => Array.from(row).reduce((a, b) => a + b, 0);
  const reference = totalOf(observed[0]) > 0 ? observed[0] : observed[observed.length - 1];
  const referenceTotal = totalOf(reference);
  return observed.map((row) => {
    const total = totalOf(row);
    return Float64Array.from({ length: row.length }, (_, c) => (referenceTotal > 0 ? (reference[c] / referenceTotal) * total : 0));
  });
}

/** The ARD of the naive baseline. */
export function baselineScore(observed: CampCounts): number {
  return averagedRelativeDifference(naiveBaseline(observed), observed);
}

/** Mean and spread of scores over replications. */
export interface ScoreSpread {
  runs: number;
  mean: number;
  /** Sample standard deviation (0 for a single run). */
  sd: number;
  min: number;
  max: number;
}

export function scoreSpread(scores: readonly number[]): ScoreSpread {
  const runs = scores.length;
  if (runs === 0) throw new Error('no scores to summarise');
  const mean = scores.reduce((a, b) => a + b, 0) / runs;
  const sd = runs > 1 ? Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (runs - 1)) : 0;
  return { runs, mean, sd, min: Math.min(...scores), max: Math.max(...scores) };
}
