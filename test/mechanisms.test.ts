import { describe, expect, it } from 'vitest';
import { Simulation, type RunResult } from '../src/engine/simulation.js';
import { DEFAULT_BEHAVIOUR } from '../src/behaviour/parameters.js';
import { scenario } from '../src/scenario/builder.js';
import { validateScenario } from '../src/scenario/validate.js';
import type { PolicyInput, Scenario } from '../src/scenario/types.js';
import { sum, table } from './helpers.js';
import { smallWorld } from './worlds.js';

/**
 * The mechanisms of issue 9, each in a small world against a counterfactual
 * with the same seed and streams (common random numbers).
 */
const run = (s: Scenario, as?: Scenario): RunResult => new Simulation(s, { streamsOf: as?.name }).runFor();
/** The library's own choice constants (the small world sets them to 0 so that people move readily): leaving is a real decision. */
const CONSTANTS = { choiceIrregularConstant: DEFAULT_BEHAVIOUR.choiceIrregularConstant, choiceLegalConstant: DEFAULT_BEHAVIOUR.choiceLegalConstant };
const withPolicies = (s: Scenario, policies: PolicyInput[]) => validateScenario({ ...s, name: `${s.name}+policy`, policies }, 'variant');

/** Mean of a leg's column over ticks from `from` on. */
function legMean(r: RunResult, leg: string, column: string, from = 0): number {
  const t = table(r, 'legs');
  const k = t.columns.indexOf(column);
  const rows = t.rows.filter((row) => row[2] === leg && Number(row[0]) >= from);
  return rows.reduce((a, row) => a + Number(row[k]), 0) / rows.length;
}

/**
 * Origin -> transit -> destination, with two sea crossings from the transit
 * country: the main one, and a longer, dearer one that only those already in
 * the transit country can take (a route starting there).
 */
function twoCrossings(main: { interception: number }): Scenario {
  return scenario('two-crossings').starting('2020-01').ticks(36).agents({ scale: 10, origins: ['ORI'] })
    .behaviour({ reconsiderPerYear: 4, aspirationBase: 1, initialSavingsMonths: 24, choiceIrregularConstant: 0 })
    .country({ id: 'ORI', population: 50_000, gdpPerCapita: 2000, wages: { low: 1500, high: 4000 }, unemployment: 0.2 })
    .country({ id: 'TRA', population: 10_000_000, gdpPerCapita: 3000, wages: { low: 2000, high: 5000 } })
    .country({ id: 'DES', population: 50_000_000, gdpPerCapita: 40_000, wages: { low: 25_000, high: 50_000 }, unemployment: 0.05 })
    .leg({ id: 'ori-tra', from: 'ORI', to: 'TRA', mode: 'land', durationDays: 5, cost: 100, mortality: 0, interception: 0 })
    .leg({ id: 'tra-des', from: 'TRA', to: 'DES', mode: 'sea', durationDays: 2, cost: 300, mortality: 0, interception: main.interception })
    .leg({ id: 'tra-des-long', from: 'TRA', to: 'DES', mode: 'sea', durationDays: 10, cost: 900, mortality: 0.01, interception: 0.1 })
    .route({ id: 'main', legs: ['ori-tra', 'tra-des'] })
    .route({ id: 'alternative', legs: ['tra-des-long'] })
    .build();
}

describe('people in transit re-decide', () => {
  it('after interceptions some switch to another route from where they stand, and more give up', () => {
    const open = twoCrossings({ interception: 0.05 });
    const closed = validateScenario({ ...twoCrossings({ interception: 0.8 }), name: open.name }, 'closed');
    const a = run(open);
    const b = run(closed, open);
    expect(sum(b, 'routes', 'switchedAway', { route: 'main' })).toBeGreaterThan(sum(a, 'routes', 'switchedAway', { route: 'main' }));
    // Everybody who arrives by the alternative set out on the main route.
    expect(sum(b, 'routes', 'departures', { route: 'alternative' })).toBe(0);
    expect(sum(b, 'routes', 'arrivals', { route: 'alternative' })).toBeGreaterThan(sum(a, 'routes', 'arrivals', { route: 'alternative' }));
    // Most now turn off at the transit country before trying the closed crossing, so some give up on the alternative.
    expect(sum(b, 'routes', 'gaveUp')).toBeGreaterThan(sum(a, 'routes', 'gaveUp'));
  });

  it('giving up responds to what the journey ahead looks like: where the way on is cheap, fewer give up after the same interceptions', () => {
    const world = (cost: number) => smallWorld({ legs: [{}, { interception: 0.5, cost }] });
    const cheap = run(world(300));
    const dear = run(validateScenario({ ...world(3000), name: 'small-world' }, 'dear'));
    const rate = (r: RunResult) => sum(r, 'routes', 'gaveUp') / sum(r, 'legs', 'interceptions', { leg: 'tra-des' });
    expect(sum(cheap, 'legs', 'interceptions', { leg: 'tra-des' })).toBeGreaterThan(100);
    expect(rate(dear)).toBeGreaterThan(rate(cheap));
  });
});

describe('smuggling contracts', () => {
  const world = (contract: 'per-attempt' | 'package', interception: number) => validateScenario({
    ...smallWorld({
      ticks: 36, behaviour: { smugglerEntryPerYear: 0, smugglerExitPerYear: 0 },
      legs: [{}, { cost: 1500, interception, smuggling: { smugglers: 20, capacityPerYear: 20_000, contract, attempts: 3 } }],
    }),
    name: `contract-${contract}`,
  }, 'contract');

  it('a package of tries makes tripled interception cost migrants less, and cut crossings less, than fees paid per attempt', () => {
    // What a migrant expects to pay to get across, at the market's price at the end.
    const outlay = (sim: Simulation) => {
      const l = sim.world.legs.findIndex((x) => x.id === 'tra-des');
      const params = sim.scenario.behaviour;
      return sim.smugglers.expectedOutlay(l, sim.smugglers.price[l], sim.smugglers.expectedInterception(l, params));
    };
    const fall = (contract: 'per-attempt' | 'package') => {
      const base = new Simulation(world(contract, 0.2));
      const enforced = new Simulation(world(contract, 0.6), { streamsOf: world(contract, 0.2).name });
      const [b, e] = [base.runFor(), enforced.runFor()];
      return {
        crossings: sum(e, 'legs', 'crossings', { leg: 'tra-des' }) / sum(b, 'legs', 'crossings', { leg: 'tra-des' }),
        cost: outlay(enforced) / outlay(base),
      };
    };
    const perAttempt = fall('per-attempt');
    const packaged = fall('package');
    expect(perAttempt.cost).toBeGreaterThan(packaged.cost);
    expect(packaged.crossings).toBeGreaterThan(perAttempt.crossings);
    expect(perAttempt.crossings).toBeLessThan(1);
  });

  it('a package is paid once: attempts exceed the contracts paid for', () => {
    const r = new Simulation(world('package', 0.6));
    const result = r.runFor();
    const contracts = sum(result, 'legs', 'revenue', { leg: 'tra-des' }) / legMean(result, 'tra-des', 'price');
    expect(sum(result, 'legs', 'attempts', { leg: 'tra-des' })).toBeGreaterThan(contracts * 1.2);
  });
});

describe('smuggling prices have no floor', () => {
  const world = smallWorld({
    ticks: 48,
    legs: [{}, { cost: 1500, interception: 0.1, smuggling: { smugglers: 40, capacityPerYear: 5000 } }],
  });

  it('a fall in demand leaves capacity idle and the price falls, below the leg\'s base price', () => {
    // From the second year, work at the destination pays little: fewer set out.
    const slump = withPolicies(world, [{ plugin: 'set-attribute', kind: 'country', targets: ['DES'], attribute: 'wageLow', value: 3000, from: '2021-01' },
      { plugin: 'set-attribute', kind: 'country', targets: ['DES'], attribute: 'wageHigh', value: 5000, from: '2021-01', name: 'slump-high' }]);
    const base = run(world);
    const after = run(slump, world);
    expect(sum(after, 'legs', 'attempts', { leg: 'tra-des' })).toBeLessThan(sum(base, 'legs', 'attempts', { leg: 'tra-des' }));
    expect(legMean(after, 'tra-des', 'price', 30)).toBeLessThan(legMean(base, 'tra-des', 'price', 30));
    expect(legMean(after, 'tra-des', 'price', 30)).toBeLessThan(1500);
  });

  it('enforcement on supply raises the price and arrests smugglers', () => {
    const enforced = withPolicies(world, [{ plugin: 'border-enforcement', legs: ['tra-des'], interception: 0.5, from: '2020-07' }]);
    const base = run(world);
    const after = run(enforced, world);
    expect(legMean(after, 'tra-des', 'price', 12)).toBeGreaterThan(legMean(base, 'tra-des', 'price', 12));
    expect(sum(after, 'legs', 'smugglersArrested', { leg: 'tra-des' })).toBeGreaterThan(sum(base, 'legs', 'smugglersArrested', { leg: 'tra-des' }));
  });
});

describe('returns to a transit country, and returns that deter', () => {
  const world = smallWorld({ ticks: 36, behaviour: CONSTANTS, destination: { asylum: { decisionMonths: 3, recognition: { default: 0 } } } });

  it('a readmission arrangement with the transit state sends people back there and cuts attempts on the leg into the destination', () => {
    const deal = withPolicies(world, [{ plugin: 'transit-readmission', legs: ['tra-des'], capacityPerYear: 20_000, from: '2020-07' }]);
    const base = run(world);
    const after = run(deal, world);
    expect(sum(base, 'legs', 'readmissions')).toBe(0);
    expect(sum(after, 'legs', 'readmissions', { leg: 'tra-des' })).toBeGreaterThan(0);
    expect(sum(after, 'countries', 'readmissionsReceived', { country: 'TRA' })).toBe(sum(after, 'legs', 'readmissions', { leg: 'tra-des' }));
    // Fewer set out (deterrence), and fewer try the leg, although the readmitted may try again.
    expect(sum(after, 'routes', 'departures')).toBeLessThan(sum(base, 'routes', 'departures'));
    expect(sum(after, 'legs', 'attempts', { leg: 'tra-des' })).toBeLessThan(sum(base, 'legs', 'attempts', { leg: 'tra-des' }));
  });

  it('the threat of return deters departures: a return drive lowers departures from home, not only the stock abroad', () => {
    const drive = withPolicies(world, [{ plugin: 'returns-readmission', destinations: ['DES'], origins: ['ORI'], apprehensionPerYear: 0.5, returnCapacityPerYear: 100_000, cooperation: 1 }]);
    const base = run(world);
    const after = run(drive, world);
    expect(sum(after, 'countries', 'returnsExecuted', { country: 'DES' })).toBeGreaterThan(0);
    expect(sum(after, 'routes', 'departures')).toBeLessThan(sum(base, 'routes', 'departures') * 0.95);
  });
});

describe('legal queues and voluntary return', () => {
  it('halving a quota turns some applicants in the queue to the irregular route', () => {
    const world = (quotaPerYear: number) => validateScenario({
      ...smallWorld({ ticks: 36, behaviour: CONSTANTS, channel: { quotaPerYear, fee: 100, stayMonths: null }, legs: [{}, { cost: 1500, interception: 0.2 }] }),
      name: 'queue',
    }, 'queue');
    const full = run(world(2000));
    const halved = run(world(1000), world(2000));
    expect(sum(halved, 'channels', 'switchedAway')).toBeGreaterThan(sum(full, 'channels', 'switchedAway'));
    expect(sum(halved, 'routes', 'departures')).toBeGreaterThan(sum(full, 'routes', 'departures'));
  });

  it('dearer, riskier re-entry cages people in: those without papers go home of their own accord less', () => {
    const world = smallWorld({ ticks: 48, destination: { asylum: { decisionMonths: 3, recognition: { default: 0 } } } });
    // After two years, the crossing becomes hard: those already abroad weigh coming back again.
    const tight = withPolicies(world, [{ plugin: 'border-enforcement', legs: ['tra-des'], interception: 0.9, costTimes: 5, from: '2022-01' }]);
    const base = run(world);
    const after = run(tight, world);
    const returnRate = (r: RunResult) => {
      const t = table(r, 'countries');
      const rows = t.rows.filter((row) => row[2] === 'DES' && Number(row[0]) >= 24);
      const col = (c: string) => t.columns.indexOf(c);
      const returns = rows.reduce((a, row) => a + Number(row[col('voluntaryReturns')]), 0);
      const stock = rows.reduce((a, row) => a + Number(row[col('irregular')]), 0);
      return returns / stock;
    };
    expect(returnRate(base)).toBeGreaterThan(0);
    expect(returnRate(after)).toBeLessThan(returnRate(base) * 0.8);
  });
});
