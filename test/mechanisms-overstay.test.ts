import { describe, expect, it } from 'vitest';
import { Simulation, type RunResult } from '../src/engine/simulation.js';
import { DEFAULT_BEHAVIOUR, type BehaviourParameters } from '../src/behaviour/parameters.js';
import type { ChannelInput, CountryInput } from '../src/scenario/types.js';
import { sum } from './helpers.js';
import { smallWorld } from './worlds.js';

/**
 * The decision to stay on when a permit ends (issue 9, s3-9a): only those who
 * wish to settle weigh an overstay, and ties formed during the stay make it
 * likelier. Each in a small world, against a counterfactual with the same
 * seed and streams.
 */
const run = (s: ReturnType<typeof smallWorld>, as?: ReturnType<typeof smallWorld>): RunResult => new Simulation(s, { streamsOf: as?.name }).runFor();
const overstayRate = (r: RunResult) => {
  const stayed = sum(r, 'channels', 'overstaysBegun');
  return stayed / (stayed + sum(r, 'channels', 'leftOnTime'));
};

/** A world with only a legal channel (the route priced out), the default wish to move, and a destination that hardly seeks out those without papers. */
const world = (channel: Partial<ChannelInput>, origin: Partial<CountryInput> = {}, behaviour: Partial<BehaviourParameters> = {}, diaspora: Record<string, number> = {}) => smallWorld({
  ticks: 84,
  population: 400_000,
  legs: [{ cost: 1e9 }, {}],
  channel: { type: 'visit', quotaPerYear: 1_000_000, fee: 100, ...channel },
  origin,
  destination: { enforcement: { apprehensionPerYear: 0.01, returnCapacityPerYear: 1000 }, diaspora } as Partial<CountryInput>,
  behaviour: { aspirationBase: DEFAULT_BEHAVIOUR.aspirationBase, ...behaviour },
});

describe('a longer stay builds ties that make staying on likelier (location-specific capital)', () => {
  const rates = (behaviour: Partial<BehaviourParameters> = {}) => {
    const short = run(world({ stayMonths: 6 }, {}, behaviour));
    const long = run(world({ stayMonths: 36 }, {}, behaviour), world({ stayMonths: 6 }, {}, behaviour));
    expect(sum(long, 'channels', 'leftOnTime')).toBeGreaterThan(200);
    return { short: overstayRate(short), long: overstayRate(long) };
  };

  it('three-year stays end in an overstay more often than six-month ones', () => {
    const { short, long } = rates();
    expect(long).toBeGreaterThan(short * 1.3);
  });

  it('without ties formed abroad, the length of the stay changes nothing (the counterfactual)', () => {
    const { short, long } = rates({ tiesAbroadPerYear: 0 });
    expect(Math.abs(long / short - 1)).toBeLessThan(0.15);
  });
});

describe('only those who wish to settle weigh an overstay', () => {
  // Climate stress at home raises the wish to move (aspirationClimate) and enters nothing else: the income gap, the risks and the norms are the same.
  it('where fewer wish to move away for good, fewer visitors stay on', () => {
    const calm = run(world({ stayMonths: 6 }, { climateStress: 0 }));
    const stressed = run(world({ stayMonths: 6 }, { climateStress: 1 }), world({ stayMonths: 6 }, { climateStress: 0 }));
    expect(sum(calm, 'channels', 'leftOnTime')).toBeGreaterThan(200);
    expect(overstayRate(stressed)).toBeGreaterThan(overstayRate(calm) * 1.15);
  });

  it('the rate is well below what the overstay utility alone gives', () => {
    // With an overstay utility near 0 (constant 0, hardly any apprehension, a large income gap), half or more would stay were it weighed by all.
    const r = run(world({ stayMonths: 6 }, {}, { overstayConstant: 0, aspirationBase: -3 }));
    expect(sum(r, 'channels', 'leftOnTime')).toBeGreaterThan(200);
    expect(overstayRate(r)).toBeLessThan(0.4);
  });
});

describe('a tie at the destination counts for staying on as it does for going', () => {
  it('visitors from an origin with a large diaspora there stay on more often', () => {
    const few = run(world({ stayMonths: 6 }));
    const many = run(world({ stayMonths: 6 }, {}, {}, { ORI: 100_000 }), world({ stayMonths: 6 }));
    expect(sum(few, 'channels', 'leftOnTime')).toBeGreaterThan(200);
    expect(overstayRate(many)).toBeGreaterThan(overstayRate(few) * 1.15);
  });
});

