import { describe, expect, it } from 'vitest';
import { Simulation, type RunResult } from '../src/engine/simulation.js';
import { DEFAULT_BEHAVIOUR } from '../src/behaviour/parameters.js';
import { remittance } from '../src/behaviour/earnings.js';
import type { CountryInput, Scenario } from '../src/scenario/types.js';
import { sum, table } from './helpers.js';
import { smallWorld } from './worlds.js';

/**
 * Mechanisms of status and earnings (issue 9, s2-9d), each in a small world
 * against a counterfactual with the same seed and streams.
 */
const run = (s: Scenario, as?: Scenario): RunResult => new Simulation(s, { streamsOf: as?.name }).runFor();

describe('what an asylum claim is worth enters the decision to go', () => {
  /** The small world whose destination decides claims in `decisionMonths`, removes rejected claimants readily and seeks out those without papers. */
  const world = (recognition: number, decisionMonths: number) => smallWorld({
    ticks: 24,
    destination: {
      asylum: { decisionMonths, recognition: { default: recognition } },
      enforcement: { apprehensionPerYear: 0.3, returnCapacityPerYear: 1_000_000 },
    } as Partial<CountryInput>,
    origin: { returnCooperation: 1 },
  });
  /** Departures in the first two months: what people choose before anyone has been through the procedure and come back to leave again. */
  const departures = (r: RunResult) => {
    const t = table(r, 'routes');
    const k = t.columns.indexOf('departures');
    return t.rows.filter((row) => Number(row[0]) < 2).reduce((a, row) => a + Number(row[k]), 0);
  };

  it('where claims are nearly all rejected, a slower procedure (months safe from removal) draws more people than an accelerated one', () => {
    const accelerated = run(world(0.05, 1));
    const slow = run(world(0.05, 12), world(0.05, 1));
    expect(departures(accelerated)).toBeGreaterThan(100);
    expect(sum(slow, 'countries', 'asylumClaims', { country: 'DES' })).toBeGreaterThan(0);
    // Where staying without papers is worth more than a claim that ends in removal, few claim and the months weigh little (s3-9c: the claim is a choice).
    expect(departures(slow)).toBeGreaterThan(departures(accelerated));
  });

  it('where most claims are recognised, a slower procedure (months before a permit to work) draws fewer', () => {
    const fast = run(world(0.9, 1));
    const slow = run(world(0.9, 12), world(0.9, 1));
    // Without the mechanism the two runs are the same people with the same draws: equal departures.
    expect(departures(slow)).toBeLessThan(departures(fast));
  });
});

describe('remittances pay a fixed fee per transfer', () => {
  const params = DEFAULT_BEHAVIOUR;

  it('with no fixed fee, less is sent where it costs more, as before', () => {
    expect(remittance(params, 100, 1, 0.1, 0)).toBeCloseTo(100 * Math.exp(-params.remittanceCostSemiElasticity * 0.1), 10);
  });

  it('weighs most on small senders: halving the fee raises a small sender\'s remittance by more, relatively, than a large one\'s', () => {
    const gain = (monthly: number) => remittance(params, monthly, 1, 0.05, 5) / remittance(params, monthly, 1, 0.05, 10);
    expect(gain(50)).toBeGreaterThan(gain(1000));
    expect(gain(1000)).toBeGreaterThan(1);
  });

  it('one who would lose it all to the fee sends nothing', () => {
    expect(remittance(params, 8, 1, 0.05, 10)).toBe(0);
    expect(remittance(params, 100, 1, 0.05, 10)).toBeGreaterThan(0);
  });

  it('in a run, a fixed fee lowers what reaches home, and every dollar sent is a fee or received', () => {
    const world = (remittanceFee: number) => smallWorld({ ticks: 24, channel: { quotaPerYear: 5000, stayMonths: null }, origin: { remittanceCost: 0.05, remittanceFee } });
    const free = run(world(0));
    const fee = run(world(20), world(0));
    const received = (r: RunResult) => sum(r, 'countries', 'remittancesReceived', { country: 'ORI' });
    expect(received(free)).toBeGreaterThan(0);
    expect(received(fee)).toBeLessThan(received(free));
    const sent = sum(fee, 'countries', 'remittancesSent', { country: 'ORI' });
    expect(sent).toBeCloseTo(sum(fee, 'countries', 'remittanceFees', { country: 'ORI' }) + received(fee), 6);
    expect(sum(fee, 'countries', 'remittanceFees', { country: 'ORI' })).toBeGreaterThan(0.05 * sent);
  });
});
