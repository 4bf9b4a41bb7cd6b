import { Stage, State } from '../agents/states.js';
import type { RunState } from '../engine/run-state.js';

/**
 * Earnings phase: people save part of what they earn where they are. At home
 * (and while preparing) at the home wage; abroad at the regular wage, or at the
 * lower, less certain irregular wage; in transit only while stuck working to
 * pay for the next leg. Remittances will be drawn from this income.
 */
export function earn(run: RunState): void {
  const { store, world, clock, params, prospects } = run;
  const perTick = 1 / clock.ticksPerYear;
  const n = world.countryCount;
  const homeSaving = new Float64Array(n * 2);
  const regularSaving = new Float64Array(n * 2);
  const irregularSaving = new Float64Array(n * 2);
  const transitSaving = new Float64Array(n * 2);
  for (let k = 0; k < n * 2; k++) {
    homeSaving[k] = prospects.homeIncome[k] * params.savingRateHome * perTick;
    regularSaving[k] = prospects.regularIncome[k] * params.savingRateAbroad * perTick;
    irregularSaving[k] = prospects.irregularIncome[k] * params.savingRateAbroad * perTick;
    transitSaving[k] = prospects.irregularIncome[k] * params.transitSavingRate * perTick;
  }
  const legCost = world.leg.values.cost;

  for (let i = 0; i < store.size; i++) {
    const skill = store.skill[i];
    switch (store.state[i]) {
      case State.Home:
      case State.Returned:
      case State.Preparing:
        store.savings[i] += homeSaving[store.origin[i] * 2 + skill];
        break;
      case State.AbroadRegular:
      case State.Protected:
        store.savings[i] += regularSaving[store.destination[i] * 2 + skill];
        break;
      case State.Irregular:
      case State.Overstaying:
        store.savings[i] += irregularSaving[store.destination[i] * 2 + skill];
        break;
      case State.InTransit: {
        if (store.stage[i] !== Stage.AtLegStart) break;
        const l = world.routes[store.option[i]].legs[store.legIndex[i]];
        if (store.savings[i] < legCost[l]) store.savings[i] += transitSaving[world.places[store.location[i]].country * 2 + skill];
        break;
      }
    }
  }
}
