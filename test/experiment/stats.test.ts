import { describe, expect, it } from 'vitest';
import { estimate, excludesZero, pairedDifference, tCritical } from '../../src/experiment/stats.js';

describe('confidence intervals', () => {
  it.each([
    [1, 12.7062], [2, 4.3027], [4, 2.7764], [9, 2.2622], [29, 2.0452], [120, 1.9799],
  ])('the 95%% t critical value with %i degrees of freedom is %f (tables)', (df, value) => {
    expect(tCritical(df)).toBeCloseTo(value, 3);
  });

  it('the 99% value with 9 degrees of freedom', () => {
    expect(tCritical(9, 0.99)).toBeCloseTo(3.2498, 3);
  });

  it('a mean with its t interval, leaving out undefined values', () => {
    const e = estimate([1, 2, 3, 4, Number.NaN]);
    expect(e.n).toBe(4);
    expect(e.mean).toBe(2.5);
    // sd = sqrt(5/3); half-width = t(3) * sd / 2
    expect(e.high - e.mean).toBeCloseTo((3.1824 * Math.sqrt(5 / 3)) / 2, 3);
    expect(e.mean - e.low).toBeCloseTo(e.high - e.mean, 12);
  });

  it('one value has no interval', () => {
    const e = estimate([7]);
    expect(e.mean).toBe(7);
    expect(Number.isNaN(e.low) && Number.isNaN(e.high)).toBe(true);
    expect(excludesZero(e)).toBe(false);
  });

  it('paired differences cancel the noise both arms share', () => {
    const baseline = [100, 200, 300, 400];
    const variant = [90, 191, 289, 390];
    const { differences, estimate: e } = pairedDifference(baseline, variant);
    expect(differences).toEqual([-10, -9, -11, -10]);
    expect(e.mean).toBe(-10);
    expect(excludesZero(e)).toBe(true);
    // Unpaired, the same means are nowhere near distinguishable.
    const a = estimate(baseline);
    const b = estimate(variant);
    expect(a.low < b.high && b.low < a.high).toBe(true);
  });

  it('refuses arms of different lengths', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(/pairs/);
  });
});
