import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation, type RunResult } from '../../src/engine/simulation.js';
import { scenario } from '../../src/scenario/builder.js';
import { validateScenario } from '../../src/scenario/validate.js';
import type { Scenario } from '../../src/scenario/types.js';
import { SCENARIOS, loadScenario } from '../helpers.js';
import { smallWorld } from '../worlds.js';
import { paired } from './worlds.js';

/**
 * The effects of issue 11, each against its counterfactual arm with common
 * random numbers over replications: the variant draws the baseline's streams.
 * Each would fail without its mechanism (named in each test).
 */
const rowsOf = (r: RunResult, name: string) => r.tables.find((t) => t.name === name)!;
/** Sum of a field over ticks from..to (inclusive) for rows whose third column is `id`. */
function over(r: RunResult, name: string, id: string, field: string, from: number, to: number): number {
  const t = rowsOf(r, name);
  const k = t.columns.indexOf(field);
  return t.rows.filter((x) => x[2] === id && Number(x[0]) >= from && Number(x[0]) <= to).reduce((s, x) => s + Number(x[k]), 0);
}
/** Mean interception in force on a leg over ticks from..to, from the event record. */
function interception(r: RunResult, leg: string, start: number, from: number, to: number): number {
  let now = start;
  let sum = 0;
  const events = r.events.filter((e) => e.kind === 'leg' && e.target === leg && e.attribute === 'interception');
  for (let t = 0; t <= to; t++) {
    for (const e of events) if (e.tick === t) now = Number.isNaN(e.to) ? start : e.to;
    if (t >= from) sum += now;
  }
  return sum / (to - from + 1);
}
const edit = (s: Scenario, name: string, change: (x: any) => void): Scenario => {
  const x: any = structuredClone(s);
  x.name = name;
  change(x);
  return validateScenario(x, `${name} (test)`);
};

describe('payments stop: the transit state\'s enforcement decays with its own lag, and arrivals come back months later', () => {
  // Italy-Libya world with a promise Libya can keep and no renegotiation, so only the court's end stops the money (tick 60).
  const world = edit(loadScenario(join(SCENARIOS, 'italy-libya.yaml')), 'payments-continue', (x) => {
    x.agents.scale = 80;
    x.agreements[0].terms[1].atLeast = 0.15;
    x.agreements[0].tolerance = 0.3;
    x.agreements[0].renegotiate = false;
    x.policies = [];
  });
  const stopped = edit(world, 'payments-stop', (x) => {
    x.policies = [{ plugin: 'set-attribute', name: 'court', kind: 'agreement', targets: ['italy-libya-mou'], attribute: 'inForce', value: 0, from: 60 }];
  });
  it('interception falls gradually after the stop, not at once, and arrivals rebound months later', () => {
    const e = paired(world, stopped, {
      soon: (r) => interception(r, 'lby-ita', 0.05, 61, 63),
      later: (r) => interception(r, 'lby-ita', 0.05, 78, 89),
      arrivalsFirst: (r) => over(r, 'routes', 'central-med', 'arrivals', 60, 65),
      arrivalsLater: (r) => over(r, 'routes', 'central-med', 'arrivals', 72, 89),
    });
    console.log('payments stop (stop minus continue): interception months 1-3 after', e.soon, 'months 18-29 after', e.later,
      '; arrivals months 0-5 after', e.arrivalsFirst, 'months 12-29 after', e.arrivalsLater);
    expect(e.soon.mean).toBeGreaterThan(-0.02);
    expect(e.later.high).toBeLessThan(0);
    expect(e.later.mean).toBeLessThan(e.soon.mean);
    expect(e.arrivalsLater.low).toBeGreaterThan(0);
    expect(e.arrivalsLater.mean / 18).toBeGreaterThan(Math.abs(e.arrivalsFirst.mean / 6) * 2);
  });
});

describe('a neighbour tightens: own arrivals rise and own tightening follows; total protection falls', () => {
  const world = (tighten: boolean, passiveA = false) => {
    const gov = { reviewMonths: 3, budgetPerYear: 5e7, objectives: { arrivals: -60, spending: -1, pressure: -30 } };
    const b = scenario(tighten ? 'neighbour-tightens' : 'neighbours').starting('2020-01').ticks(72).agents({ scale: 20, origins: ['ORI'] })
      .country({ id: 'ORI', population: 400_000, gdpPerCapita: 2000, wages: { low: 1500, high: 4000 }, unemployment: 0.3, conflict: 0.3 })
      .country({
        id: 'AAA', population: 5e7, gdpPerCapita: 40000, wages: { low: 24000, high: 50000 }, asylum: { decisionMonths: 6, recognition: { default: 0.4 } },
        government: { ...gov, instruments: [{ kind: 'interception', start: 0.2, step: 0.2, max: 3, costPerYear: 2e7 }] },
      })
      .country({ id: 'BBB', population: 5e7, gdpPerCapita: 40000, wages: { low: 25000, high: 50000 }, asylum: { decisionMonths: 6, recognition: { default: 0.4 } }, government: gov })
      .leg({ id: 'ori-aaa', from: 'ORI', to: 'AAA', mode: 'sea', durationDays: 3, cost: 1500, mortality: 0.01, interception: 0.1 })
      .leg({ id: 'ori-bbb', from: 'ORI', to: 'BBB', mode: 'sea', durationDays: 3, cost: 1500, mortality: 0.01, interception: 0.1 })
      .route({ id: 'to-aaa', legs: ['ori-aaa'] }).route({ id: 'to-bbb', legs: ['ori-bbb'] });
    if (tighten) b.policy({ plugin: 'border-enforcement', name: 'bbb-tightens', legs: ['ori-bbb'], interception: 0.6, from: 24 });
    const s = b.build();
    return passiveA ? edit(s, s.name, (x) => (x.passiveGovernments = true)) : s;
  };
  const protection = (r: RunResult) => ['AAA', 'BBB'].reduce((s, c) => s + over(r, 'countries', c, 'recognised', 24, 71), 0);
  it('diverts arrivals to A, and A tightens in response where a passive A does not', () => {
    const { arrivals, tightening, total } = paired(world(false), world(true), {
      arrivals: (r) => over(r, 'routes', 'to-aaa', 'arrivals', 24, 71), tightening: (r) => interception(r, 'ori-aaa', 0.1, 30, 71), total: protection,
    });
    const passive = paired(world(false, true), world(true, true), { tightening: (r) => interception(r, 'ori-aaa', 0.1, 30, 71) }, 2).tightening;
    console.log('neighbour tightens: A arrivals', arrivals, 'A interception', tightening, 'passive A interception', passive, 'protection granted in A and B', total);
    expect(arrivals.low).toBeGreaterThan(0);
    expect(tightening.low).toBeGreaterThan(0.02);
    expect(Math.abs(passive.mean)).toBeLessThan(1e-9);
    expect(total.high).toBeLessThan(0);
  });
});

/** Mean of a leg's figure over ticks from..to. */
function meanOver(r: RunResult, leg: string, field: string, from: number, to: number): number {
  return over(r, 'legs', leg, field, from, to) / (to - from + 1);
}

describe('the same border aid to a high- and a low-governance transit state', () => {
  // Italy pays the same to Libya at governance 0.7 or 0.15; monitoring never finds a breach (tolerance 1), so the money flows
  // all run. Libya's coastguard polices the western coast (lby-ita); boats also leave from the east (lby-east-ita: a longer,
  // dearer crossing), which its interception instrument does not reach, as Tripoli's coastguard did not reach Cyrenaica.
  const world = (governance: number, passive: boolean) => edit(loadScenario(join(SCENARIOS, 'italy-libya.yaml')), `aid-governance-${governance}`, (x) => {
    x.agents.scale = 80;
    x.ticks = 72;
    x.countries[1].governance = governance;
    x.agreements[0].tolerance = 1;
    x.agreements[0].renegotiate = false;
    x.policies = [];
    x.legs.push({ id: 'lby-east-ita', from: 'LBY', to: 'ITA', mode: 'sea', durationDays: 3, cost: 2000, mortality: 0.02, interception: 0.05, smuggling: { smugglers: 10, capacityPerYear: 2000 } });
    x.routes.push({ id: 'eastern', corridor: 'central-med', legs: ['nga-lby', 'lby-east-ita'] });
    if (passive) x.passiveGovernments = true;
  });
  it('buys the low-governance state a smaller rise in interception and prices; both divert to the legs they do not police', () => {
    // Officials ask smugglers for looking away no more than it is worth to them: the takings the interception the bought
    // money would have added stops (production.lookingAwayWorth). Without that bound bribes took up to 84% of the takings on
    // lby-ita at governance 0.15 and its price rose more than at 0.7: measured +292 [228, 356] against +234 [216, 252].
    const effect = (g: number) => paired(world(g, true), world(g, false), {
      interception: (r) => interception(r, 'lby-ita', 0.05, 36, 71),
      price: (r) => meanOver(r, 'lby-ita', 'price', 36, 71),
      targeted: (r) => over(r, 'legs', 'lby-ita', 'crossings', 36, 71),
      diverted: (r) => over(r, 'legs', 'lby-east-ita', 'crossings', 36, 71) + over(r, 'legs', 'tun-ita', 'crossings', 36, 71),
    }, 8);
    const high = effect(0.7);
    const low = effect(0.15);
    console.log('border aid, governance 0.7:', high, 'governance 0.15:', low);
    expect(high.interception.low).toBeGreaterThan(0);
    expect(low.interception.mean).toBeLessThan(high.interception.low);
    expect(low.price.high).toBeLessThan(high.price.low);
    expect(high.diverted.low).toBeGreaterThan(0);
    expect(low.diverted.low).toBeGreaterThan(0);
    // Reported, not asserted (a finding): of the crossings the aid takes off the policed leg, the low-governance state sees
    // fewer, not more, reappear on the legs it does not police: 0.37 against 0.66 (16 replications). With the eastern
    // crossing as cheap as the western one the shares are equal (0.68 against 0.67, 12 replications): what the dearer
    // crossing changes is who can switch to it, and nothing in either state makes the weak one's aid divert more.
    const ratio = (e: typeof high) => e.diverted.mean / Math.max(1, -e.targeted.mean);
    console.log('diversion ratio (unpoliced legs gained / policed leg lost): high', ratio(high), 'low', ratio(low));
  });
});

describe('leverage: a partner hosting many would-be migrants gets a rising price; one hosting few does not', () => {
  const world = (population: number, renegotiate: boolean) => edit(loadScenario(join(SCENARIOS, 'eu-turkey-deal.yaml')), `leverage-${population}`, (x) => {
    x.agents.scale = 100;
    x.ticks = 60;
    x.countries[0].population = population;
    x.agreements[0].renegotiate = renegotiate;
  });
  const prices = (r: RunResult) => r.events.filter((e) => e.kind === 'agreement' && e.attribute === 'payment by EUR').map((e) => e.to);
  /** The price paid at the end, and its rise after the first renegotiation (0 with one or none). */
  const price = (r: RunResult) => prices(r).at(-1) ?? 20e6;
  const later = (r: RunResult) => (prices(r).length > 1 ? prices(r).at(-1)! - prices(r)[0] : 0);
  it('renegotiates the price up with the numbers the partner hosts, again and again as they pile up', () => {
    // Four replications: with two the interval has one degree of freedom (t = 12.7) and reached below zero even when
    // every pair rose — what made this a report after the sfc32 streams. Leverage counts those stuck in the partner
    // (irregular there, or claiming asylum or protected) as well as those in transit: a stock that grows year by year.
    const many = paired(world(3_000_000, false), world(3_000_000, true), { price, later }, 4);
    const few = paired(world(20_000, false), world(20_000, true), { price, later }, 4);
    console.log('leverage: rise in the price paid, many hosted', many, 'few hosted', few);
    expect(many.price.low).toBeGreaterThan(0);
    expect(many.later.low).toBeGreaterThan(0);
    expect(few.price.mean).toBe(0);
    expect(few.later.mean).toBe(0);
  });
});

describe('less-for-less: conditional aid lowers a high-remittance origin\'s cooperation and the effective return rate', () => {
  // The origin's documents capacity runs on the aid it receives; with conditionality it must hold cooperation at 0.6 or lose the aid.
  const world = (aid: number, conditional: boolean) => edit(smallWorld({
    ticks: 72, population: 60_000, legs: [{}, { interception: 0.05 }], behaviour: { reconsiderPerYear: 1 },
    destination: { enforcement: { apprehensionPerYear: 0.3, returnCapacityPerYear: 1e6 }, asylum: { decisionMonths: 3, recognition: { default: 0 } } },
  }), conditional ? 'less-for-less' : 'unconditional-aid', (x) => {
    x.countries[0].returnCooperation = 0.2;
    x.countries[0].government = {
      reviewMonths: 3, budgetPerYear: 1e5, objectives: { remittances: 1, paymentsReceived: 1 },
      instruments: [{ kind: 'returnCooperation', start: 0.5, min: 0.5, step: 0.25, max: 3, costPerYear: 1e6 }],
    };
    x.countries[2].government = { reviewMonths: 3, budgetPerYear: 1e9, objectives: { arrivals: -1 } };
    x.agreements = [{
      id: 'aid', parties: ['DES', 'ORI'], from: 12, renegotiate: false, tolerance: 0.1,
      terms: [{ kind: 'payment', by: 'DES', perYear: aid }, ...(conditional ? [{ kind: 'cooperation', by: 'ORI', atLeast: 0.6 }] : [])],
    }];
  });
  const effectiveReturnRate = (r: RunResult) => over(r, 'returns', 'DES:ORI', 'returnsExecuted', 36, 71) / Math.max(1, over(r, 'returns', 'DES:ORI', 'returnOrders', 36, 71));
  const cooperation = (r: RunResult) => {
    const e = r.events.filter((x) => x.kind === 'country' && x.target === 'ORI' && x.attribute === 'returnCooperation');
    return e[e.length - 1].to;
  };
  it('backfires when the remittances at risk exceed the aid withheld, and works when the aid is worth more', () => {
    const small = paired(world(1e6, false), world(1e6, true), { rate: effectiveReturnRate, cooperation }, 3);
    const large = paired(world(5e7, false), world(5e7, true), { rate: effectiveReturnRate }, 3).rate;
    console.log('less-for-less, aid 1M a year (remittances ~60M a year at stake): effective return rate', small.rate, 'cooperation', small.cooperation, '; aid 50M a year: effective return rate', large);
    expect(small.rate.high).toBeLessThan(0);
    expect(small.cooperation.high).toBeLessThan(0);
    expect(large.low).toBeGreaterThan(0);
  });
});

describe('a quota that grows with an origin\'s on-time returns, and diverts admissions from non-party origins', () => {
  it('lowers its overstay season by season against the frozen quota', () => {
    // A circular seasonal scheme the destination reviews yearly, weighing workers against overstays; leaving on time
    // earns priority, worth its chance of a place: the year's places against those already holding priority
    // (QuotaLedger.priorityChance). Under a frozen quota holders pile up and priority is worth less each season; where
    // the quota grows with on-time returns it keeps its worth. Without that chance (priority a constant) the arms do not
    // differ: measured +0.002 [-0.005, 0.009] in seasons 5-8.
    const seasonal = (passive: boolean) => {
      const input: any = structuredClone(smallWorld({
        ticks: 96, population: 60_000, legs: [{ cost: 1e6 }, {}], behaviour: { reconsiderPerYear: 1 },
        channel: { type: 'seasonal', quotaPerYear: 300, stayMonths: 6, circular: true, fee: 100 },
        destination: { wages: { low: 12000, high: 30000 }, enforcement: { apprehensionPerYear: 0.1, returnCapacityPerYear: 1e6 } },
      }));
      input.name = passive ? 'seasonal-frozen' : 'seasonal-grows';
      input.agents.scale = 2;
      input.passiveGovernments = passive;
      input.countries[2].government = { reviewMonths: 12, objectives: { workers: 10, overstays: -30 }, instruments: [{ kind: 'quota', channel: 'work', start: 300, step: 100, min: 0, max: 5000 }] };
      return validateScenario(input, 'seasonal world (test)');
    };
    const share = (from: number, to: number) => (r: RunResult) => {
      const o = over(r, 'channelOrigins', 'work:ORI', 'overstaysBegun', from, to);
      return o / Math.max(1, o + over(r, 'channelOrigins', 'work:ORI', 'leftOnTime', from, to));
    };
    const e = paired(seasonal(true), seasonal(false), { first: share(12, 23), early: share(12, 47), late: share(48, 95) }, 8);
    console.log('growing quota minus frozen: overstay share in season 2', e.first, 'seasons 2-4', e.early, 'seasons 5-8', e.late);
    expect(Math.abs(e.first.mean)).toBeLessThan(0.02);
    expect(e.late.high).toBeLessThan(0);
    expect(e.late.mean).toBeLessThan(e.early.mean);
  });
  const file = (name: string) => loadScenario(join(SCENARIOS, `${name}.yaml`));
  const coarse = (s: Scenario, name: string, change: (x: any) => void = () => {}) => edit(s, name, (x) => {
    x.agents.scale = 40;
    change(x);
  });
  // The same scheme without circularity or return bonus: Jamaicans overstay more.
  const lax = coarse(file('canada-jamaica'), 'canada-jamaica-lax', (x) => {
    x.channels[0].circular = false;
    x.channels[0].returnBonus = 0;
    x.countries[2].enforcement.apprehensionPerYear = 0;
  });
  const quota = (r: RunResult) => {
    const e = r.events.filter((x) => x.kind === 'instrument' && x.target === 'CAN:quota:can-sawp-jam');
    return e.length > 0 ? e[e.length - 1].to : 800;
  };
  const overstayShare = (r: RunResult) => {
    const o = over(r, 'channelOrigins', 'can-sawp-jam:JAM', 'overstaysBegun', 12, 95);
    return o / Math.max(1, o + over(r, 'channelOrigins', 'can-sawp-jam:JAM', 'leftOnTime', 12, 95));
  };
  it('grows more where returns are on time', () => {
    const { quota: byCompliance, overstayShare: compliance } = paired(lax, coarse(file('canada-jamaica'), 'canada-jamaica'), { quota, overstayShare }, 3);
    console.log('seasonal quota: final quota, circular scheme minus lax one', byCompliance, 'overstay share, circular minus lax', compliance);
    expect(compliance.high).toBeLessThan(0);
    expect(byCompliance.low).toBeGreaterThan(0);
  });
  it('takes farm jobs from the most-favoured-nation channel\'s non-party workers', () => {
    // The scenario's own scale and 16 replications (8 until only those who wish to settle weigh an overstay and
    // priority became worth its chance of a place: the fall, about 475 in 8, then crossed zero): jobs decide who is admitted, and which channel is served first
    // in a month is drawn, so admissions are noisy even with common random numbers (with 3 replications at scale 40
    // the fall held in every pair but not in its interval). The mechanism: jobs open are labour demand less the
    // regular migrants there (behaviour/quotas.ts); without a binding job limit the fall does not come out.
    const { nonParty, party, overstayShare: seasons } = paired(file('canada-jamaica-passive'), file('canada-jamaica'), {
      nonParty: (r) => over(r, 'channelOrigins', 'can-seasonal:GTM', 'admissions', 24, 95),
      party: (r) => over(r, 'channelOrigins', 'can-sawp-jam:JAM', 'admissions', 24, 95),
      overstayShare,
    }, 16);
    console.log('seasonal quota against the frozen quota: Jamaican admissions', party, 'non-party (GTM) admissions', nonParty, 'Jamaican overstay share', seasons);
    expect(party.low).toBeGreaterThan(0);
    expect(nonParty.high).toBeLessThan(0);
  });
});

describe('resettlement from the transit country: one for one, from those waiting in Turkey', () => {
  // The EU-Turkey deal for its first 21 months (before the price outgrows what it is worth to the EU), with and without
  // its resettlement term: the same streams, 6 replications (with 3 the fall in those hosted, about 3,000, crossed zero). Places follow those readmitted to Turkey; Syrians staying in Turkey apply
  // (behaviour/resettlement.ts), none from Syria; those waiting at the coast weigh the place against the crossing and,
  // having applied, hold for it.
  const world = (resettle: boolean) => edit(loadScenario(join(SCENARIOS, 'eu-turkey-deal.yaml')), resettle ? 'deal-resettles' : 'deal-without-resettlement', (x) => {
    x.agents.scale = 100;
    x.ticks = 36;
    if (!resettle) x.agreements[0].terms = x.agreements[0].terms.filter((t: { kind: string }) => t.kind !== 'resettlement');
  });
  const hosted = (r: RunResult) => ['inTransit', 'irregular', 'asylumPending', 'protected'].reduce((s, f) => s + over(r, 'countries', 'TUR', f, 35, 35), 0);
  it('resettles people staying in Turkey, no more than were readmitted, and fewer stay there', () => {
    const e = paired(world(false), world(true), {
      resettled: (r) => over(r, 'channelOrigins', 'eu-resettlement:SYR', 'admissions', 0, 35),
      applications: (r) => over(r, 'channelOrigins', 'eu-resettlement:SYR', 'applications', 0, 35),
      legal: (r) => over(r, 'countries', 'SYR', 'admittedLegally', 0, 35),
      hosted,
      crossings: (r) => over(r, 'legs', 'tur-grc', 'crossings', 15, 35),
      // Applicants who lost their application or place (crossed, went on, were returned or died); none apply without the term.
      lost: (r) => over(r, 'channels', 'eu-resettlement', 'gaveUp', 0, 35) / Math.max(1, over(r, 'channelOrigins', 'eu-resettlement:SYR', 'applications', 0, 35)),
    }, 6);
    const one = new Simulation(world(true)).runFor();
    const readmitted = over(one, 'countries', 'TUR', 'readmissionsReceived', 0, 35);
    console.log('resettlement term minus none:', e, '; one run: resettled', over(one, 'channelOrigins', 'eu-resettlement:SYR', 'admissions', 0, 35), 'readmitted to Turkey', readmitted);
    expect(e.resettled.low).toBeGreaterThan(0);
    expect(e.legal.low).toBeGreaterThan(0);
    expect(e.hosted.high).toBeLessThan(0);
    // Those who applied wait for the place rather than cross (their choice in transit weighs it), so most of those
    // resettled are crossings that do not happen, and few applicants lose their place. When they went on trying the
    // crossing while they waited: crossings -1,433 [-2,330, -536] against 7,833 resettled; lost 0.18 [0.14, 0.21].
    expect(-e.crossings.mean).toBeGreaterThan(0.5 * e.resettled.mean);
    expect(e.lost.high).toBeLessThan(0.14);
    // One for one, through the quota ledger: granted places never exceed the places the readmissions gave.
    expect(over(one, 'channelOrigins', 'eu-resettlement:SYR', 'admissions', 0, 35)).toBeLessThanOrEqual(readmitted);
  });
});
