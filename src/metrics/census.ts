import { STATE_COUNT, Stage, State } from '../agents/states.js';
import type { MigrantStore } from '../agents/store.js';
import type { TickCounters } from './counters.js';
import type { World } from '../world/world.js';

/**
 * Everybody counted at the end of a tick, which is the state the next tick's
 * markets start from: people by state (for the conservation check), migrants
 * by destination, skill and status (for labour markets), nationals abroad
 * (for origin wages), and people waiting at each leg's start (for smugglers).
 */
export class Census {
  readonly byState = new Float64Array(STATE_COUNT);
  /** migrants[(destination * 2 + skill) * 2 + (irregular ? 1 : 0)], agents. */
  readonly migrants: Float64Array;
  /** Nationals abroad, by origin, agents. */
  readonly abroad: Float64Array;
  /** People waiting at each leg's start, agents. */
  readonly waiting: Float64Array;

  constructor(countries: number, legs: number) {
    this.migrants = new Float64Array(countries * 4);
    this.abroad = new Float64Array(countries);
    this.waiting = new Float64Array(legs);
  }

  /** The census before the first tick: everybody at home. */
  static initial(store: MigrantStore, world: World): Census {
    const c = new Census(world.countryCount, world.legs.length);
    c.byState[State.Home] = store.size;
    store.activeCount = 0;
    return c;
  }

  /**
   * Counts everybody, rebuilds the list of active people,
   * and fills the stock gauges of the tick's counters: residents by status,
   * people at home by origin, debt owed, queues per channel and people waiting
   * per leg. The count by state reads every person's state, so the
   * conservation check does not rely on the lists.
   *
   * One pass in agent order: the few active people are counted where the
   * pass finds them, so their columns are read in increasing index order
   * rather than revisited through the list; every array is a local, and
   * people at home, who are stored home place by home place, are counted in
   * a register per place.
   */
  static take(store: MigrantStore, world: World, counters: TickCounters): Census {
    const census = new Census(world.countryCount, world.legs.length);
    const { byState, migrants, abroad, waiting } = census;
    const country = counters.country.count;
    const { atHome, migrantDebt, returnees, preparing, inTransit, regular, asylumPending, irregular, overstaying } = country;
    const isProtected = country.protected;
    const queued = counters.channel.count.queued;
    const { state, origin, debt, destination, skill, stage, option, location, legIndex, active } = store;
    const placeCountry = Int32Array.from(world.places, (p) => p.country);
    const routeLegs = world.routes.map((r) => Int32Array.from(r.legs));
    const home = State.Home;
    const dead = State.Dead;
    const placeStart = store.placeStart;
    const abroadBy = counters.returns.count.abroad;
    const n = world.countryCount;
    let activeCount = 0;
    // People are stored home place by home place, so those at home are counted in a register per place.
    for (let p = 0; p + 1 < placeStart.length; p++) {
      const end = placeStart[p + 1];
      let stayed = 0;
      for (let i = placeStart[p]; i < end; i++) {
        const s = state[i];
        if (s === home) {
          stayed++;
          continue;
        }
        byState[s]++;
        if (s === dead) continue;
        active[activeCount++] = i;
        const o = origin[i];
        if (debt[i] > 0) migrantDebt[o] += debt[i];
        const d = destination[i];
        switch (s) {
          case State.Returned: returnees[o]++; break;
          case State.Preparing:
            preparing[o]++;
            if (stage[i] === Stage.Queued) queued[option[i]]++;
            break;
          case State.InTransit:
            inTransit[placeCountry[location[i]]]++;
            if (stage[i] === Stage.AtLegStart) waiting[routeLegs[option[i]][legIndex[i]]]++;
            break;
          case State.AbroadRegular:
          case State.Protected:
            if (s === State.AbroadRegular) regular[d]++;
            else isProtected[d]++;
            migrants[(d * 2 + skill[i]) * 2]++;
            abroad[o]++;
            abroadBy[d * n + o]++;
            break;
          case State.AsylumPending:
          case State.Irregular:
          case State.Overstaying:
            if (s === State.AsylumPending) asylumPending[d]++;
            else if (s === State.Irregular) irregular[d]++;
            else overstaying[d]++;
            migrants[(d * 2 + skill[i]) * 2 + 1]++;
            abroad[o]++;
            abroadBy[d * n + o]++;
            break;
        }
      }
      if (stayed > 0) {
        byState[home] += stayed;
        atHome[origin[placeStart[p]]] += stayed;
      }
    }
    store.activeCount = activeCount;
    counters.leg.count.waiting.set(waiting);
    return census;
  }
}

