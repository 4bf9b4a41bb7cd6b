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
   */
  static take(store: MigrantStore, world: World, counters: TickCounters): Census {
    const census = new Census(world.countryCount, world.legs.length);
    const { byState, migrants, abroad, waiting } = census;
    const country = counters.country.count;
    const queued = counters.channel.count.queued;
    const state = store.state;
    const atHome = country.atHome;
    const abroadBy = counters.returns.count.abroad;
    const n = world.countryCount;
    let activeCount = 0;
    for (let i = 0; i < store.size; i++) {
      const s = state[i];
      byState[s]++;
      if (s === State.Home) atHome[store.origin[i]]++;
      else if (s !== State.Dead) store.active[activeCount++] = i;
    }
    store.activeCount = activeCount;

    for (let k = 0; k < activeCount; k++) {
      const i = store.active[k];
      const s = state[i];
      if (store.debt[i] > 0) country.migrantDebt[store.origin[i]] += store.debt[i];
      const d = store.destination[i];
      switch (s) {
        case State.Returned: country.returnees[store.origin[i]]++; break;
        case State.Preparing:
          country.preparing[store.origin[i]]++;
          if (store.stage[i] === Stage.Queued) queued[store.option[i]]++;
          break;
        case State.InTransit:
          country.inTransit[world.places[store.location[i]].country]++;
          if (store.stage[i] === Stage.AtLegStart) waiting[world.routes[store.option[i]].legs[store.legIndex[i]]]++;
          break;
        case State.AbroadRegular:
        case State.Protected:
          if (s === State.AbroadRegular) country.regular[d]++;
          else country.protected[d]++;
          migrants[(d * 2 + store.skill[i]) * 2]++;
          abroad[store.origin[i]]++;
          abroadBy[d * n + store.origin[i]]++;
          break;
        case State.AsylumPending:
        case State.Irregular:
        case State.Overstaying:
          if (s === State.AsylumPending) country.asylumPending[d]++;
          else if (s === State.Irregular) country.irregular[d]++;
          else country.overstaying[d]++;
          migrants[(d * 2 + store.skill[i]) * 2 + 1]++;
          abroad[store.origin[i]]++;
          abroadBy[d * n + store.origin[i]]++;
          break;
      }
    }
    counters.leg.count.waiting.set(waiting);
    return census;
  }
}

