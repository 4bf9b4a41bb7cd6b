import { describe, expect, it } from 'vitest';
import { Simulation, type RunResult } from '../src/engine/simulation.js';
import { validateScenario } from '../src/scenario/validate.js';
import type { PolicyInput, Scenario } from '../src/scenario/types.js';
import { sum } from './helpers.js';
import { smallWorld } from './worlds.js';

/**
 * Capability and networks (issue 9, items 6 and 7): each mechanism in a small
 * world against a counterfactual with the same streams (common random numbers).
 */
const run = (s: Scenario, as?: Scenario): RunResult => new Simulation(s, { streamsOf: as?.name }).runFor();
const withPolicies = (s: Scenario, policies: PolicyInput[]) => validateScenario({ ...s, name: `${s.name}+policy`, policies }, 'variant');

describe('wealth at home follows home incomes', () => {
  // A journey dearer than most people at home can raise: capability binds.
  const world = smallWorld({ ticks: 24, behaviour: { initialSavingsMonths: 12 }, legs: [{ cost: 2000 }, { cost: 4000 }] });
  const richer = withPolicies(world, [
    { plugin: 'set-attribute', name: 'richer-low', kind: 'country', targets: ['ORI'], attribute: 'wageLow', value: 3000, from: '2020-02' },
    { plugin: 'set-attribute', name: 'richer-high', kind: 'country', targets: ['ORI'], attribute: 'wageHigh', value: 8000, from: '2020-02' },
  ]);

  it('doubling home incomes raises departures where the journey costs more than most can raise, though the income gap narrows', () => {
    const base = run(world);
    const after = run(richer, world);
    expect(sum(base, 'routes', 'departures')).toBeGreaterThan(50);
    expect(sum(after, 'routes', 'departures')).toBeGreaterThan(1.3 * sum(base, 'routes', 'departures'));
  });

  it('where the journey is cheap for everybody, the same rise in incomes lowers departures (the falling side of the hump)', () => {
    const cheap = smallWorld({ ticks: 24, legs: [{ cost: 10 }, { cost: 20 }] });
    const base = run(cheap);
    const after = run(validateScenario({ ...cheap, name: `${cheap.name}+policy`, policies: richer.policies }, 'variant'), cheap);
    expect(sum(after, 'routes', 'departures')).toBeLessThan(sum(base, 'routes', 'departures'));
  });
});
