import { describe, expect, it } from 'vitest';
import { Simulation, type RunResult } from '../src/engine/simulation.js';
import { scenario } from '../src/scenario/builder.js';
import type { CountryInput, Scenario } from '../src/scenario/types.js';
import { sum } from './helpers.js';
import { smallWorld } from './worlds.js';

/**
 * The claim decision (issue 9, s3-9c): an arrival claims asylum by what a
 * claim is worth (months pending, protected from removal, on reception
 * support; recognition; what follows a rejection) against staying without
 * papers. Each in a small world against a counterfactual with the same seed
 * and streams; under a fixed claim share the paired runs below would claim in
 * the same proportion.
 */
const run = (s: Scenario, as?: Scenario): RunResult => new Simulation(s, { streamsOf: as?.name }).runFor();
const claimShare = (r: RunResult, country = 'DES') => sum(r, 'countries', 'asylumClaims', { country }) / sum(r, 'countries', 'arrivals', { country });

/** The small world whose destination nearly always rejects, removes rejected claimants readily and seeks out those without papers. */
const weakClaims = (decisionMonths: number, receptionPerYear: number) => smallWorld({
  ticks: 18,
  destination: {
    asylum: { decisionMonths, recognition: { default: 0.05 }, receptionPerYear },
    enforcement: { apprehensionPerYear: 0.3, returnCapacityPerYear: 1_000_000 },
  } as Partial<CountryInput>,
  origin: { returnCooperation: 1 },
});

describe('an arrival claims asylum by what a claim is worth', () => {
  it('where claims are nearly all rejected, more arrivals claim when the procedure is slow (months safe from removal, on support)', () => {
    const accelerated = run(weakClaims(1, 20_000));
    const slow = run(weakClaims(12, 20_000), weakClaims(1, 20_000));
    expect(sum(accelerated, 'countries', 'arrivals', { country: 'DES' })).toBeGreaterThan(200);
    expect(claimShare(slow)).toBeGreaterThan(claimShare(accelerated) * 1.3);
  });

  it('more arrivals claim where pending claimants get reception support worth more than irregular work', () => {
    const none = run(weakClaims(6, 0));
    const supported = run(weakClaims(6, 30_000), weakClaims(6, 0));
    expect(claimShare(supported)).toBeGreaterThan(claimShare(none) * 1.3);
  });

  it('more arrivals claim where rejected claimants are not removed than where they are removed readily', () => {
    const removed = weakClaims(6, 0);
    const kept = smallWorld({
      ticks: 18,
      destination: {
        asylum: { decisionMonths: 6, recognition: { default: 0.05 }, receptionPerYear: 0 },
        enforcement: { apprehensionPerYear: 0.3, returnCapacityPerYear: 0 },
      } as Partial<CountryInput>,
      origin: { returnCooperation: 1 },
    });
    expect(claimShare(run(kept, removed))).toBeGreaterThan(claimShare(run(removed)) * 1.3);
  });
});

describe('a safe-origin listing lowers what a weak claim is worth there', () => {
  /** An origin with weak claims and two destinations a land journey away, alike but for a listing in AAA. */
  const world = (listed: boolean) => {
    const b = scenario(listed ? 'listed' : 'not-listed')
      .starting('2020-01').ticks(18)
      .agents({ scale: 10, origins: ['ORI'] })
      .behaviour({ reconsiderPerYear: 4, aspirationBase: 1, initialSavingsMonths: 24, choiceIrregularConstant: 0 })
      .country({ id: 'ORI', population: 50_000, gdpPerCapita: 4000, wages: { low: 3000, high: 8000 }, unemployment: 0.2, returnCooperation: 1 });
    for (const id of ['AAA', 'BBB']) {
      b.country({
        id, population: 50_000_000, gdpPerCapita: 40_000, wages: { low: 25_000, high: 50_000 }, unemployment: 0.05,
        asylum: { decisionMonths: 6, recognition: { default: 0.05 }, receptionPerYear: 15_000 },
        enforcement: { apprehensionPerYear: 0.1, returnCapacityPerYear: 1_000_000 },
      } as CountryInput);
      b.leg({ id: `ori-${id}`, from: 'ORI', to: id, mode: 'land', durationDays: 3, cost: 200, mortality: 0, interception: 0 });
      b.route({ id: `to-${id}`, legs: [`ori-${id}`] });
    }
    if (listed) b.policy({ plugin: 'asylum-policy', name: 'safe-origin', destinations: ['AAA'], recognitionTimes: 0.2, decisionMonths: 1, from: '2020-01' });
    return b.build();
  };

  it('cuts claims in the listing destination, by a smaller share of arrivals claiming', () => {
    const before = run(world(false));
    const after = run(world(true), world(false));
    expect(sum(before, 'countries', 'asylumClaims', { country: 'AAA' })).toBeGreaterThan(50);
    expect(claimShare(after, 'AAA')).toBeLessThan(claimShare(before, 'AAA') * 0.8);
    expect(sum(after, 'countries', 'asylumClaims', { country: 'AAA' })).toBeLessThan(sum(before, 'countries', 'asylumClaims', { country: 'AAA' }) * 0.8);
  });
});
