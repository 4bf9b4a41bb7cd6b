import { describe, expect, it } from 'vitest';
import { Simulation, type RunResult } from '../src/engine/simulation.js';
import { scenario } from '../src/scenario/builder.js';
import { validateScenario } from '../src/scenario/validate.js';
import type { PolicyInput, Scenario } from '../src/scenario/types.js';
import { sum } from './helpers.js';

/**
 * Persistence in transit (issue 9): whoever is pushed back weighs going home
 * with the taste for going that made them leave, so a failure that tells
 * them nothing new does not turn them back, and news that the journey has
 * got worse does. Small worlds against counterfactuals with the same streams.
 */
const run = (s: Scenario, as?: Scenario): RunResult => new Simulation(s, { streamsOf: as?.name }).runFor();
const withPolicies = (s: Scenario, policies: PolicyInput[]) => validateScenario({ ...s, name: `${s.name}+policy`, policies }, 'variant');

/** A poor origin and a rich destination over one land crossing where half the tries are caught and pushed back. */
function border(): Scenario {
  return scenario('persistence-border').starting('2020-01').ticks(36).agents({ scale: 10, origins: ['ORI'] })
    .country({ id: 'ORI', population: 500_000, gdpPerCapita: 3000, wages: { low: 2500, high: 6000 }, unemployment: 0.1 })
    .country({ id: 'DES', population: 50_000_000, gdpPerCapita: 40_000, wages: { low: 20_000, high: 50_000 }, unemployment: 0.05 })
    .leg({ id: 'crossing', from: 'ORI', to: 'DES', mode: 'land', durationDays: 2, cost: 100, mortality: 0, interception: 0.5, onInterception: 'pushback' })
    .route({ id: 'main', legs: ['crossing'] })
    .build();
}

describe('persistence after a failure', () => {
  const world = border();
  const base = run(world);

  it('those caught and pushed back try again: a failure the chance of which they knew sends almost nobody home', () => {
    const caught = sum(base, 'routes', 'interceptions', { route: 'main' });
    expect(caught).toBeGreaterThan(2000);
    // A fresh draw at each failure would send home about a third of those caught here.
    expect(sum(base, 'routes', 'gaveUp', { route: 'main' })).toBeLessThan(0.05 * caught);
    expect(sum(base, 'routes', 'arrivals', { route: 'main' })).toBeGreaterThan(0.85 * sum(base, 'routes', 'departures', { route: 'main' }));
  });

  it('news that the crossing has nearly closed since they left turns back many of those on their way', () => {
    const closed = withPolicies(world, [{ plugin: 'set-attribute', name: 'closed', kind: 'leg', targets: ['crossing'], attribute: 'interception', value: 0.95, from: '2021-01' }]);
    const after = run(closed, world);
    expect(sum(after, 'routes', 'gaveUp', { route: 'main' })).toBeGreaterThan(3 * sum(base, 'routes', 'gaveUp', { route: 'main' }));
  });
});
