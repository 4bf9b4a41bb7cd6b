import type { Clock } from '../engine/clock.js';
import type { RunState } from '../engine/run-state.js';
import { MAX_INTERCEPTION, type SmugglingMarket } from './smuggling.js';
import type { ReturnRisk } from './return-risk.js';
import { claimOutlook, routeStayValue } from './asylum-stay.js';
import type { World } from '../world/world.js';
import type { BehaviourParameters } from './parameters.js';

/** One way to leave, as seen from a home place by people of one skill. */
export interface MoveOption {
  kind: 'channel' | 'route';
  /** Channel or route index. */
  index: number;
  destination: number;
  /** Utility before the person's own means, risk tolerance and ties. */
  utility: number;
  /** Money needed up front: the fee, or the first attempt at every leg. */
  upfrontCost: number;
  /** Money expected to be spent, counting repeated attempts after interceptions. */
  expectedCost: number;
  /** Probability of dying on the way. */
  deathRisk: number;
  expectedIncome: number;
}

/**
 * What moving looks like this tick from each home place, by skill: the
 * options, their utilities and the aspiration they feed. Computed once a tick
 * from the world's attributes, so every person's decision reads the same
 * start-of-phase state.
 */
export class Prospects {
  /** Annual income at home, homeIncome[country * 2 + skill]. */
  readonly homeIncome: Float64Array;
  readonly regularIncome: Float64Array;
  readonly irregularIncome: Float64Array;
  /** aspiration[place * 2 + skill]: log-odds before age and ties. */
  readonly aspiration: Float64Array;
  /** options[place * 2 + skill] */
  readonly options: MoveOption[][];
  /** Utility of staying, by country. */
  readonly stayUtility: Float64Array;
  /** routeAhead[route][k]: costs and risks of a route from its k-th leg on, as one standing there would reckon them. */
  routeAhead: RouteRisk[][] = [];

  constructor(private readonly world: World) {
    const n = world.countryCount;
    this.homeIncome = new Float64Array(n * 2);
    this.regularIncome = new Float64Array(n * 2);
    this.irregularIncome = new Float64Array(n * 2);
    this.stayUtility = new Float64Array(n);
    this.aspiration = new Float64Array(world.places.length * 2);
    this.options = Array.from({ length: world.places.length * 2 }, () => []);
  }

  update(run: RunState): void {
    const { params, clock, labour, smuggling, recruitment } = run;
    const w = this.world;
    const c = w.country.values;
    const n = w.countryCount;
    for (let k = 0; k < n; k++) {
      for (let s = 0; s < 2; s++) {
        const wage = s === 0 ? c.wageLow[k] : c.wageHigh[k];
        this.homeIncome[k * 2 + s] = wage * (1 - c.unemployment[k]);
        this.regularIncome[k * 2 + s] = wage * labour.employment[(k * 2 + s) * 2];
        this.irregularIncome[k * 2 + s] = wage * params.irregularWageShare * labour.employment[(k * 2 + s) * 2 + 1];
      }
      this.stayUtility[k] = params.choiceStayConflict * c.conflict[k];
    }
    this.routeAhead = w.routes.map((r) => r.legs.map((_, k) => routeRisk(w, smuggling, run.returns, r.legs, k, params, clock)));

    for (let p = 0; p < w.places.length; p++) {
      const o = w.places[p].country;
      for (let s = 0; s < 2; s++) {
        const home = this.homeIncome[o * 2 + s];
        const options: MoveOption[] = [];
        for (let ci = 0; ci < w.channels.length; ci++) {
          const ch = w.channels[ci];
          if (!ch.eligibleOrigin[o] || !ch.eligibleSkill[s] || ch.destination === o) continue;
          const income = this.regularIncome[ch.destination * 2 + s];
          const fee = w.channel.values.fee[ci];
          // Recruiters lend their fee, so only the channel's own fee must be paid up front.
          const recruiterFee = ch.recruited ? recruitment.advertisedFee(o, params) : 0;
          options.push({
            kind: 'channel', index: ci, destination: ch.destination, expectedIncome: income, upfrontCost: fee, expectedCost: fee + recruiterFee, deathRisk: 0,
            utility: params.choiceLegalConstant + params.choiceIncome * Math.log(income / home) - params.choiceTravelMonth * ch.processingMonths,
          });
        }
        for (const ri of w.routesFrom[p]) {
          const r = w.routes[ri];
          const income = this.routeIncome(ri, o, s);
          const t = this.routeAhead[ri][0];
          options.push({
            kind: 'route', index: ri, destination: r.destination, expectedIncome: income, upfrontCost: t.upfrontCost, expectedCost: t.expectedCost, deathRisk: t.deathRisk,
            utility: params.choiceIrregularConstant + this.routeGain(run, ri, o, s),
          });
        }
        this.options[p * 2 + s] = options;
        const best = options.reduce((m, opt) => Math.max(m, opt.expectedIncome), home);
        this.aspiration[p * 2 + s] = params.aspirationBase
          + params.aspirationIncomeGap * Math.log(best / home)
          + params.aspirationUnemployment * c.unemployment[o]
          + params.aspirationConflict * c.conflict[o]
          + params.aspirationClimate * c.climateStress[o];
      }
    }
  }

  /** Expected income at a route's end for an origin and skill: protected (regular work) or not. */
  routeIncome(route: number, o: number, s: number): number {
    return this.incomeIn(this.world.routes[route].destination, o, s);
  }

  /** Expected income in country d for an origin and skill: protected (regular work) or not. */
  incomeIn(d: number, o: number, s: number): number {
    const rec = this.world.recognitionRate(d, o);
    return rec * this.regularIncome[d * 2 + s] + (1 - rec) * this.irregularIncome[d * 2 + s];
  }

  /** Annual income of an asylum claimant in d while the claim is pending: the reception support, or irregular work where none is given. */
  pendingIncome(d: number, s: number): number {
    const reception = this.world.country.values.asylumReceptionPerYear[d];
    return reception > 0 ? reception : this.irregularIncome[d * 2 + s];
  }

  /** Share of those of origin o and skill s settling in d (not by a route) who claim asylum and are protected. */
  protectedShare(run: RunState, d: number, o: number, s: number): number {
    return this.world.recognitionRate(d, o) * claimOutlook(run, d, o, s, -1).chance;
  }

  /**
   * Utility of the journey ahead on a route from its k-th leg, before the
   * person's means, risk tolerance and ties: the income gain over the stay
   * one expects, pending claim, protection or removal (routeStayValue), less
   * interception and time. (Cost and death risk depend on the person.)
   */
  routeGain(run: RunState, route: number, o: number, s: number, k = 0): number {
    const { params } = run;
    const t = this.routeAhead[route][k];
    return params.choiceIncome * routeStayValue(run, route, o, s)
      - params.choiceInterception * t.interceptionRisk - params.choiceTravelMonth * t.months;
  }
}

export interface RouteRisk {
  upfrontCost: number;
  expectedCost: number;
  deathRisk: number;
  interceptionRisk: number;
  months: number;
}

/**
 * Risks and costs of a route's legs from its k-th on, as a migrant would
 * reckon them from current conditions: smugglers' prices and contracts, the
 * mix of boats they run, legs that can be paid for later, and the chance of
 * being sent back over a leg with a readmission arrangement while waiting to
 * go on from where it ends (then that leg must be paid again).
 */
function routeRisk(w: World, market: SmugglingMarket, returns: ReturnRisk, route: number[], k: number, params: BehaviourParameters, clock: Clock): RouteRisk {
  let upfrontCost = 0, expectedCost = 0, survive = 1, pass = 1, months = k === 0 ? params.arrangeMonths : 0;
  for (let q = k; q < route.length; q++) {
    const l = route[q];
    const intercept = Math.min(market.expectedInterception(l, params), MAX_INTERCEPTION);
    const attempts = 1 / (1 - intercept);
    const price = market.price[l];
    if (!w.legs[l].smuggling?.payLater) upfrontCost += price;
    expectedCost += market.expectedOutlay(l, price, intercept);
    survive *= Math.pow(1 - market.expectedMortality(l, params), attempts);
    pass *= 1 - intercept;
    const before = q > 0 ? route[q - 1] : -1;
    if (before >= 0 && w.leg.values.readmissionCapacityPerYear[before] > 0) {
      // Waiting here (a try a tick) under the arrangement: sent back with this chance.
      const sentBack = 1 - Math.pow(1 - returns.readmissionChance[before], attempts);
      const x = Math.min(market.expectedInterception(before, params), MAX_INTERCEPTION);
      expectedCost += sentBack * market.expectedOutlay(before, market.price[before], x);
      pass *= 1 - sentBack;
    }
    months += (clock.daysToTicks(w.legs[l].durationDays) * 12) / clock.ticksPerYear * attempts;
  }
  return { upfrontCost, expectedCost, deathRisk: 1 - survive, interceptionRisk: 1 - pass, months };
}
