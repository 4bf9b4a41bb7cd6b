import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation.js';
import { last, sum } from './helpers.js';
import { smallWorld } from './worlds.js';

const run = (s: ReturnType<typeof smallWorld>) => new Simulation(s).runFor();

describe('state transitions of MODEL.md, each exercised in a small world', () => {
  it('home -> preparing -> in transit -> crossing leg by leg -> arrived (irregular)', () => {
    const r = run(smallWorld());
    expect(sum(r, 'routes', 'departures')).toBeGreaterThan(0);
    expect(sum(r, 'legs', 'crossings', { leg: 'ori-tra' })).toBeGreaterThan(0);
    expect(sum(r, 'legs', 'crossings', { leg: 'tra-des' })).toBeGreaterThan(0);
    expect(sum(r, 'routes', 'arrivals')).toBeGreaterThan(0);
    expect(last(r, 'countries', 'irregular', { country: 'DES' })).toBeGreaterThan(0);
    // Everybody who crossed the last leg has arrived, or is still on it at the end.
    const onLastLeg = sum(r, 'legs', 'crossings', { leg: 'tra-des' }) - sum(r, 'routes', 'arrivals');
    expect(onLastLeg).toBeGreaterThanOrEqual(0);
    expect(onLastLeg).toBeLessThanOrEqual(last(r, 'population', 'inTransit'));
  });

  it('an attempt can end in death, and deaths rise with mortality', () => {
    const safe = run(smallWorld({ legs: [{}, { mortality: 0 }] }));
    const deadly = run(smallWorld({ legs: [{}, { mortality: 0.2 }], behaviour: { choiceDeath: 0 } }));
    expect(sum(safe, 'routes', 'deaths')).toBe(0);
    expect(sum(deadly, 'legs', 'deaths', { leg: 'tra-des' })).toBeGreaterThan(0);
    expect(last(deadly, 'population', 'dead')).toBe(sum(deadly, 'routes', 'deaths'));
  });

  it('interception with pushback keeps people at the leg start to try again, or give up', () => {
    // Giving up is a re-decision after each interception (see mechanisms.test.ts), not a fixed share.
    const r = run(smallWorld({ legs: [{}, { interception: 0.5 }], behaviour: { choiceInterception: 0 } }));
    const intercepted = sum(r, 'legs', 'interceptions', { leg: 'tra-des' });
    expect(intercepted).toBeGreaterThan(0);
    // Retries: more attempts than people who set out on that leg.
    expect(sum(r, 'legs', 'attempts', { leg: 'tra-des' })).toBeGreaterThan(sum(r, 'legs', 'crossings', { leg: 'ori-tra' }));
    expect(sum(r, 'routes', 'gaveUp')).toBeGreaterThan(0);
    // Giving up in transit: some stay in the transit country, the others go home.
    expect(sum(r, 'routes', 'settledInTransit')).toBeGreaterThan(0);
    expect(last(r, 'countries', 'irregular', { country: 'TRA' })).toBeGreaterThan(0);
    expect(sum(r, 'routes', 'gaveUp')).toBeGreaterThan(sum(r, 'routes', 'settledInTransit'));
  });

  it('interception with detention returns people home', () => {
    const r = run(smallWorld({ legs: [{}, { interception: 0.5, onInterception: 'return' }], behaviour: { choiceInterception: 0 } }));
    expect(sum(r, 'routes', 'returnedAfterInterception')).toBe(sum(r, 'legs', 'interceptions'));
    expect(sum(r, 'routes', 'returnedAfterInterception')).toBeGreaterThan(0);
    expect(last(r, 'population', 'returned')).toBeGreaterThan(0);
  });

  it('without money for the next leg, people work in transit, think again while they wait, and give up', () => {
    // The sea crossing's price jumps beyond anyone's savings after people have set out.
    const r = run(smallWorld({ ticks: 48, legs: [{}, { cost: 'tick < 1 ? 300 : 1e9' }] }));
    expect(sum(r, 'legs', 'crossings', { leg: 'ori-tra' })).toBeGreaterThan(0);
    expect(sum(r, 'legs', 'attempts', { leg: 'tra-des' })).toBe(0);
    expect(sum(r, 'routes', 'gaveUp')).toBeGreaterThan(0);
  });

  it('arrivals claim asylum and are recognised or rejected; rejection brings a return order', () => {
    const r = run(smallWorld({ destination: { asylum: { decisionMonths: 2, recognition: { default: 0.5 } } } }));
    expect(sum(r, 'countries', 'asylumClaims', { country: 'DES' })).toBeGreaterThan(0);
    expect(sum(r, 'countries', 'recognised', { country: 'DES' })).toBeGreaterThan(0);
    expect(sum(r, 'countries', 'rejected', { country: 'DES' })).toBeGreaterThan(0);
    expect(last(r, 'countries', 'protected', { country: 'DES' })).toBeGreaterThan(0);
    expect(sum(r, 'countries', 'returnOrders', { country: 'DES' })).toBeGreaterThanOrEqual(sum(r, 'countries', 'rejected', { country: 'DES' }));
  });

  it('with no recognition at all, nobody claims and arrivals stay irregular', () => {
    const r = run(smallWorld());
    expect(sum(r, 'countries', 'asylumClaims', { country: 'DES' })).toBe(0);
    expect(sum(r, 'countries', 'arrivals', { country: 'DES' })).toBeGreaterThan(0);
  });

  it('legal channel: queue for a quota place, processing, admission, and a permit', () => {
    const r = run(smallWorld({ channel: { quotaPerYear: 500, processingMonths: 2, stayMonths: null } }));
    expect(sum(r, 'channels', 'applications')).toBeGreaterThan(0);
    expect(sum(r, 'channels', 'admissions')).toBeGreaterThan(0);
    expect(last(r, 'countries', 'regular', { country: 'DES' })).toBeGreaterThan(0);
    // The yearly quota is never exceeded: 500 persons = 50 agents a year, three years.
    expect(sum(r, 'channels', 'admissions')).toBeLessThanOrEqual(3 * 500);
  });

  it('applicants who wait too long for a quota place give up and stay home', () => {
    const r = run(smallWorld({ channel: { quotaPerYear: 20 }, behaviour: { quotaPatienceMonths: 3 } }));
    expect(sum(r, 'channels', 'gaveUp')).toBeGreaterThan(0);
  });

  it('permits expire: renewed, left on time, or overstayed', () => {
    const r = run(smallWorld({
      ticks: 48, channel: { quotaPerYear: 100000, stayMonths: 6, renewals: 1 },
      legs: [{ cost: 1e9 }, {}], behaviour: { renewalApproval: 0.5, overstayConstant: 0 },
    }));
    expect(sum(r, 'channels', 'renewals')).toBeGreaterThan(0);
    expect(sum(r, 'channels', 'leftOnTime')).toBeGreaterThan(0);
    expect(sum(r, 'channels', 'overstaysBegun')).toBeGreaterThan(0);
    expect(last(r, 'countries', 'overstaying', { country: 'DES' })).toBeGreaterThan(0);
  });

  it('irregular residents are apprehended and ordered to leave; returns need capacity and cooperation', () => {
    const enforcement = { apprehensionPerYear: 0.5, returnCapacityPerYear: 100000 };
    const cooperative = run(smallWorld({ destination: { enforcement }, origin: { returnCooperation: 1 } }));
    const refusing = run(smallWorld({ destination: { enforcement }, origin: { returnCooperation: 0 } }));
    const noCapacity = run(smallWorld({ destination: { enforcement: { apprehensionPerYear: 0.5, returnCapacityPerYear: 0 } }, origin: { returnCooperation: 1 } }));
    expect(sum(cooperative, 'countries', 'apprehensions', { country: 'DES' })).toBeGreaterThan(0);
    expect(sum(cooperative, 'countries', 'returnsExecuted', { country: 'DES' })).toBeGreaterThan(0);
    expect(sum(cooperative, 'countries', 'returnsReceived', { country: 'ORI' })).toBe(sum(cooperative, 'countries', 'returnsExecuted', { country: 'DES' }));
    expect(sum(refusing, 'countries', 'returnAttempts', { country: 'DES' })).toBeGreaterThan(0);
    expect(sum(refusing, 'countries', 'returnsExecuted', { country: 'DES' })).toBe(0);
    expect(sum(noCapacity, 'countries', 'returnAttempts', { country: 'DES' })).toBe(0);
  });

  it('migrants abroad return of their own accord, and returnees may leave again', () => {
    const r = run(smallWorld({ ticks: 60, behaviour: { voluntaryReturnPerYear: 1 } }));
    expect(sum(r, 'countries', 'voluntaryReturns', { country: 'DES' })).toBeGreaterThan(0);
    const none = run(smallWorld({ ticks: 60, behaviour: { voluntaryReturnPerYear: 0 } }));
    expect(sum(none, 'countries', 'voluntaryReturns', { country: 'DES' })).toBe(0);
    // More departures than people is only possible if returnees left again.
    expect(sum(r, 'routes', 'departures')).toBeGreaterThan(r.agents * r.scale);
  });
});
