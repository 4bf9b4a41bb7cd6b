import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation.js';
import { indicatorsNamed, type ComparisonIndicator, type RunIndicator } from '../src/metrics/indicators.js';
import { readScenarioFile } from '../src/node/files.js';
import { ScenarioError } from '../src/scenario/errors.js';
import { parseScenario } from '../src/scenario/load.js';
import { validateScenario } from '../src/scenario/validate.js';
import type { Scenario } from '../src/scenario/types.js';
import { SCENARIOS, sum } from './helpers.js';
import { smallWorld } from './worlds.js';

/**
 * Every comparison here runs the mechanism twice with the same seed: policy
 * against no policy. A variant draws its baseline's random streams
 * (`streamsOf`), as `compare` does: common random numbers.
 */
const load = (name: string) => readScenarioFile(join(SCENARIOS, `${name}.yaml`));
const run = (s: Scenario, as?: Scenario) => ({ scenario: s, result: new Simulation(s, { streamsOf: as?.name }).runFor() });
type Run = ReturnType<typeof run>;
const indicator = (name: string) => indicatorsNamed([name])[0];
const runValue = (name: string, r: Run) => (indicator(name) as RunIndicator).compute(r);
const diversion = (baseline: Run, variant: Run) => (indicator('diversionRatio') as ComparisonIndicator).compute(baseline, variant)[''];
const corridor = (r: Run, c: string) => sum(r.result, 'routes', 'arrivals', { corridor: c });
const allArrivals = (r: Run) => sum(r.result, 'routes', 'arrivals');

describe('border enforcement (balloon)', () => {
  let baseline: Run, unilateral: Run, coordinated: Run;
  beforeAll(() => {
    baseline = run(load('mediterranean'));
    unilateral = run(load('balloon'), baseline.scenario);
    coordinated = run(load('balloon-coordinated'), baseline.scenario);
  });

  it('the targeted route loses arrivals, others gain, and the total falls by less than the targeted fall', () => {
    const lost = corridor(baseline, 'central') - corridor(unilateral, 'central');
    expect(lost).toBeGreaterThan(0);
    expect(corridor(unilateral, 'western')).toBeGreaterThan(corridor(baseline, 'western'));
    const totalFall = allArrivals(baseline) - allArrivals(unilateral);
    expect(totalFall).toBeGreaterThan(0);
    expect(totalFall).toBeLessThan(lost);
    const ratio = diversion(baseline, unilateral);
    expect(ratio).toBeGreaterThan(0);
    expect(ratio).toBeLessThan(1);
  });

  it('coordinated enforcement across a region diverts less', () => {
    expect(diversion(baseline, coordinated)).toBeLessThan(diversion(baseline, unilateral));
    // Seen from the central route alone: with Spain enforcing too, West Africans have less to divert to.
    const fromCentral = (v: Run) => -((allArrivals(v) - corridor(v, 'central')) - (allArrivals(baseline) - corridor(baseline, 'central'))) / (corridor(v, 'central') - corridor(baseline, 'central'));
    expect(fromCentral(coordinated)).toBeLessThan(fromCentral(unilateral));
  });

  it('every change the plugin made is in the event record', () => {
    const events = unilateral.result.events;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.plugin === 'libya-coastguard' && e.target === 'lby-ita' && e.attribute === 'interception')).toBe(true);
    expect(events[0].date).toBe('2017-07-01');
    expect(events.at(-1)!.to).toBeCloseTo(0.55, 10); // the ramp ends at the target
    expect(new Set(coordinated.result.events.map((e) => e.target))).toEqual(new Set(['lby-ita', 'mar-esp']));
  });
});

describe('quotas and bilateral labour agreements', () => {
  let baseline: Run, agreement: Run, preferential: Run;
  beforeAll(() => {
    baseline = run(load('seasonal-bla-baseline'));
    agreement = run(load('seasonal-bla'), baseline.scenario);
    preferential = run(load('seasonal-preferential'), baseline.scenario);
  });

  it('a seasonal scheme with circularity and return incentives has an overstay rate far below the same scheme without', () => {
    const without = runValue('overstayRate', baseline)[''];
    const withIncentives = runValue('overstayRate', agreement)[''];
    expect(without).toBeGreaterThan(0.05);
    expect(withIncentives).toBeLessThan(without / 3);
  });

  it('a preferential quota raises admissions of the favoured origin', () => {
    const admitted = (r: Run, country: string) => sum(r.result, 'countries', 'admittedLegally', { country });
    const gain = admitted(preferential, 'MAR') - admitted(baseline, 'MAR');
    expect(gain).toBeGreaterThan(0);
    // That it shifts admissions from Senegal (-7% before) is reported, not asserted: since routes through Morocco
    // with the same legs ahead count as one way on, more Senegalese give up at Morocco and the baseline admits fewer
    // of them (31,150 against 33,750), so the deal leaves Senegal's admissions about where they were (+0.8%).
  });

  it('the agreement\'s terms are recorded as events on its channel', () => {
    const changed = new Set(agreement.result.events.map((e) => `${e.target}.${e.attribute}`));
    expect(changed).toEqual(new Set(['esp-seasonal.stayMonths', 'esp-seasonal.circular', 'esp-seasonal.screening', 'esp-seasonal.returnBonus']));
  });
});

describe('returns and readmission', () => {
  let low: Run, high: Run;
  beforeAll(() => {
    low = run(load('returns-baseline'));
    high = run(load('returns'), low.scenario);
  });

  it('high cooperation carries out more returns, raises the effective return rate, and lowers remittances to the origin', () => {
    const executed = (r: Run) => ['NGA', 'SEN', 'MLI', 'GIN'].reduce((a, c) => a + sum(r.result, 'countries', 'returnsReceived', { country: c }), 0);
    expect(executed(high)).toBeGreaterThan(executed(low) * 1.5);
    expect(runValue('effectiveReturnRate', high)['']).toBeGreaterThan(runValue('effectiveReturnRate', low)['']);
    expect(runValue('remittances', high).NGA).toBeLessThan(runValue('remittances', low).NGA);
  });
});

describe('root-cause aid and the migration hump', () => {
  it('aid raises emigration from the poorest origin and lowers it from the richer ones', () => {
    const scaled = (s: Scenario) => validateScenario({ ...s, agents: { ...s.agents, scale: 25 } }, s.name);
    const without = run(scaled(load('aid-hump-baseline')));
    const aided = run(scaled(load('aid-hump')), without.scenario);
    const change = (country: string) => sum(aided.result, 'countries', 'emigrants', { country }) / sum(without.result, 'countries', 'emigrants', { country }) - 1;
    expect(change('VP1')).toBeGreaterThan(0);
    for (const richer of ['LM3', 'MI4', 'UM5']) expect(change(richer), richer).toBeLessThan(0);
    expect(sum(aided.result, 'countries', 'aidReceived', { country: 'VP1' })).toBeGreaterThan(0);
  });

  it('"less for less": aid is withheld while an origin cooperates too little on returns', () => {
    const base = smallWorld({ ticks: 12, origin: { returnCooperation: 0.2 } });
    const policy = { plugin: 'root-cause-aid', origins: ['ORI'], shareOfGdp: 0.05, minimumCooperation: 0.5 };
    const withheld = new Simulation(validateScenario({ ...base, policies: [policy] }, 'x')).runFor();
    expect(sum(withheld, 'countries', 'aidReceived', { country: 'ORI' })).toBe(0);
    const cooperative = new Simulation(validateScenario({ ...base, policies: [policy, { plugin: 'returns-readmission', origins: ['ORI'], cooperation: 0.8 }] }, 'x')).runFor();
    expect(sum(cooperative, 'countries', 'aidReceived', { country: 'ORI' })).toBeGreaterThan(0);
  });
});

describe('search and rescue, and asylum policy', () => {
  it('rescue at sea means fewer deaths per thousand crossings, and crossings attempted respond', () => {
    const s = smallWorld({ ticks: 36, legs: [{}, { mortality: 0.05 }] });
    const without = run(s);
    const rescued = run(validateScenario({ ...s, policies: [{ plugin: 'search-and-rescue', legs: ['tra-des'], mortalityTimes: 0.3 }] }, 'sar'), s);
    expect(sum(without.result, 'legs', 'deaths', { leg: 'tra-des' })).toBeGreaterThan(20); // enough deaths to compare rates
    expect(runValue('deathsPerThousandCrossings', rescued).sea).toBeLessThan(runValue('deathsPerThousandCrossings', without).sea * 0.5);
    // Safer crossings draw more people to attempt them (the debated "pull"), from the same seeds.
    expect(sum(rescued.result, 'legs', 'attempts', { leg: 'tra-des' })).toBeGreaterThan(sum(without.result, 'legs', 'attempts', { leg: 'tra-des' }));
  });

  it('lower recognition means fewer people protected and more ordered to leave', () => {
    const s = smallWorld({ destination: { asylum: { decisionMonths: 2, recognition: { default: 0.6 } } } });
    const harsh = new Simulation(validateScenario({ ...s, policies: [{ plugin: 'asylum-policy', destinations: ['DES'], recognitionTimes: 0.2 }] }, 'x')).runFor();
    const open = new Simulation(s).runFor();
    expect(sum(harsh, 'countries', 'recognised', { country: 'DES' })).toBeLessThan(sum(open, 'countries', 'recognised', { country: 'DES' }) * 0.5);
    expect(sum(harsh, 'countries', 'rejected', { country: 'DES' })).toBeGreaterThan(sum(open, 'countries', 'rejected', { country: 'DES' }));
  });
});

describe('bad policy parameters get clear errors with the field path', () => {
  const cases: Array<[object, string, RegExp]> = [
    [{ plugin: 'border-enforcement', legs: ['tra-des'] }, 'policies[0].interception', /an interception probability, or `interceptionTimes`/],
    [{ plugin: 'border-enforcement', legs: ['tra-des'], interception: 0.5, interceptionTimes: 2 }, 'policies[0].interceptionTimes', /not both/],
    [{ plugin: 'border-enforcement', interception: 0.5 }, 'policies[0].legs', /at least one leg/],
    [{ plugin: 'border-enforcement', into: ['NOWHERE'], interception: 0.5 }, 'policies[0].into[0]', /a country id \(one of ORI, TRA, DES\)/],
    [{ plugin: 'border-enforcement', legs: ['tra-des'], interception: 0.5, intercepted: 'drowned' }, 'policies[0].intercepted', /"pushback", "return", "release"/],
    [{ plugin: 'labour-agreement', channel: 'nope', quotaPerYear: 5 }, 'policies[0].channel', /one of "work"/],
    [{ plugin: 'labour-agreement', channel: 'work', screening: 2 }, 'policies[0].screening', /from 0 to 1/],
    [{ plugin: 'root-cause-aid', origins: ['ORI'] }, 'policies[0].aidPerYear', /aid per year/],
    [{ plugin: 'search-and-rescue', legs: ['ori-tra'], mortalityTimes: 0.5 }, 'policies[0].legs[0]', /a sea leg/],
    [{ plugin: 'returns-readmission', cooperation: 0.9 }, 'policies[0].origins', /origins whose cooperation/],
    [{ plugin: 'asylum-policy', destinations: ['DES'] }, 'policies[0].recognitionTimes', /`recognitionTimes` or `decisionMonths`/],
    [{ plugin: 'transit-readmission', legs: ['tra-des'], capacityPerYear: -5 }, 'policies[0].capacityPerYear', /at least 0/],
    [{ plugin: 'transit-readmission', legs: ['nope'], capacityPerYear: 100 }, 'policies[0].legs[0]', /a leg id/],
    [{ plugin: 'returns-readmission', destinations: ['DES'], apprehensionPerYear: 0.2, from: '2019-13' }, 'policies[0].from', /a month written YYYY-MM/],
  ];
  it.each(cases)('%j is refused at %s', (policy, path, message) => {
    const s = smallWorld({ ticks: 12, channel: {} });
    try {
      parseScenario(JSON.stringify({ ...s, policies: [policy] }), 'policy.json');
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const issue = (e as ScenarioError).issues.find((i) => i.path === path);
      expect(issue, (e as Error).message).toBeDefined();
      expect(`${issue!.expected} / ${issue!.found}`).toMatch(message);
    }
  });
});

describe('every policy scenario runs, and the same seed gives the same run', () => {
  it.each(['balloon', 'balloon-coordinated', 'eu-turkey-2016', 'returns-baseline', 'returns', 'seasonal-bla', 'seasonal-preferential', 'aid-hump'])('%s', (name) => {
    const s = load(name);
    // Long enough for every policy to come into force (balloon's starts at tick 42).
    const short = validateScenario({ ...s, ticks: Math.min(s.ticks, 48), agents: { ...s.agents, scale: s.agents.scale * 4 } }, name);
    const a = new Simulation(short).runFor();
    const b = new Simulation(short).runFor();
    expect(a.tables).toEqual(b.tables);
    expect(a.events).toEqual(b.events);
  });
});
