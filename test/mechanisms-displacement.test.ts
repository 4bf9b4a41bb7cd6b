import { describe, expect, it } from 'vitest';
import { Simulation, type RunResult } from '../src/engine/simulation.js';
import { NestedLogit, routeGroups } from '../src/behaviour/nested-logit.js';
import { scenario } from '../src/scenario/builder.js';
import { validateScenario } from '../src/scenario/validate.js';
import type { PolicyInput, Scenario } from '../src/scenario/types.js';
import { sum } from './helpers.js';

/**
 * Displacement ("squeezing the balloon"): enforcement on one crossing moves
 * people to the others rather than keeping them home, and people choose the
 * way on where ways part. Each mechanism against a counterfactual with the
 * same seed and streams.
 */
const run = (s: Scenario, as?: Scenario): RunResult => new Simulation(s, { streamsOf: as?.name }).runFor();
const withPolicies = (s: Scenario, policies: PolicyInput[]) => validateScenario({ ...s, name: `${s.name}+policy`, policies }, 'variant');

/** One origin, one destination, two crossing segments of the same border (a San Diego and an Arizona). */
function twoSegments(behaviour: Record<string, number> = {}): Scenario {
  return scenario('two-segments').starting('2020-01').ticks(48).agents({ scale: 20, origins: ['ORI'] })
    .behaviour({ aspirationBase: 0, ...behaviour })
    .country({ id: 'ORI', population: 2_000_000, gdpPerCapita: 8000, wages: { low: 4000, high: 12000 }, unemployment: 0.1 })
    .country({ id: 'DES', population: 50_000_000, gdpPerCapita: 40_000, wages: { low: 20_000, high: 50_000 }, unemployment: 0.05 })
    .leg({ id: 'west', from: 'ORI', to: 'DES', mode: 'land', durationDays: 2, cost: 600, mortality: 0.0001, interception: 0.35, onInterception: 'pushback' })
    .leg({ id: 'east', from: 'ORI', to: 'DES', mode: 'land', durationDays: 4, cost: 600, mortality: 0.0005, interception: 0.35, onInterception: 'pushback' })
    .route({ id: 'via-west', legs: ['west'] })
    .route({ id: 'via-east', legs: ['east'] })
    .build();
}
const enforceWest: PolicyInput[] = [{ plugin: 'border-enforcement', name: 'west-wall', legs: ['west'], interception: 0.8, costTimes: 2, from: '2021-01' }];

describe('routes into one destination are close substitutes', () => {
  const departures = (r: RunResult, route: string) => sum(r, 'routes', 'departures', { route });
  const total = (r: RunResult) => departures(r, 'via-west') + departures(r, 'via-east');
  /** Relative change in departures, and the west's share of them, variant against baseline. */
  function effect(behaviour: Record<string, number>) {
    const base = twoSegments(behaviour);
    const b = run(base);
    const v = run(withPolicies(base, enforceWest), base);
    return { fall: 1 - total(v) / total(b), westShare: departures(v, 'via-west') / total(v) / (departures(b, 'via-west') / total(b)) };
  }

  it('enforcement on one segment moves people to the other far more, and keeps fewer home, than a single nest of ways to move does', () => {
    const nested = effect({});
    const single = effect({ choiceRouteSimilarity: 1 });
    expect(nested.westShare).toBeLessThan(single.westShare);
    expect(nested.westShare).toBeLessThan(0.6);
    expect(nested.fall).toBeLessThan(single.fall);
  });
});

describe('the nested choice', () => {
  it('gives back the single nest when the routes into one destination are no closer than other ways', () => {
    const nest = new NestedLogit(3);
    nest.utility.set([0.2, -0.5, 0.1]);
    nest.group.set(routeGroups([7, 7, -1]));
    const lambda = 0.5;
    const value = nest.inclusiveValue(3, lambda, lambda);
    const flat = lambda * Math.log([0.2, -0.5, 0.1].reduce((s, u) => s + Math.exp(u / lambda), 0));
    expect(value).toBeCloseTo(flat, 12);
    // A closer nest of the two routes: the worse one loses share to the better one, not to the channel.
    const closer = new NestedLogit(3);
    closer.utility.set([0.2, -0.5, 0.1]);
    closer.group.set(routeGroups([7, 7, -1]));
    closer.inclusiveValue(3, lambda, lambda / 4);
    const pick = (n: NestedLogit, draws: number) => {
      const counts = [0, 0, 0];
      for (let k = 0; k < draws; k++) counts[n.pick((k + 0.5) / draws)]++;
      return counts;
    };
    const [a, b, c] = pick(nest, 10_000);
    const [a2, b2, c2] = pick(closer, 10_000);
    expect(b2).toBeLessThan(b);
    expect(a2).toBeGreaterThan(a);
    expect(Math.abs(c2 - c)).toBeLessThan(Math.abs(b2 - b));
  });
});

/**
 * Origin -> hub -> one of two destinations. No smugglers, no interception and
 * ample savings: nobody fails or waits, so whoever changes route does so where
 * the ways part.
 */
function hub(): Scenario {
  return scenario('hub').starting('2020-01').ticks(36).agents({ scale: 10, origins: ['ORI'] })
    .behaviour({ aspirationBase: 1, initialSavingsMonths: 60, choiceIrregularConstant: 0 })
    .country({ id: 'ORI', population: 200_000, gdpPerCapita: 2000, wages: { low: 1500, high: 4000 }, unemployment: 0.2 })
    .country({ id: 'HUB', population: 10_000_000, gdpPerCapita: 2000, wages: { low: 1500, high: 4000 } })
    .country({ id: 'ONE', population: 50_000_000, gdpPerCapita: 40_000, wages: { low: 25_000, high: 50_000 }, unemployment: 0.05 })
    .country({ id: 'TWO', population: 50_000_000, gdpPerCapita: 38_000, wages: { low: 24_000, high: 48_000 }, unemployment: 0.05 })
    .leg({ id: 'ori-hub', from: 'ORI', to: 'HUB', mode: 'land', durationDays: 40, cost: 300, mortality: 0, interception: 0 })
    .leg({ id: 'hub-one', from: 'HUB', to: 'ONE', mode: 'sea', durationDays: 2, cost: 800, mortality: 0.01, interception: 0 })
    .leg({ id: 'hub-two', from: 'HUB', to: 'TWO', mode: 'land', durationDays: 10, cost: 900, mortality: 0.01, interception: 0 })
    .route({ id: 'to-one', legs: ['ori-hub', 'hub-one'] })
    .route({ id: 'to-two', legs: ['ori-hub', 'hub-two'] })
    .build();
}

describe('at a hub where ways part, people pick the way on from what they see there', () => {
  it('when one way becomes deadlier, some who set out for it take the other from the hub', () => {
    const base = hub();
    const deadlier: PolicyInput[] = [{ plugin: 'set-attribute', name: 'deadlier', kind: 'leg', targets: ['hub-one'], attribute: 'mortality', value: 0.3, from: '2021-01' }];
    const b = run(base);
    const v = run(withPolicies(base, deadlier), base);
    expect(sum(b, 'legs', 'interceptions') + sum(v, 'legs', 'interceptions')).toBe(0);
    // Of those who set out for the first destination, the share who turn off at the hub.
    const turnedOff = (r: RunResult) => sum(r, 'routes', 'switchedAway', { route: 'to-one' }) / sum(r, 'routes', 'departures', { route: 'to-one' });
    expect(sum(b, 'routes', 'switchedAway', { route: 'to-one' })).toBeGreaterThan(10);
    expect(turnedOff(v)).toBeGreaterThan(turnedOff(b) * 1.2);
  });
});

/**
 * Routes from several origins share the last leg from a transit country: at
 * its start they are one way on, not several, so how many routes pass there
 * does not make going on more likely than giving up.
 */
function sharedLastLeg(origins: number): Scenario {
  const ids = ['ORA', 'ORB', 'ORC'].slice(0, origins);
  let b = scenario('shared-leg').starting('2020-01').ticks(36).agents({ scale: 10, origins: ids })
    // A single nest of ways to move, so that nothing but counting the ways on is at stake.
    .behaviour({ aspirationBase: 1, initialSavingsMonths: 12, choiceIrregularConstant: 0, choiceRouteSimilarity: 1 });
  for (const id of ids) b = b.country({ id, population: id === 'ORA' ? 200_000 : 1_000, gdpPerCapita: 2000, wages: { low: 1500, high: 4000 }, unemployment: 0.2 });
  b = b.country({ id: 'TRA', population: 10_000_000, gdpPerCapita: 3000, wages: { low: 2000, high: 5000 } })
    .country({ id: 'DES', population: 50_000_000, gdpPerCapita: 40_000, wages: { low: 25_000, high: 50_000 }, unemployment: 0.05 })
    .leg({ id: 'tra-des', from: 'TRA', to: 'DES', mode: 'sea', durationDays: 2, cost: 2500, mortality: 0.02, interception: 0.6, onInterception: 'pushback' });
  for (const id of ids) {
    const o = id.toLowerCase();
    b = b.leg({ id: `${o}-tra`, from: id, to: 'TRA', mode: 'land', durationDays: 5, cost: 200, mortality: 0, interception: 0 }).route({ id: `${o}-des`, legs: [`${o}-tra`, 'tra-des'] });
  }
  return b.build();
}

describe('routes with the same legs ahead are one way on', () => {
  it('the share of the intercepted who give up does not fall because more routes share the leg', () => {
    const rate = (r: RunResult) => sum(r, 'routes', 'gaveUp', { route: 'ora-des' }) / sum(r, 'routes', 'interceptions', { route: 'ora-des' });
    const one = run(sharedLastLeg(1));
    const three = run(sharedLastLeg(3));
    expect(sum(one, 'routes', 'interceptions', { route: 'ora-des' })).toBeGreaterThan(200);
    expect(rate(one)).toBeGreaterThan(0.02);
    expect(rate(three)).toBeGreaterThan(rate(one) * 0.9);
  });
});
