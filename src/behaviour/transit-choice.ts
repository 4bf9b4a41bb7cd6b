import { NONE } from '../agents/store.js';
import type { RunState } from '../engine/run-state.js';
import type { World } from '../world/world.js';
import { MAX_INTERCEPTION } from './smuggling.js';

/** A way on from where one stands: a route, from its k-th leg. */
export interface WayOn {
  route: number;
  leg: number;
}

/** What a person in transit chose: a way on (possibly the one they are on), settling where they are, or home. */
export type TransitDecision = WayOn | 'settle' | 'home';

/**
 * A person in transit weighs the journey again, with what they now see (the
 * prospects of this tick): going on along their route, switching to any
 * other route through where they stand, settling without papers in the
 * transit country, or going home. A way on is valued like a route at home,
 * from where they stand: what has been paid is sunk, and tries left in a
 * smuggling package make going on cheaper. Plain logit, one draw.
 */
export class TransitChoice {
  /** waysFrom[place]: every route and leg starting there. */
  private readonly waysFrom: WayOn[][];
  private readonly utilities: Float64Array;

  constructor(world: World) {
    this.waysFrom = world.places.map(() => []);
    world.routes.forEach((r, route) => r.legs.forEach((l, leg) => this.waysFrom[world.legs[l].from].push({ route, leg })));
    this.utilities = new Float64Array(this.waysFrom.reduce((m, w) => Math.max(m, w.length), 0) + 2);
  }

  choose(run: RunState, i: number, draw: number): TransitDecision {
    const { store, world, params, prospects, smuggling, returns, homeSavings } = run;
    const o = store.origin[i];
    const s = store.skill[i];
    const p = store.location[i];
    const here = world.places[p].country;
    const home = prospects.homeIncome[o * 2 + s];
    const hasTie = store.tie[i] !== NONE;
    const means = Math.max(1, homeSavings.effective(store, i) + (home / 12) * (hasTie ? params.creditMonthsWithTie : params.creditMonths));
    const ways = this.waysFrom[p];
    const u = this.utilities;
    for (let k = 0; k < ways.length; k++) {
      const { route, leg } = ways[k];
      const r = world.routes[route];
      const t = prospects.routeAhead[route][leg];
      let cost = t.expectedCost;
      if (route === store.option[i] && leg === store.legIndex[i] && store.triesLeft[i] > 0) {
        // Tries already paid for: only if they all fail is the leg paid again.
        const l = r.legs[leg];
        const x = Math.min(smuggling.expectedInterception(l, params), MAX_INTERCEPTION);
        cost -= (1 - Math.pow(x, store.triesLeft[i])) * smuggling.expectedOutlay(l, smuggling.price[l], x);
      }
      u[k] = prospects.routeGain(run, route, o, s, leg) - params.choiceCost * (cost / means)
        - params.choiceDeath * t.deathRisk * (1 - store.riskTolerance[i]) + (store.tie[i] === r.destination ? params.choiceNetwork : 0);
    }
    const settle = ways.length;
    u[settle] = here === o ? Number.NEGATIVE_INFINITY
      : params.transitSettleConstant + params.choiceIncome * Math.log(prospects.irregularIncome[here * 2 + s] / home) * returns.stayShare(run, here, o, -1, 0);
    u[settle + 1] = prospects.stayUtility[o];
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k <= settle + 1; k++) if (u[k] > max) max = u[k];
    let total = 0;
    for (let k = 0; k <= settle + 1; k++) total += Math.exp(u[k] - max);
    let left = draw * total;
    for (let k = 0; k < settle; k++) {
      left -= Math.exp(u[k] - max);
      if (left < 0) return ways[k];
    }
    left -= Math.exp(u[settle] - max);
    return left < 0 ? 'settle' : 'home';
  }
}
