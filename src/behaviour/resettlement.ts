import { Flag, Stage, State } from '../agents/states.js';
import type { RunState } from '../engine/run-state.js';
import type { World } from '../world/world.js';
import { arriveOnPermit } from './permits.js';
import { gapsAt, type RandomStream } from '../random/streams.js';
import { TransitChoice } from './transit-choice.js';

/** Granted a place, papers in processing until `due`. */
interface Granted {
  agent: number;
  channel: number;
  due: number;
}

/**
 * Resettlement from a transit country: a channel with `from` takes its
 * applicants among the people of its origins who stay in that country —
 * waiting at a leg's start there, or settled there (irregular, claiming
 * asylum or protected) — not at home. Each reconsiders as often as people at
 * home do and applies when the channel, worth its chance of a place against
 * those already waiting, beats staying as they are: the regular income in the
 * destination against what they earn where they stand (the legal-channel
 * utility of the choice at home). Those waiting at a leg's start weigh it
 * instead against the journey ahead (TransitChoice: going on, or settling
 * there), and whoever applies holds there for the place rather than try the
 * crossing, thinking again as often as others who wait do, with the place
 * among what they weigh (placeWorth). Whoever crosses, is returned or dies
 * loses the place. Places come from the
 * channel's quota (and the origin's inside it) as the quota ledger releases
 * them; the papers take the channel's processing months.
 */
export class Resettlement {
  private readonly channels: number[];
  /** Applicants waiting, per channel, in the order they applied. */
  private readonly waiting: number[][];
  /** The channel each applicant waits for or holds a place in, and when their papers are due (-1 while waiting for a place). */
  private readonly queued = new Map<number, { channel: number; due: number }>();
  private granted: Granted[] = [];
  /** One stream per channel, drawn on through the run. */
  private streams: RandomStream[] | undefined;
  /** chance[channel * countries + origin]: a place against those already waiting, as this tick's applicants saw it. */
  private readonly chance: Float64Array;
  private readonly transit: TransitChoice;

  constructor(world: World) {
    this.channels = world.channels.flatMap((c, ch) => (c.from >= 0 ? [ch] : []));
    this.waiting = world.channels.map(() => []);
    this.chance = new Float64Array(world.channels.length * world.countryCount);
    this.transit = new TransitChoice(world);
  }

  /**
   * What the place a person waits for (at its chance) or holds (sure, papers
   * in processing) is worth, on the scale of the choices at home and in
   * transit: the legal-channel utility of regular work in the destination
   * against home, less the months of papers still to come; -Infinity for
   * someone who has not applied.
   */
  placeWorth(run: RunState, i: number): number {
    const q = this.queued.get(i);
    if (q === undefined) return Number.NEGATIVE_INFINITY;
    const { store, world, clock, tick } = run;
    const o = store.origin[i];
    const s = store.skill[i];
    const home = run.prospects.homeIncome[o * 2 + s];
    if (q.due >= 0) return this.worth(run, q.channel, s, home, 1, ((q.due - tick) * 12) / clock.ticksPerYear);
    return this.worth(run, q.channel, s, home, this.chance[q.channel * world.countryCount + o], world.channels[q.channel].processingMonths);
  }

  /**
   * The legal-channel utility of a place in a channel at this chance with
   * these months of papers to come, against earning `against` a year.
   */
  private worth(run: RunState, ch: number, s: number, against: number, chance: number, months: number): number {
    const { params, prospects, world } = run;
    const income = prospects.regularIncome[world.channels[ch].destination * 2 + s] / against;
    return params.choiceLegalConstant + params.choiceIncome * Math.log(income) + Math.log(chance) - params.choiceTravelMonth * months;
  }

  /** Whether a person has applied (or holds a place) and so waits for it rather than cross. */
  holds(i: number): boolean {
    return this.queued.has(i);
  }

  /** A person who goes on after all leaves the queue, or the place. */
  withdraw(run: RunState, i: number): void {
    const q = this.queued.get(i);
    if (q === undefined) return;
    this.queued.delete(i);
    run.counters.channel.count.gaveUp[q.channel]++;
    if (q.due >= 0) this.granted = this.granted.filter((g) => g.agent !== i);
    const k = this.waiting[q.channel].indexOf(i);
    if (k >= 0) this.waiting[q.channel].splice(k, 1);
  }

  /** Markets phase, after the quota ledger: places to those still waiting, then this tick's applications. */
  allocate(run: RunState): void {
    const { store, clock, tick, counters, world } = run;
    for (const ch of this.channels) {
      const processing = clock.monthsToTicks(world.channels[ch].processingMonths);
      const still: number[] = [];
      for (const i of this.waiting[ch]) {
        if (!this.stays(run, i, ch)) {
          this.queued.delete(i);
          counters.channel.count.gaveUp[ch]++;
        } else if (run.quotas.take(run, ch, store.origin[i])) {
          this.granted.push({ agent: i, channel: ch, due: tick + processing });
          this.queued.set(i, { channel: ch, due: tick + processing });
        } else still.push(i);
      }
      this.waiting[ch] = still;
    }
    this.apply(run);
  }

  /** Movement phase: those whose papers are processed travel to the destination, if they are still there to go. */
  arrive(run: RunState): void {
    const { store, world, tick, counters } = run;
    const later: Granted[] = [];
    for (const g of this.granted) {
      if (g.due > tick) {
        later.push(g);
        continue;
      }
      const i = g.agent;
      this.queued.delete(i);
      if (!this.stays(run, i, g.channel)) {
        counters.channel.count.gaveUp[g.channel]++;
        continue;
      }
      if (store.state[i] === State.InTransit) counters.route.count.gaveUp[store.option[i]]++;
      arriveOnPermit(run, i, g.channel);
      store.flags[i] &= ~(Flag.ReturnOrder | Flag.Redecide);
      store.triesLeft[i] = 0;
      store.option[i] = g.channel;
      store.destination[i] = world.channels[g.channel].destination;
    }
    this.granted = later;
  }

  /** Whether a person is still where the channel takes applicants: waiting at a leg's start there, or settled there. */
  private stays(run: RunState, i: number, ch: number): boolean {
    const { store, world } = run;
    const s = store.state[i];
    const waiting = s === State.InTransit && store.stage[i] === Stage.AtLegStart;
    const settled = s === State.Irregular || s === State.AsylumPending || s === State.Protected;
    return (waiting || settled) && world.places[store.location[i]].country === world.channels[ch].from;
  }

  /**
   * Those of the channel's origins and skills staying in its `from` country
   * who reconsider this tick weigh applying; one draw each, whatever happens.
   */
  private apply(run: RunState): void {
    const { store, world, params, clock, prospects, counters } = run;
    const gap = gapsAt(clock.perTick(params.reconsiderPerYear));
    this.streams ??= run.streams.family('resettlement', world.channels.map((c) => c.id));
    const streams = this.streams;
    for (const ch of this.channels) {
      const c = world.channels[ch];
      const rng = streams[ch];
      const chance = world.countryIds.map((_, o) => Math.min(1, run.quotas.placesInSight(run, ch, o) / Math.max(1, this.waiting[ch].length)));
      chance.forEach((v, o) => (this.chance[ch * world.countryCount + o] = v));
      // Who reconsiders is sampled by geometric gaps over those away from home, as at home: the cost grows with those sampled.
      for (let k = gap(rng); k < store.activeCount; k += 1 + gap(rng)) {
        const i = store.active[k];
        const o = store.origin[i];
        const s = store.skill[i];
        const draw = rng.uniform();
        if (!c.resettledOrigin[o] || !c.eligibleSkill[s] || chance[o] <= 0 || this.queued.has(i) || !this.stays(run, i, ch)) continue;
        const here = world.places[store.location[i]].country;
        // Waiting at the coast: the place against the journey ahead, on the scale of the choice in transit; settled there: against what they earn.
        const utility = store.state[i] === State.InTransit
          ? this.worth(run, ch, s, prospects.homeIncome[o * 2 + s], chance[o], c.processingMonths) - this.transit.awayValue(run, i)
          : this.worth(run, ch, s, Math.max(1, (store.state[i] === State.Protected ? prospects.regularIncome : prospects.irregularIncome)[here * 2 + s]), chance[o], c.processingMonths);
        if (draw * (1 + Math.exp(-utility)) >= 1) continue;
        this.waiting[ch].push(i);
        this.queued.set(i, { channel: ch, due: -1 });
        counters.channel.count.applications[ch]++;
        counters.channelOrigin.count.applications[ch * world.countryCount + o]++;
      }
    }
  }
}
