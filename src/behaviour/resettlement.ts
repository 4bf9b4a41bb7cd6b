import { Flag, Stage, State } from '../agents/states.js';
import type { RunState } from '../engine/run-state.js';
import type { World } from '../world/world.js';
import { arriveOnPermit } from './permits.js';
import { gapsAt, type RandomStream } from '../random/streams.js';

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
 * utility of the choice at home). While they wait they go on as before: whoever
 * crosses, is returned or dies loses the place. Places come from the
 * channel's quota (and the origin's inside it) as the quota ledger releases
 * them; the papers take the channel's processing months.
 */
export class Resettlement {
  private readonly channels: number[];
  /** Applicants waiting, per channel, in the order they applied. */
  private readonly waiting: number[][];
  private readonly queued = new Set<number>();
  private granted: Granted[] = [];
  /** One stream per channel, drawn on through the run. */
  private streams: RandomStream[] | undefined;

  constructor(world: World) {
    this.channels = world.channels.flatMap((c, ch) => (c.from >= 0 ? [ch] : []));
    this.waiting = world.channels.map(() => []);
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
        } else if (run.quotas.take(run, ch, store.origin[i])) this.granted.push({ agent: i, channel: ch, due: tick + processing });
        else still.push(i);
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
      // Who reconsiders is sampled by geometric gaps over those away from home, as at home: the cost grows with those sampled.
      for (let k = gap(rng); k < store.activeCount; k += 1 + gap(rng)) {
        const i = store.active[k];
        const o = store.origin[i];
        const s = store.skill[i];
        const draw = rng.uniform();
        if (!c.resettledOrigin[o] || !c.eligibleSkill[s] || chance[o] <= 0 || this.queued.has(i) || !this.stays(run, i, ch)) continue;
        const here = world.places[store.location[i]].country;
        const earns = store.state[i] === State.Protected ? prospects.regularIncome[here * 2 + s] : prospects.irregularIncome[here * 2 + s];
        const utility = params.choiceLegalConstant + params.choiceIncome * Math.log(prospects.regularIncome[c.destination * 2 + s] / Math.max(1, earns))
          + Math.log(chance[o]) - params.choiceTravelMonth * c.processingMonths;
        if (draw * (1 + Math.exp(-utility)) >= 1) continue;
        this.waiting[ch].push(i);
        this.queued.add(i);
        counters.channel.count.applications[ch]++;
        counters.channelOrigin.count.applications[ch * world.countryCount + o]++;
      }
    }
  }
}
