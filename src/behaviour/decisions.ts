import { Flag, Stage, State } from '../agents/states.js';
import { NONE } from '../agents/store.js';
import type { RunState } from '../engine/run-state.js';
import type { BehaviourParameters } from './parameters.js';
import { NestedLogit, routeGroups } from './nested-logit.js';
import { needsSponsor } from './family-reunification.js';
import { gapsAt } from '../random/streams.js';

/** Added log-odds of aspiring, by age band: the young move most (Rogers-Castro age schedule). */
export function ageAspiration(params: BehaviourParameters): Float64Array {
  return Float64Array.from({ length: 4 }, (_, band) => ageAspirationOf(params, band));
}

/** The same for one age band, without building the table (for a decision taken one person at a time). */
export function ageAspirationOf(params: BehaviourParameters, band: number): number {
  return band === 0 ? params.aspirationChild : band === 1 ? params.aspirationYoung : band === 2 ? 0 : params.aspirationOld;
}

/**
 * Decisions phase: a share of the people at home (and returnees) reconsider.
 * Aspiration first (income gap, unemployment, conflict, climate, ties, age);
 * then capability (savings plus credit must cover an option's up-front cost);
 * then a nested logit choice between staying and moving, and among the ways to
 * move: each eligible legal channel with quota left this year (as it stood
 * at the start of the phase), worth as much as the chance of a place against
 * the queue, and each irregular route from the home place. Because
 * the ways to move are closer substitutes for one another than for staying,
 * and the routes into one destination closer still (NestedLogit), closing one
 * sends many of those who would have taken it to the others.
 * Applicants waiting in a quota queue are sampled too: they weigh staying in
 * it, worth their chance of a place now, against every other way and against
 * staying home, so a cut quota deflects some to irregular routes.
 *
 * Who reconsiders is sampled by geometric gaps over each place's people (at
 * home or not), so the cost of a tick grows with the number sampled, not with
 * the population; each place draws from its own stream, and every person
 * sampled takes the same three draws whatever happens, so the same people
 * reconsider with the same numbers in a baseline and its variant (common
 * random numbers) unless their own circumstances differ.
 */
export function decide(run: RunState): void {
  const { store, params, clock, world } = run;
  run.prospects.update(run);
  const gap = gapsAt(clock.perTick(params.reconsiderPerYear));
  const chooser = new Chooser(run);
  const streams = run.streams.family('decisions', world.places.map((p) => p.id));
  const state = store.state;
  const draws = chooser.draws;
  for (let p = 0; p < world.places.length; p++) {
    const rng = streams[p];
    const end = store.placeStart[p + 1];
    for (let i = store.placeStart[p] + gap(rng); i < end; i += 1 + gap(rng)) {
      rng.uniforms(draws, 3);
      if (state[i] === State.Home || state[i] === State.Returned) chooser.reconsider(i);
      else if (state[i] === State.Preparing && store.stage[i] === Stage.Queued) chooser.choose(i, store.option[i]);
    }
  }
}

/** Above 1 by more than rounding: a draw that times (1 + exp(stay - a bound on moving's value)) reaches it stays for sure. */
const STAYING = 1 + 1e-9;

/** Income boost of a returnee still in a reintegration programme (0 for anyone else). */
export function reintegrationBoost(run: RunState, i: number): number {
  const { store } = run;
  if (store.state[i] !== State.Returned || !(store.flags[i] & Flag.Reintegrated) || store.timer[i] <= run.tick) return 0;
  return run.world.country.values.reintegrationIncomeBoost[store.origin[i]];
}

/** One person's decision, from the prospects and quota places as they stood at the start of the phase. */
class Chooser {
  private readonly age: Float64Array;
  private readonly nest: NestedLogit;
  /** By home place * 2 + skill: each option's group in the nest (routes by destination), worked out when first needed. */
  private readonly groups: (Int32Array | undefined)[];
  /** The sampled person's three draws (aspire, move, option): a typed array, so passing them boxes no number. */
  readonly draws = new Float64Array(3);
  /**
   * 1 + exp(-logit) of aspiring, by (home place * 2 + skill) * 8 + age band * 2 + tie: for all
   * but a supported returnee aspiration depends on nothing else, so it is tabled once a tick.
   */
  private readonly aspireOdds: Float64Array;
  /** By channel * countries + origin: no place left (1), and the log of the chance of one; per tick, not per person. */
  private readonly noPlace: Uint8Array;
  private readonly logChance: Float64Array;
  /** By channel: 1 for family reunification, open only to those with a tie (a sponsor) in its destination. */
  private readonly sponsored: Uint8Array;
  /**
   * By home place * 2 + skill: exp(stay - ceiling), the ceiling being the
   * most any option could be worth to anyone before their costs, risk, tie
   * and support, plus λ ln(options): the value of moving is at most that.
   * Worked out when first needed (NaN until then).
   */
  private readonly stayOverCeiling: Float64Array;
  /** exp(-choiceNetwork): a tie raises the ceiling by the network's weight. */
  private readonly tieFactor: number;

  constructor(private readonly run: RunState) {
    this.age = ageAspiration(run.params);
    const placesLeft = run.world.channels.map((_, ch) => run.quotas.placesLeft(run, ch));
    const placeChance = run.world.channels.map((_, ch) => run.quotas.placeChance(run, ch));
    const pairs = run.world.channels.flatMap((_, ch) => run.world.countryIds.map((_, o) => [ch, o]));
    // The per-origin quota's places and chance where one is set.
    const originPlacesLeft = pairs.map(([ch, o]) => run.quotas.originPlacesLeft(run, ch, o));
    const originPlaceChance = pairs.map(([ch, o]) => run.quotas.originPlaceChance(run, ch, o));
    this.nest = new NestedLogit(run.prospects.options.reduce((m, o) => Math.max(m, o.length), 1));
    this.groups = run.prospects.options.map(() => undefined);
    this.noPlace = Uint8Array.from(pairs, ([ch], k) => (placesLeft[ch] < 1 || originPlacesLeft[k] < 1 ? 1 : 0));
    this.logChance = Float64Array.from(pairs, ([ch], k) => Math.log(Math.min(placeChance[ch], originPlaceChance[k])));
    this.sponsored = Uint8Array.from(run.world.channels, (_, ch) => (needsSponsor(run.world, ch) ? 1 : 0));
    this.stayOverCeiling = new Float64Array(run.prospects.options.length).fill(Number.NaN);
    this.tieFactor = Math.exp(-run.params.choiceNetwork);
    const aspiration = run.prospects.aspiration;
    this.aspireOdds = new Float64Array(aspiration.length * 8);
    for (let key = 0; key < aspiration.length; key++) {
      for (let band = 0; band < 4; band++) {
        for (let tie = 0; tie < 2; tie++) this.aspireOdds[key * 8 + band * 2 + tie] = 1 + Math.exp(-(aspiration[key] + this.age[band] + (tie ? run.params.aspirationNetwork : 0)));
      }
    }
  }

  private groupsOf(key: number): Int32Array {
    const found = this.groups[key];
    if (found) return found;
    const options = this.run.prospects.options[key];
    const made = routeGroups(options.map((o) => (o.kind === 'route' ? o.destination : -1)));
    this.groups[key] = made;
    return made;
  }

  /** Costs and the risk of death only lower an option's worth (every weight is at least 0), so they are left out. */
  private stayOverCeilingOf(key: number, origin: number): number {
    if (!Number.isNaN(this.stayOverCeiling[key])) return this.stayOverCeiling[key];
    const options = this.run.prospects.options[key];
    const { params, world, prospects } = this.run;
    let best = Number.NEGATIVE_INFINITY;
    for (const opt of options) best = Math.max(best, opt.utility + (opt.kind === 'channel' ? this.logChance[opt.index * world.countryCount + origin] : 0));
    this.stayOverCeiling[key] = Math.exp(prospects.stayUtility[origin] - best - params.choiceNestSimilarity * Math.log(options.length));
    return this.stayOverCeiling[key];
  }

  reconsider(i: number): void {
    const { store, prospects, params } = this.run;
    // Options and aspiration are kept by home place and skill.
    const key = store.home[i] * 2 + store.skill[i];
    if (prospects.options[key].length === 0) return;
    const tie = store.tie[i] !== NONE;
    // A supported returnee earns more at home, which narrows every income gap.
    const boost = reintegrationBoost(this.run, i);
    const odds = boost === 0 ? this.aspireOdds[key * 8 + store.ageBand[i] * 2 + (tie ? 1 : 0)]
      : 1 + Math.exp(-(prospects.aspiration[key] + this.age[store.ageBand[i]] + (tie ? params.aspirationNetwork : 0) - params.aspirationIncomeGap * Math.log(1 + boost)));
    if (this.draws[0] * odds >= 1) return;
    // They stay if draw (1 + exp(stay - value of moving)) >= 1 (see choose). That value is at most
    // the ceiling, so most who aspire are settled by it whatever their means.
    const aboveCeiling = this.stayOverCeilingOf(key, store.origin[i]) * (tie ? this.tieFactor : 1) * (boost === 0 ? 1 : (1 + boost) ** params.choiceIncome);
    if (this.draws[1] * (1 + aboveCeiling) >= STAYING) return;
    this.choose(i, NONE);
  }

  /**
   * The choice of one who aspires to move, or (queuedFor: a channel) of an
   * applicant reconsidering in its queue, for whom that channel is open
   * whatever the places left and worth their chance of one.
   */
  choose(i: number, queuedFor: number): void {
    const { store, prospects, params, clock, tick, quotas, counters, homeSavings } = this.run;
    const key = store.home[i] * 2 + store.skill[i];
    const options = prospects.options[key];
    if (options.length === 0) return;
    const hasTie = store.tie[i] !== NONE;
    const origin = store.origin[i];
    const boost = reintegrationBoost(this.run, i);
    const supported = boost === 0 ? 0 : Math.log(1 + boost);
    const stay = prospects.stayUtility[origin];
    const monthly = prospects.homeIncome[origin * 2 + store.skill[i]] / 12;
    const means = homeSavings.effective(store, i) + monthly * (hasTie ? params.creditMonthsWithTie : params.creditMonths);
    const nest = this.nest;
    nest.group.set(this.groupsOf(key));
    for (let k = 0; k < options.length; k++) {
      const opt = options[k];
      const pair = opt.index * this.run.world.countryCount + origin;
      const queued = opt.kind === 'channel' && opt.index === queuedFor;
      const noPlace = opt.kind === 'channel' && this.noPlace[pair] === 1;
      const unsponsored = opt.kind === 'channel' && this.sponsored[opt.index] === 1 && store.tie[i] !== opt.destination;
      if ((opt.upfrontCost > means && !queued) || (noPlace && !queued) || unsponsored) {
        nest.utility[k] = Number.NEGATIVE_INFINITY;
        continue;
      }
      // A legal channel is worth only as much as the chance of getting a place.
      const chance = opt.kind === 'channel' ? this.logChance[pair] : 0;
      nest.utility[k] = opt.utility + chance - params.choiceIncome * supported
        - params.choiceCost * (opt.expectedCost / Math.max(means, 1))
        - params.choiceDeath * opt.deathRisk * (1 - store.riskTolerance[i])
        + (store.tie[i] === opt.destination ? params.choiceNetwork : 0);
    }
    const lambda = params.choiceNestSimilarity;
    const bound = nest.atMost(options.length, lambda);
    if (bound === Number.NEGATIVE_INFINITY) return; // nothing affordable
    const settled = this.draws[1] * (1 + Math.exp(stay - bound)) >= STAYING;
    if (settled || this.draws[1] * (1 + Math.exp(stay - nest.inclusiveValue(options.length, lambda, lambda * params.choiceRouteSimilarity))) >= 1) {
      if (queuedFor !== NONE) {
        // Gives up the application and stays home.
        counters.channel.count.gaveUp[queuedFor]++;
        store.move(i, State.Home, tick);
        homeSavings.arrive(store, i);
      }
      return;
    }
    // The draw that made them go is their taste for going, logistic in utility (moving won: it exceeds stay - moveUtility); it goes with them.
    store.moveTaste[i] = Math.log((1 - this.draws[1]) / this.draws[1]);
    const chosen = nest.pick(this.draws[2]);
    const opt = options[chosen];
    if (queuedFor !== NONE) {
      if (opt.kind === 'channel' && opt.index === queuedFor) return; // keeps their place in the queue
      counters.channel.count.switchedAway[queuedFor]++;
    }
    if (store.state[i] === State.Home) {
      homeSavings.leave(store, i);
      store.active[store.activeCount++] = i;
    }
    store.move(i, State.Preparing, tick);
    store.option[i] = opt.index;
    store.destination[i] = opt.destination;
    if (opt.kind === 'channel') {
      store.stage[i] = Stage.Queued;
      quotas.apply(opt.index, i);
      counters.channel.count.applications[opt.index]++;
      counters.channelOrigin.count.applications[opt.index * this.run.world.countryCount + origin]++;
    } else {
      store.stage[i] = Stage.Arranging;
      store.timer[i] = tick + Math.round((params.arrangeMonths * clock.ticksPerYear) / 12);
    }
  }
}
