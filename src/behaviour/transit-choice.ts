import { NONE } from '../agents/store.js';
import type { RunState } from '../engine/run-state.js';
import type { World } from '../world/world.js';
import { MAX_INTERCEPTION } from './smuggling.js';
import { NestedLogit, routeGroups } from './nested-logit.js';

/** A way on from where one stands: a route, from its k-th leg. */
export interface WayOn {
  route: number;
  leg: number;
}

/** What a person in transit chose: a way on (possibly the one they are on), settling where they are, waiting for a resettlement place they applied for, or home. */
export type TransitDecision = WayOn | 'settle' | 'wait' | 'home';

/**
 * A person in transit weighs the journey again, with what they now see (the
 * prospects of this tick): going on along their route, switching to any
 * other way on from where they stand, settling in the transit country
 * (claiming the protection it gives, if any), waiting there for a
 * resettlement place they applied for (Resettlement.placeWorth), or going
 * home. A way on is valued like a route at home,
 * from where they stand: what has been paid is sunk, and tries left in a
 * smuggling package make going on cheaper. The ways on are chosen in the same
 * nest as at home (NestedLogit: ways into one country closer substitutes
 * still), and going on against settling with one draw.
 *
 * Whether to go home is weighed with the person's own taste for going, the
 * one that made them leave (store.moveTaste), not a fresh one: a failure
 * that tells them nothing new does not turn them back, while a journey that
 * has become dearer, riskier or unaffordable since they left does, for those
 * whose taste for it was weakest. Apprehended Mexicans tried again until
 * they got in, nearly all of them (Massey & Singer 1995: about 0.35 caught a
 * try, yet nearly all who try eventually enter; Massey, Durand & Malone 2002;
 * Cornelius & Salehyan 2007); a fresh draw at each failure would send home
 * a share as large as stays home of those who weigh going.
 */
export class TransitChoice {
  /** waysFrom[place]: the distinct ways on from there, each the routes (and leg) with the same legs ahead. */
  private readonly waysFrom: WayOn[][][];
  /** groupsFrom[place]: each way's group in the nest (by destination). */
  private readonly groupsFrom: Int32Array[];
  private readonly nest: NestedLogit;
  /** The last person weighed: utility of going on and of settling where they stand (weighJourney). */
  private goOn = 0;
  private settle = 0;

  constructor(world: World) {
    this.waysFrom = world.places.map(() => []);
    world.routes.forEach((r, route) => r.legs.forEach((_, leg) => {
      const ahead = r.legs.slice(leg).join(' ');
      const ways = this.waysFrom[world.legs[r.legs[leg]].from];
      const same = ways.find((w) => world.routes[w[0].route].legs.slice(w[0].leg).join(' ') === ahead);
      if (same) same.push({ route, leg });
      else ways.push([{ route, leg }]);
    }));
    this.groupsFrom = this.waysFrom.map((ways) => routeGroups(ways.map((w) => world.routes[w[0].route].destination)));
    this.nest = new NestedLogit(this.waysFrom.reduce((m, w) => Math.max(m, w.length), 1));
  }

  /** Whether more than one way on leads from a place: where a route can be chosen again. */
  isJunction(place: number): boolean {
    return this.waysFrom[place].length > 1;
  }

  /** On reaching a hub: only which way on (giving up is weighed on a failure or while waiting). */
  chooseWay(run: RunState, i: number, draw: number): WayOn {
    this.valueWaysOn(run, i);
    return this.own(run.store.option[i], run.store.legIndex[i], this.waysFrom[run.store.location[i]][this.nest.pick(draw)]);
  }

  choose(run: RunState, i: number, draw: number): TransitDecision {
    const { store, prospects } = run;
    const place = run.resettlement?.placeWorth(run, i) ?? Number.NEGATIVE_INFINITY;
    const away = logAdd(this.awayValue(run, i), place);
    if (away === Number.NEGATIVE_INFINITY) return 'home';
    // The taste that made them leave is still theirs: they go home only if what is left of the journey no longer outweighs home for them.
    if (away + store.moveTaste[i] < prospects.stayUtility[store.origin[i]]) return 'home';
    const { goOn, settle } = this;
    const on = place === Number.NEGATIVE_INFINITY ? 1 / (1 + Math.exp(settle - goOn)) : Math.exp(goOn - away);
    // The part of the draw that chose to go on is itself uniform: it picks the way.
    if (draw < on) return this.own(store.option[i], store.legIndex[i], this.waysFrom[store.location[i]][this.nest.pick(draw / on)]);
    return place === Number.NEGATIVE_INFINITY || draw < on + Math.exp(settle - away) ? 'settle' : 'wait';
  }

  /** The inclusive value of what lies ahead without a resettlement place: going on, or settling where one stands. */
  awayValue(run: RunState, i: number): number {
    this.weighJourney(run, i);
    return logAdd(this.goOn, this.settle);
  }

  /** Utilities of going on (the ways' inclusive value) and of settling where one stands, against home, into goOn and settle. */
  private weighJourney(run: RunState, i: number): void {
    const { store, world, params, prospects, returns } = run;
    const o = store.origin[i];
    const s = store.skill[i];
    const here = world.places[store.location[i]].country;
    const home = prospects.homeIncome[o * 2 + s];
    // Going on and settling are both irregular against home, as the route was when they left.
    this.goOn = this.valueWaysOn(run, i) + params.choiceIrregularConstant;
    this.settle = here === o ? Number.NEGATIVE_INFINITY
      // Settling is worth what one would earn there with the protection one can claim (Syrians in Turkey: temporary protection).
      : params.choiceIrregularConstant + params.transitSettleConstant
        + params.choiceIncome * Math.log(prospects.incomeIn(here, o, s) / home) * returns.stayShare(run, here, o, -1, prospects.protectedShare(run, here, o, s));
  }

  /** Values every way on from where the person stands; returns their inclusive value. */
  private valueWaysOn(run: RunState, i: number): number {
    const { store, world, params, prospects, smuggling, homeSavings } = run;
    const o = store.origin[i];
    const s = store.skill[i];
    const p = store.location[i];
    const home = prospects.homeIncome[o * 2 + s];
    const hasTie = store.tie[i] !== NONE;
    const means = Math.max(1, homeSavings.effective(store, i) + (home / 12) * (hasTie ? params.creditMonthsWithTie : params.creditMonths));
    const ways = this.waysFrom[p];
    const nest = this.nest;
    nest.group.set(this.groupsFrom[p]);
    for (let k = 0; k < ways.length; k++) {
      const { route, leg } = this.own(store.option[i], store.legIndex[i], ways[k]);
      const r = world.routes[route];
      const t = prospects.routeAhead[route][leg];
      let cost = t.expectedCost;
      if (route === store.option[i] && leg === store.legIndex[i] && store.triesLeft[i] > 0) {
        // Tries already paid for: only if they all fail is the leg paid again.
        const l = r.legs[leg];
        const x = Math.min(smuggling.expectedInterception(l, params), MAX_INTERCEPTION);
        cost -= (1 - Math.pow(x, store.triesLeft[i])) * smuggling.expectedOutlay(l, smuggling.price[l], x);
      }
      nest.utility[k] = prospects.routeGain(run, route, o, s, leg) - params.choiceCost * (cost / means)
        - params.choiceDeath * t.deathRisk * (1 - store.riskTolerance[i]) + (store.tie[i] === r.destination ? params.choiceNetwork : 0);
    }
    return nest.inclusiveValue(ways.length, params.choiceNestSimilarity, params.choiceNestSimilarity * params.choiceRouteSimilarity);
  }

  /** Of routes with the same legs ahead, the person's own if it is one of them. */
  private own(route: number, leg: number, way: WayOn[]): WayOn {
    return way.find((w) => w.route === route && w.leg === leg) ?? way[0];
  }
}

/** log(e^a + e^b), exactly a when b is -Infinity. */
function logAdd(a: number, b: number): number {
  const max = Math.max(a, b);
  return max === Number.NEGATIVE_INFINITY ? max : max + Math.log(Math.exp(a - max) + Math.exp(b - max));
}
