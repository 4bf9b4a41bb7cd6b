import { describe, expect, it } from 'vitest';
import { compare, withPolicies, type Comparison } from '../../src/experiment/compare.js';
import type { Uncertainty } from '../../src/experiment/uncertainty.js';
import { compareInWorkers } from '../../src/node/experiment.js';
import { smallWorld } from '../worlds.js';

const baseline = smallWorld({ ticks: 18, population: 20_000 });
const variant = withPolicies(baseline, [
  { plugin: 'set-attribute', name: 'patrols', kind: 'leg', targets: ['tra-des'], attribute: 'interception', value: 0.5, from: '2020-06' },
], 'patrols');
const options = { replications: 8, indicators: ['arrivalsByRoute'] };
const POPULATION = 'countries[id=ORI].population';

const row = (c: Comparison) => c.rows.find((r) => r.indicator === 'arrivalsByRoute' && r.key === 'main')!;
const width = (c: Comparison) => row(c).estimate.high - row(c).estimate.low;

describe('comparisons with parameter uncertainty', () => {
  const plain = compare(baseline, variant, options);

  it('equal the plain comparison when the distribution is a point at the scenario\'s value', () => {
    const point: Uncertainty = { parameters: [{ path: POPULATION, distribution: { kind: 'uniform', low: 20_000, high: 20_000 } }], samples: [] };
    const uncertain = compare(baseline, variant, { ...options, uncertain: point });
    expect(row(uncertain).values).toEqual(row(plain).values);
    expect(row(uncertain).estimate).toEqual(row(plain).estimate);
    expect(uncertain.runs.every((r) => r.parameters?.[POPULATION] === 20_000)).toBe(true);
  });

  it('give an interval at least as wide as the plain one when the parameter is uncertain', () => {
    const wide: Uncertainty = { parameters: [{ path: POPULATION, distribution: { kind: 'uniform', low: 5_000, high: 40_000 } }], samples: [] };
    const uncertain = compare(baseline, variant, { ...options, uncertain: wide });
    expect(width(plain)).toBeGreaterThan(0);
    expect(width(uncertain)).toBeGreaterThan(width(plain));
    // One vector per replication, the same for both arms, different across replications.
    expect(new Set(uncertain.runs.map((r) => r.parameters![POPULATION])).size).toBe(options.replications);
  });

  it('draw from a joint sample by weight, all paths of a row together, and truncate a normal to the field\'s range', () => {
    const u: Uncertainty = {
      parameters: [{ path: 'legs[id=ori-tra].interception', distribution: { kind: 'normal', mean: 0, sd: 0.2 } }],
      samples: [{ source: 'posterior.csv', paths: [POPULATION, 'legs[id=tra-des].cost'], rows: [[10_000, 100], [30_000, 900], [99, 99]], weights: [1, 1, 0] }],
    };
    const c = compare(baseline, variant, { ...options, uncertain: u });
    for (const r of c.runs) {
      const p = r.parameters!;
      expect([[10_000, 100], [30_000, 900]]).toContainEqual([p[POPULATION], p['legs[id=tra-des].cost']]);
      expect(p['legs[id=ori-tra].interception']).toBeGreaterThanOrEqual(0);
    }
  });

  it('give the same result on worker threads as in one thread', async () => {
    const wide: Uncertainty = { parameters: [{ path: POPULATION, distribution: { kind: 'normal', mean: 20_000, sd: 5_000 } }], samples: [] };
    const inThread = compare(baseline, variant, { ...options, uncertain: wide });
    const inWorkers = await compareInWorkers(baseline, variant, { ...options, uncertain: wide, workers: 2 });
    expect(inWorkers.rows).toEqual(inThread.rows);
  });
});
