import { describe, expect, it } from 'vitest';
import { averagedRelativeDifference, baselineScore, naiveBaseline, relativeDifference, scoreSpread } from '../../src/flee/score.js';

describe('averaged relative difference', () => {
  const simulated = [[10, 30], [0, 0], [50, 50]];
  const observed = [[20, 20], [10, 30], [40, 60]];

  it('is the mean over days of |simulated - observed| summed over camps, over the observed total', () => {
    // Day 0: 20 / 40; day 1: nobody simulated in camps, so 40 / 40; day 2: 20 / 100.
    expect(relativeDifference(simulated[0], observed[0])).toBe(0.5);
    expect(relativeDifference(simulated[1], observed[1])).toBe(1);
    expect(relativeDifference(simulated[2], observed[2])).toBe(0.2);
    expect(averagedRelativeDifference(simulated, observed)).toBeCloseTo(1.7 / 3, 15);
  });

  it('rescaled, judges where people are, not how many', () => {
    expect(relativeDifference([20, 60], [20, 20])).toBe(0.5); // scaled by 40/80 to [10, 30]
    expect(relativeDifference([20, 60], [20, 20], false)).toBe(1);
    expect(relativeDifference([2, 2], [20, 20])).toBe(0);
  });

  it('divides by at least 1, so a day with nobody observed does not divide by zero', () => {
    expect(relativeDifference([3, 0], [0, 0], false)).toBe(3);
  });

  it('refuses counts that cover different days', () => {
    expect(() => averagedRelativeDifference(simulated, observed.slice(1))).toThrow(/3 days but observed counts 2/);
  });
});

describe('the naive baseline', () => {
  it('keeps every camp at its share of day 0', () => {
    const observed = [[20, 20], [10, 30], [40, 60]];
    expect(naiveBaseline(observed).map((r) => Array.from(r))).toEqual([[20, 20], [20, 20], [50, 50]]);
    expect(baselineScore(observed)).toBeCloseTo((0 + 0.5 + 0.2) / 3, 15);
  });

  it('uses the shares of the last day when the camps are empty on day 0', () => {
    const observed = [[0, 0], [10, 30], [40, 60]];
    expect(naiveBaseline(observed).map((r) => Array.from(r))).toEqual([[0, 0], [16, 24], [40, 60]]);
    expect(baselineScore(observed)).toBeCloseTo((0 + 12 / 40 + 0) / 3, 15);
  });
});

describe('spread over replications', () => {
  it('gives the mean, sample standard deviation and range', () => {
    expect(scoreSpread([1, 2, 3])).toEqual({ runs: 3, mean: 2, sd: 1, min: 1, max: 3 });
    expect(scoreSpread([0.4])).toEqual({ runs: 1, mean: 0.4, sd: 0, min: 0.4, max: 0.4 });
  });
});
