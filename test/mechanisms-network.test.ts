import { describe, expect, it } from 'vitest';
import { Simulation, type RunResult } from '../src/engine/simulation.js';
import { DEFAULT_BEHAVIOUR } from '../src/behaviour/parameters.js';
import type { Scenario } from '../src/scenario/types.js';
import { sum } from './helpers.js';
import { smallWorld } from './worlds.js';

/**
 * How a diaspora acts beyond each person's own tie (issue 9, H2): family
 * reunification, a legal way in open only to those with a sponsor in the
 * destination, whose places grow with the stock there. Small worlds against
 * counterfactuals with the same streams (common random numbers).
 */
const run = (s: Scenario, as?: Scenario): RunResult => new Simulation(s, { streamsOf: as?.name }).runFor();
const YEARS = 2;
const family = (stock: number, name = `family-${stock}`, tiesPerEmigrant = DEFAULT_BEHAVIOUR.tiesPerEmigrant): Scenario => {
  const s = smallWorld({
    ticks: 12 * YEARS,
    behaviour: { tiesPerEmigrant },
    channel: { id: 'family', type: 'family', quotaPerYear: null, fee: 100, processingMonths: 1, stayMonths: null },
    destination: { diaspora: stock > 0 ? { ORI: stock } : {} },
  });
  return { ...s, name };
};
const admitted = (r: RunResult) => sum(r, 'channels', 'admissions', { channel: 'family' });
const applied = (r: RunResult) => sum(r, 'channels', 'applications', { channel: 'family' });

describe('family reunification grows with the diaspora', () => {
  const base = family(5000, 'family-base');

  it('is open only to people with a tie in the destination: with the same stock but nobody at home tied to it, nobody applies', () => {
    expect(applied(run(base))).toBeGreaterThan(100);
    expect(applied(run(family(5000, 'family-untied', 0), base))).toBe(0);
  });


  it('admits each year what the residents sponsor (familyReunificationPerResident of the stock), though many more apply', () => {
    const r = run(base);
    const places = DEFAULT_BEHAVIOUR.familyReunificationPerResident * 5000 * YEARS;
    expect(applied(r)).toBeGreaterThan(3 * places);
    expect(admitted(r)).toBeGreaterThan(0.8 * places);
    expect(admitted(r)).toBeLessThan(1.2 * places);
  });

  it('twice the stock brings about twice the family admissions and far more applications', () => {
    const b = run(base);
    const v = run(family(10000), base);
    expect(admitted(v) / admitted(b)).toBeGreaterThan(1.7);
    expect(admitted(v) / admitted(b)).toBeLessThan(2.3);
    expect(applied(v) / applied(b)).toBeGreaterThan(1.4);
  });
});
