import { STATE_COUNT, Stage, State } from '../agents/states.js';
import type { MigrantStore } from '../agents/store.js';
import type { TickCounters } from './counters.js';
import type { World } from '../world/world.js';

/** 1 for a state abroad without papers (claimants, the irregular, overstayers): the second half of Census.migrants. */
const UNDOCUMENTED = Uint8Array.from({ length: STATE_COUNT }, (_, s) => (s === State.AsylumPending || s === State.Irregular || s === State.Overstaying ? 1 : 0));

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
  /** The dead so far, by origin: they leave the list of active people, so each census carries them on. */
  readonly deadByOrigin: Float64Array;
  /** Length of the store's list of active people as this census left it: the next census merges in those added since. */
  listed = 0;

  constructor(countries: number, legs: number) {
    this.migrants = new Float64Array(countries * 4);
    this.abroad = new Float64Array(countries);
    this.waiting = new Float64Array(legs);
    this.deadByOrigin = new Float64Array(countries);
  }

  /** The census before the first tick: everybody at home. */
  static initial(store: MigrantStore, world: World): Census {
    const c = new Census(world.countryCount, world.legs.length);
    c.byState[State.Home] = store.size;
    store.activeCount = 0;
    return c;
  }

  /**
   * Counts everybody from the list of people not at home, rebuilding the
   * list, and fills the stock gauges of the tick's counters: residents by
   * status, people at home by origin, debt owed, queues per channel and
   * people waiting per leg.
   *
   * Only the decisions phase takes people from home, and it adds them to the
   * list, so the list holds everyone away from home who is not among the
   * dead `previous` counted. Those at home are each origin's people less
   * those counted, so a census costs the number away, not the population.
   * The conservation check still sees a person missing from the list: their
   * move was counted as a transition, and the stocks would not follow.
   * The list is kept in agent order, so each column is read in increasing
   * index order and sums run in the same order whatever was added when.
   */
  static take(store: MigrantStore, world: World, counters: TickCounters, previous: Census): Census {
    const census = new Census(world.countryCount, world.legs.length);
    const { byState, migrants, abroad, waiting, deadByOrigin } = census;
    const country = counters.country.count;
    const { atHome, migrantDebt, returnees, preparing, inTransit, regular, asylumPending, irregular, overstaying } = country;
    const isProtected = country.protected;
    const queued = counters.channel.count.queued;
    const { state, origin, debt, destination, skill, stage, option, location, legIndex, active } = store;
    const placeCountry = Int32Array.from(world.places, (p) => p.country);
    const routeLegs = world.routes.map((r) => Int32Array.from(r.legs));
    const home = State.Home;
    const dead = State.Dead;
    const abroadBy = counters.returns.count.abroad;
    const n = world.countryCount;
    const away = new Float64Array(n);
    deadByOrigin.set(previous.deadByOrigin);
    byState[dead] = previous.byState[dead];
    // Where each state counts a person, by origin and (abroad) by destination: one path for every
    // state, so a state first met late in a run takes the path the compiled loop already knows.
    const spare = new Float64Array(n);
    const byOrigin: Float64Array[] = Array.from({ length: STATE_COUNT }, () => spare);
    byOrigin[State.Returned] = returnees;
    byOrigin[State.Preparing] = preparing;
    const byDestination: Float64Array[] = Array.from({ length: STATE_COUNT }, () => spare);
    byDestination[State.AbroadRegular] = regular;
    byDestination[State.Protected] = isProtected;
    byDestination[State.AsylumPending] = asylumPending;
    byDestination[State.Irregular] = irregular;
    byDestination[State.Overstaying] = overstaying;
    const listed = mergeAdded(active, previous.listed, store.activeCount);
    let activeCount = 0;
    for (let k = 0; k < listed; k++) {
      const i = active[k];
      const s = state[i];
      if (s === home) continue; // came home since the last census
      byState[s]++;
      const o = origin[i];
      if (s === dead) {
        deadByOrigin[o]++;
        continue;
      }
      active[activeCount++] = i;
      away[o]++;
      if (debt[i] > 0) migrantDebt[o] += debt[i];
      byOrigin[s][o]++;
      if (s === State.Preparing) {
        if (stage[i] === Stage.Queued) queued[option[i]]++;
      } else if (s === State.InTransit) {
        inTransit[placeCountry[location[i]]]++;
        if (stage[i] === Stage.AtLegStart) waiting[routeLegs[option[i]][legIndex[i]]]++;
      } else if (s !== State.Returned) {
        const d = destination[i];
        byDestination[s][d]++;
        migrants[(d * 2 + skill[i]) * 2 + UNDOCUMENTED[s]]++;
        abroad[o]++;
        abroadBy[d * n + o]++;
      }
    }
    store.activeCount = activeCount;
    census.listed = activeCount;
    // People are stored home place by home place, so each origin's people are a sum over its places.
    let atHomeTotal = 0;
    for (let p = 0; p + 1 < store.placeStart.length; p++) atHome[placeCountry[p]] += store.placeStart[p + 1] - store.placeStart[p];
    for (let o = 0; o < n; o++) {
      atHome[o] -= away[o] + deadByOrigin[o];
      atHomeTotal += atHome[o];
    }
    byState[home] = atHomeTotal;
    counters.leg.count.waiting.set(waiting);
    return census;
  }
}

/**
 * Merges active[0, kept) and active[kept, end), each in agent order, into
 * one run in agent order; returns end. Those added since the last census are
 * few, so they are copied out and merged in from the back.
 */
function mergeAdded(active: Int32Array, kept: number, end: number): number {
  if (kept === 0 || kept === end || active[kept - 1] < active[kept]) return end;
  const added = active.slice(kept, end);
  let a = kept - 1;
  let b = added.length - 1;
  for (let w = end - 1; b >= 0; w--) active[w] = a >= 0 && active[a] > added[b] ? active[a--] : added[b--];
  return end;
}
