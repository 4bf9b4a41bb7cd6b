import { STATE_COUNT, Stage, State } from '../agents/states.js';
import type { RunState } from '../engine/run-state.js';

/**
 * Metrics phase, first step: counts everybody by state (for the conservation
 * check) and fills the stock gauges: residents by status in each country,
 * people at home by origin, people queued per channel and waiting per leg.
 */
export function countStocks(run: RunState): Float64Array {
  const { store, world, counters } = run;
  const byState = new Float64Array(STATE_COUNT);
  const country = counters.country.count;
  const queued = counters.channel.count.queued;
  const waiting = counters.leg.count.waiting;
  for (let i = 0; i < store.size; i++) {
    const s = store.state[i];
    byState[s]++;
    switch (s) {
      case State.Home: country.atHome[store.origin[i]]++; break;
      case State.Returned: country.returnees[store.origin[i]]++; break;
      case State.Preparing:
        country.preparing[store.origin[i]]++;
        if (store.stage[i] === Stage.Queued) queued[store.option[i]]++;
        break;
      case State.InTransit:
        country.inTransit[world.places[store.location[i]].country]++;
        if (store.stage[i] === Stage.AtLegStart) waiting[world.routes[store.option[i]].legs[store.legIndex[i]]]++;
        break;
      case State.AbroadRegular: country.regular[store.destination[i]]++; break;
      case State.AsylumPending: country.asylumPending[store.destination[i]]++; break;
      case State.Protected: country.protected[store.destination[i]]++; break;
      case State.Irregular: country.irregular[store.destination[i]]++; break;
      case State.Overstaying: country.overstaying[store.destination[i]]++; break;
    }
  }
  return byState;
}
