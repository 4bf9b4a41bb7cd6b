import { Flag, Stage, State } from '../agents/states.js';
import { overstayLogOdds, permitEnd } from './permits.js';
import type { RunState } from '../engine/run-state.js';

/**
 * Status phase: asylum decisions, permits expiring (renewed, left on time, or
 * overstayed), apprehension of irregular residents and return orders, forced
 * returns limited by capacity and by the origin's cooperation, voluntary
 * returns, and applicants who tire of waiting for a quota place (one draw a
 * tick each from their destination's stream).
 *
 * Return capacity is shared among those ordered to leave as they stood at the
 * start of the phase, so who is returned does not depend on reading order. A
 * return the origin does not cooperate with fails, and the person is released
 * without papers, until apprehended again.
 */
export function changeStatus(run: RunState): void {
  const { store, world, clock, params, tick, counters } = run;
  const n = world.countryCount;
  const c = world.country.values;
  const country = counters.country.count;
  const channel = counters.channel.count;
  const returns = counters.returns.count;
  // One stream per destination and origin: what happens to one group abroad never shifts another's numbers.
  const streams = run.streams.family('status', world.countryIds.flatMap((d) => world.countryIds.map((o) => `${d}<-${o}`)));
  // Applicants tire of waiting at a steady rate (mean patience quotaPatienceMonths), not all on one day.
  const tireOfWaiting = clock.perTick(12 / Math.max(params.quotaPatienceMonths, 1e-9));

  const ordered = new Float64Array(n);
  for (let k = 0; k < store.activeCount; k++) {
    const i = store.active[k];
    if (store.flags[i] & Flag.ReturnOrder && isAbroad(store.state[i])) ordered[store.destination[i]]++;
  }
  const attemptChance = new Float64Array(n);
  const apprehension = new Float64Array(n);
  const voluntaryReturn = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const capacity = c.returnCapacityPerYear[k] / clock.ticksPerYear / run.scale;
    attemptChance[k] = ordered[k] > 0 ? Math.min(1, capacity / ordered[k]) : 0;
    apprehension[k] = clock.perTick(c.apprehensionPerYear[k]);
    // As an origin: people go home less while it is at war.
    voluntaryReturn[k] = clock.perTick(params.voluntaryReturnPerYear * (1 - c.conflict[k]));
  }

  for (let k = 0; k < store.activeCount; k++) {
    const i = store.active[k];
    const s = store.state[i];
    if (s === State.Home || s === State.Returned || s === State.Dead || s === State.InTransit) continue;
    if (s === State.Preparing) {
      if (store.stage[i] !== Stage.Queued) continue;
      if (streams[store.destination[i] * n + store.origin[i]].uniform() < tireOfWaiting) {
        channel.gaveUp[store.option[i]]++;
        store.move(i, State.Home, tick);
        run.homeSavings.arrive(store, i);
      }
      continue;
    }
    const d = store.destination[i];
    const o = store.origin[i];
    // Seven draws for everybody abroad, whatever happens, so their numbers line up across a baseline and its variant.
    const rng = streams[d * n + o];
    const attemptDraw = rng.uniform();
    const cooperationDraw = rng.uniform();
    const decisionDraw = rng.uniform();
    const renewDraw = rng.uniform();
    const overstayDraw = rng.uniform();
    const apprehensionDraw = rng.uniform();
    const returnDraw = rng.uniform();

    const pair = d * n + o;
    if (store.flags[i] & Flag.ReturnOrder) {
      if (attemptDraw < attemptChance[d]) {
        country.returnAttempts[d]++;
        returns.returnAttempts[pair]++;
        if (cooperationDraw < c.returnCooperation[o]) {
          country.returnsExecuted[d]++;
          returns.returnsExecuted[pair]++;
          country.returnsReceived[o]++;
          returnHome(run, i);
          continue;
        }
        // No travel documents: the return fails and the person is released, still without papers.
        store.flags[i] &= ~Flag.ReturnOrder;
        country.returnsFailed[d]++;
        returns.returnsFailed[pair]++;
      }
    }

    if (s === State.AsylumPending) {
      if (store.timer[i] > tick) continue;
      if (decisionDraw < world.recognitionRate(d, o)) {
        store.move(i, State.Protected, tick);
        country.recognised[d]++;
      } else {
        store.move(i, State.Irregular, tick);
        store.flags[i] |= Flag.ReturnOrder;
        country.rejected[d]++;
        country.returnOrders[d]++;
        returns.returnOrders[pair]++;
      }
      continue;
    }

    if (s === State.AbroadRegular && store.timer[i] <= tick) {
      expirePermit(run, i, renewDraw, overstayDraw, decisionDraw);
      continue;
    }

    if ((s === State.Irregular || s === State.Overstaying) && !(store.flags[i] & Flag.ReturnOrder) && apprehensionDraw < apprehension[d]) {
      store.flags[i] |= Flag.ReturnOrder;
      country.apprehensions[d]++;
      country.returnOrders[d]++;
      returns.returnOrders[pair]++;
      continue;
    }

    if (returnDraw < voluntaryReturn[o]) {
      country.voluntaryReturns[d]++;
      returnHome(run, i);
    }
  }
}

function isAbroad(s: number): boolean {
  return s === State.AbroadRegular || s === State.AsylumPending || s === State.Protected || s === State.Irregular || s === State.Overstaying;
}

/**
 * Home again: savings come too. Where the origin runs a reintegration
 * programme, the returnee gets its support (a job or a business) for its
 * length, which lowers the pull of leaving again (see decisions).
 */
function returnHome(run: RunState, i: number): void {
  const { store, tick, world, clock, counters } = run;
  const o = store.origin[i];
  counters.country.count.savingsBroughtHome[o] += store.savings[i];
  store.move(i, State.Returned, tick);
  store.location[i] = store.home[i];
  store.flags[i] &= ~(Flag.ReturnOrder | Flag.Reintegrated | Flag.Mismatched);
  const months = world.country.values.reintegrationMonths[o];
  if (months > 0 && world.country.values.reintegrationIncomeBoost[o] > 0) {
    store.flags[i] |= Flag.Reintegrated;
    store.timer[i] = tick + clock.monthsToTicks(months);
    counters.country.count.reintegrationSupported[o]++;
  }
}

/**
 * A permit ends: renewed if it can be and is approved; otherwise the migrant
 * weighs leaving on time against staying without papers (overstayLogOdds).
 * Those who leave on time collect any return bonus, and in circular schemes
 * earn priority for the next stay.
 */
function expirePermit(run: RunState, i: number, renewDraw: number, overstayDraw: number, claimDraw: number): void {
  const { store, world, params, counters } = run;
  const ch = store.option[i];
  const pair = ch * world.countryCount + store.origin[i];
  if (store.renewalsLeft[i] > 0 && renewDraw < params.renewalApproval) {
    store.renewalsLeft[i]--;
    store.timer[i] = permitEnd(run, ch);
    counters.channel.count.renewals[ch]++;
    return;
  }
  if (overstayDraw * (1 + Math.exp(-overstayLogOdds(run, i, ch))) < 1) {
    if (world.channels[ch].type === 'visit' && claimVisitAsylum(run, i, claimDraw)) return;
    store.move(i, State.Overstaying, run.tick);
    counters.channel.count.overstaysBegun[ch]++;
    counters.channelOrigin.count.overstaysBegun[pair]++;
    counters.country.count.overstaysBegun[store.destination[i]]++;
    return;
  }
  const bonus = world.channel.values.returnBonus[ch];
  store.savings[i] += bonus;
  counters.channel.count.returnBonusesPaid[ch] += bonus;
  counters.channel.count.leftOnTime[ch]++;
  counters.channelOrigin.count.leftOnTime[pair]++;
  returnHome(run, i);
  if (world.channel.values.circular[ch] >= 0.5) store.flags[i] |= Flag.CircularPriority;
}

/**
 * A visitor who will not leave when the visa ends may claim asylum instead of
 * overstaying, as an irregular arrival would (same claim rule): visa-free entry
 * is a path to a claim as well as to overstay.
 */
function claimVisitAsylum(run: RunState, i: number, claimDraw: number): boolean {
  const { store, world, params, clock, tick, counters } = run;
  const d = store.destination[i];
  const recognition = world.recognitionRate(d, store.origin[i]);
  if (recognition <= 0 || claimDraw >= params.asylumClaimBase + (1 - params.asylumClaimBase) * recognition) return false;
  store.move(i, State.AsylumPending, tick);
  store.timer[i] = tick + clock.monthsToTicks(world.country.values.asylumDecisionMonths[d]);
  counters.country.count.asylumClaims[d]++;
  return true;
}
