import { NEVER, State } from '../agents/states.js';
import type { RunState } from '../engine/run-state.js';
import { stayOnChance } from './overstay-intent.js';

/** The tick a permit of this channel, granted now, runs out (NEVER for a permanent stay). */
export function permitEnd(run: RunState, channel: number): number {
  const months = run.world.channel.values.stayMonths[channel];
  return Number.isFinite(months) ? run.tick + run.clock.monthsToTicks(months) : NEVER;
}

/** Person i arrives in the channel's destination on its permit: regular, at its main place, until the permit runs out. */
export function arriveOnPermit(run: RunState, i: number, channel: number): void {
  const { store, world, tick, counters } = run;
  const ch = world.channels[channel];
  store.move(i, State.AbroadRegular, tick);
  store.location[i] = world.mainPlace[ch.destination];
  store.timer[i] = permitEnd(run, channel);
  store.renewalsLeft[i] = Math.min(255, ch.renewals);
  counters.country.count.admittedLegally[store.origin[i]]++;
  counters.country.count.arrivals[ch.destination]++;
}

/**
 * Log-odds that a worker of this channel would overstay rather than leave
 * when the permit ends: the irregular income gap, debt still to repay
 * (recruitment fees) and the chance of apprehension, against compliance
 * norms; the income gain counts only for the share of the stay one expects
 * before being apprehended and returned (ReturnRisk); the priority a circular scheme gives those who leave on time
 * (worth its chance of a place: QuotaLedger.priorityChance), and
 * any held wages or bond paid on return; all this only for those who wish
 * to stay on at all (stayOnChance). Used at expiry, and by screening at
 * admission.
 */
export function overstayLogOdds(run: RunState, i: number, channel: number): number {
  const { store, world, params, prospects } = run;
  const c = world.country.values;
  const ch = world.channel.values;
  const d = world.channels[channel].destination;
  const o = store.origin[i];
  const homeIncome = Math.max(prospects.homeIncome[o * 2 + store.skill[i]], 1);
  const gap = Math.log(prospects.irregularIncome[d * 2 + store.skill[i]] / homeIncome) * run.returns.stayShare(run, d, o, -1, 0);
  const overstay = params.overstayConstant + params.choiceIncome * gap + params.overstayDebt * (store.debt[i] / homeIncome)
    - params.overstayApprehension * c.apprehensionPerYear[d] - params.choiceStayConflict * c.conflict[o];
  // Priority for the next season is worth as much as the chance of a place it gives.
  const priority = ch.circular[channel] >= 0.5 ? params.circularPriorityValue * run.quotas.priorityChance(run, channel, o) : 0;
  const leave = priority + params.overstayDebt * (ch.returnBonus[channel] / homeIncome);
  const p = stayOnChance(run, i, channel, overstay - leave);
  return Math.log(p / (1 - p));
}
