import { describe, expect, it } from 'vitest';
import { nelderMeadStep } from '../../src/calibration/optimise.js';
import { abcPopulation, abcProposals, DEFAULT_ABC } from '../../src/calibration/abc.js';

const ranges = [{ path: 'a', low: 0, high: 1 }, { path: 'b', low: -5, high: 5 }];
const bowl = (v: Record<string, number>) => (v.a - 0.3) ** 2 + ((v.b - 2) / 10) ** 2;

describe('Nelder-Mead, replayed against known distances', () => {
  it('asks for one unknown vector at a time and ends at the minimum, inside the ranges', () => {
    const known = new Map<string, number>();
    const key = (v: Record<string, number>) => JSON.stringify(v);
    let asked = 0;
    for (;;) {
      const step = nelderMeadStep(ranges, { iterations: 200, tolerance: 1e-10 }, (v) => known.get(key(v)));
      if (step.done) {
        expect(step.values.a).toBeCloseTo(0.3, 3);
        expect(step.values.b).toBeCloseTo(2, 2);
        expect(step.distance).toBe(known.get(key(step.values)));
        break;
      }
      expect(known.has(key(step.values))).toBe(false);
      expect(step.values.a).toBeGreaterThan(0);
      expect(step.values.a).toBeLessThan(1);
      known.set(key(step.values), bowl(step.values));
      asked++;
    }
    expect(asked).toBe(known.size);
  });
});

describe('ABC populations', () => {
  it('keep the closest share of particles, tolerances that never grow, and proposals that stay in the ranges', () => {
    const identity = { scenario: 'bowl', seed: 3 };
    const settings = { ...DEFAULT_ABC, particles: 50, maxGenerations: 5 };
    const evaluate = (values: Array<Record<string, number>>) => values.map((v) => ({ values: v, distance: bowl(v), series: [] }));
    let population = abcPopulation(ranges, settings, 0, evaluate(abcProposals(ranges, settings, identity, 0)));
    expect(population.particles).toHaveLength(25);
    for (let g = 1; g < 5; g++) {
      const proposals = abcProposals(ranges, settings, identity, g, population);
      expect(proposals).toHaveLength(25);
      expect(proposals.every((v) => v.a >= 0 && v.a <= 1 && v.b >= -5 && v.b <= 5)).toBe(true);
      expect(abcProposals(ranges, settings, identity, g, population)).toEqual(proposals);
      const next = abcPopulation(ranges, settings, g, evaluate(proposals), population);
      expect(next.epsilon).toBeLessThanOrEqual(population.epsilon);
      population = next;
    }
    expect(Math.abs(population.particles[0].values.a - 0.3)).toBeLessThan(0.05);
  });
});
