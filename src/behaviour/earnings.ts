import { Flag, Stage, State } from '../agents/states.js';
import type { RunState } from '../engine/run-state.js';
import { reintegrationBoost } from './decisions.js';
import type { BehaviourParameters } from './parameters.js';

/**
 * Earnings phase: everybody earns where they are, repays debt first, then
 * (abroad) sends money home and saves. At home and while preparing: the home
 * income. Abroad: the wage times the chance of having work, lower and less
 * certain for irregular migrants. In transit: only while stuck working to pay
 * for the next leg. What is sent loses the transfer cost on the way, and less
 * is sent where sending costs more (remittance).
 */
export function earn(run: RunState): void {
  const { store, world, clock, params, prospects, counters, ledger } = run;
  const perTick = 1 / clock.ticksPerYear;
  const n = world.countryCount;
  const cost = world.country.values.remittanceCost;
  const fee = world.country.values.remittanceFee;
  // One transfer home a month: a tick carries 12 / ticksPerYear of them, and their fixed fees.
  const transfers = 12 / clock.ticksPerYear;
  const sent = counters.country.count.remittancesSent;
  const fees = counters.country.count.remittanceFees;
  const received = counters.country.count.remittancesReceived;
  const price = run.smuggling.price;

  for (let k = 0; k < store.activeCount; k++) {
    const i = store.active[k];
    const s = store.state[i];
    if (s === State.Dead) continue;
    if (s === State.Home) {
      // Came home this tick (gave up waiting for a quota place): saves with everybody at home below.
      continue;
    }
    const key = store.skill[i];
    let income: number;
    let abroad = false;
    switch (s) {
      case State.Returned:
      case State.Preparing:
        income = prospects.homeIncome[store.origin[i] * 2 + key] * perTick * (1 + reintegrationBoost(run, i));
        break;
      case State.AbroadRegular:
      case State.Protected:
        income = prospects.regularIncome[store.destination[i] * 2 + key] * perTick * (store.flags[i] & Flag.Mismatched ? 1 - params.mismatchWagePenalty : 1);
        abroad = true;
        break;
      case State.AsylumPending:
        income = prospects.pendingIncome(store.destination[i], key) * perTick;
        abroad = true;
        break;
      case State.Irregular:
      case State.Overstaying:
        income = prospects.irregularIncome[store.destination[i] * 2 + key] * perTick;
        abroad = true;
        break;
      default: {
        // In transit: work only while short of the next leg's price.
        if (store.stage[i] !== Stage.AtLegStart) continue;
        const l = world.routes[store.option[i]].legs[store.legIndex[i]];
        if (store.savings[i] < price[l]) store.savings[i] += prospects.irregularIncome[world.places[store.location[i]].country * 2 + key] * params.transitSavingRate * perTick;
        continue;
      }
    }
    if (store.debt[i] > 0) {
      const repay = Math.min(store.debt[i], params.debtRepaymentShare * income);
      store.debt[i] -= repay;
      ledger.repaid[store.lender[i]] += repay;
      if (store.debt[i] === 0) store.lender[i] = 0;
    }
    if (abroad) {
      const o = store.origin[i];
      const remit = remittance(params, params.remittanceShare * income, transfers, cost[o], fee[o]);
      const charged = remit > 0 ? remit * cost[o] + fee[o] * transfers : 0;
      sent[o] += remit;
      fees[o] += charged;
      received[o] += remit - charged;
      store.savings[i] += params.savingRateAbroad * income;
    } else {
      store.savings[i] += params.savingRateHome * income;
    }
  }

  // Everybody at home saves the same share per origin and skill: one running total (see HomeSavings).
  run.homeSavings.save(prospects.homeIncome, params.savingRateHome * perTick);

  const share = counters.country.count.remittancesShareOfGdp;
  const v = world.country.values;
  for (let k = 0; k < n; k++) {
    const gdp = v.gdpPerCapita[k] * v.population[k] * perTick;
    share[k] = gdp > 0 ? (received[k] * run.scale) / gdp : 0;
  }
}

/**
 * What one migrant sends home in a tick (the transfers cost `proportional` of
 * it plus `fixed` each, `transfers` of them): of
 * `intended` (what they would send were it free), less is sent the dearer a
 * transfer is as a share of it (remittanceCostSemiElasticity), the share being
 * the proportional cost plus the fixed fee per transfer over the month's
 * amount, so a fixed fee weighs most on small senders; whoever would lose
 * all of it to the fee sends nothing (Gibson, McKenzie & Rohorua 2006:
 * Tongans in New Zealand remit less as the fixed charge rises, and it matters
 * most for small transfers).
 */
export function remittance(params: BehaviourParameters, intended: number, transfers: number, proportional: number, fixed: number): number {
  if (intended <= 0) return 0;
  const remit = intended * Math.exp(-params.remittanceCostSemiElasticity * (proportional + (fixed * transfers) / intended));
  return remit * proportional + fixed * transfers < remit ? remit : 0;
}

