import { Flag, Stage, State } from '../agents/states.js';
import { overstayLogOdds, permitEnd } from './permits.js';
import { readmissionApplies } from './return-risk.js';
import { claimOutlook } from './asylum-stay.js';
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
 * without papers, until apprehended again. Where the leg someone came by has a
 * readmission arrangement, its own capacity may first send them back to the
 * leg's start, in transit again. Those without papers go home of their own
 * accord less when coming back would be dear and risky (enforcement cages in).
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

  // Most worlds have no readmission arrangement: then nobody's route need be looked up for one.
  const readmitting = world.leg.values.readmissionCapacityPerYear.some((cap) => cap > 0);
  const backLeg = (i: number) => (readmitting ? readmissionLeg(run, i) : -1);
  const ordered = new Float64Array(n);
  const awaitingReadmission = new Float64Array(world.legs.length);
  for (let k = 0; k < store.activeCount; k++) {
    const i = store.active[k];
    const isOrdered = store.flags[i] & Flag.ReturnOrder && isAbroad(store.state[i]);
    if (isOrdered) ordered[store.destination[i]]++;
    const back = isOrdered || store.state[i] === State.InTransit ? backLeg(i) : -1;
    if (back >= 0) awaitingReadmission[world.routes[store.option[i]].legs[back]]++;
  }
  const capacity = new Float64Array(n);
  const attemptChance = new Float64Array(n);
  const apprehension = new Float64Array(n);
  const voluntaryReturn = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    capacity[k] = c.returnCapacityPerYear[k] / clock.ticksPerYear / run.scale;
    attemptChance[k] = ordered[k] > 0 ? Math.min(1, capacity[k] / ordered[k]) : 0;
    apprehension[k] = clock.perTick(c.apprehensionPerYear[k]);
    // As an origin: people go home less while it is at war.
    voluntaryReturn[k] = clock.perTick(params.voluntaryReturnPerYear * (1 - c.conflict[k]));
  }
  // Typed arrays: a plain array's element kind changes when a capacity first becomes fractional, which discards the phase's compiled code.
  const readmissionCapacity = Float64Array.from(world.legs, (_, l) => world.leg.values.readmissionCapacityPerYear[l] / clock.ticksPerYear / run.scale);
  const readmissionChance = readmissionCapacity.map((cap, l) => (awaitingReadmission[l] > 0 ? Math.min(1, cap / awaitingReadmission[l]) : 0));
  run.returns.record(capacity, ordered, readmissionCapacity, awaitingReadmission);
  const cage = reentryDeterrence(run);

  for (let k = 0; k < store.activeCount; k++) {
    const i = store.active[k];
    const s = store.state[i];
    if (s === State.InTransit) {
      // Waiting to go on from a country a readmission arrangement covers: may be sent back (one draw, only then).
      const back = backLeg(i);
      if (back >= 0 && streams[store.destination[i] * n + store.origin[i]].uniform() < readmissionChance[world.routes[store.option[i]].legs[back]]) readmit(run, i, back);
      continue;
    }
    if (s === State.Home || s === State.Returned || s === State.Dead) continue;
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
      const back = backLeg(i);
      let draw = attemptDraw;
      if (back >= 0) {
        const chance = readmissionChance[world.routes[store.option[i]].legs[back]];
        if (draw < chance) {
          readmit(run, i, back);
          continue;
        }
        draw = (draw - chance) / (1 - chance);
      }
      if (draw < attemptChance[d]) {
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

    const undocumented = s === State.Irregular || s === State.Overstaying || s === State.AsylumPending;
    if (returnDraw < voluntaryReturn[o] * (undocumented ? cage[(d * n + o) * 2 + store.skill[i]] : 1)) {
      country.voluntaryReturns[d]++;
      returnHome(run, i);
    }
  }
}

/**
 * Which leg of their route (its index) someone can be readmitted by, to the
 * country it started in, or -1: for someone ordered to leave, the last leg of
 * the route they came by; for someone in transit waiting to go on, the leg
 * that brought them here; in both cases only if it has an arrangement and
 * entered the country they are in. (Everyone irregular came by a route.)
 */
function readmissionLeg(run: RunState, i: number): number {
  const { store, world } = run;
  const s = store.state[i];
  // Only the irregular and those in transit came by a route (an overstayer's option is a channel).
  if (s !== State.Irregular && s !== State.InTransit) return -1;
  const legs = world.routes[store.option[i]]?.legs;
  if (!legs) return -1;
  let k = -1;
  if (s === State.Irregular) k = legs.length - 1;
  else if (store.stage[i] === Stage.AtLegStart) k = store.legIndex[i] - 1;
  return k >= 0 && readmissionApplies(world, legs[k], world.places[store.location[i]].country) ? k : -1;
}

/** Sent back to where the k-th leg of their route started: in transit again there, to weigh what next. */
function readmit(run: RunState, i: number, k: number): void {
  const { store, world, tick, counters } = run;
  const l = world.routes[store.option[i]].legs[k];
  const d = world.places[world.legs[l].to].country;
  const pair = d * world.countryCount + store.origin[i];
  counters.country.count.returnAttempts[d]++;
  counters.country.count.returnsExecuted[d]++;
  counters.returns.count.returnAttempts[pair]++;
  counters.returns.count.returnsExecuted[pair]++;
  counters.country.count.readmissionsReceived[world.places[world.legs[l].from].country]++;
  counters.leg.count.readmissions[l]++;
  store.move(i, State.InTransit, tick);
  store.stage[i] = Stage.AtLegStart;
  store.legIndex[i] = k;
  store.location[i] = world.legs[l].from;
  store.triesLeft[i] = 0;
  store.flags[i] = (store.flags[i] & ~Flag.ReturnOrder) | Flag.Redecide;
}

/**
 * Factor on the voluntary-return hazard of someone without papers, by
 * (destination * countries + origin) * 2 + skill: exp(-penalty), the penalty
 * being what coming back would cost them, by the cheapest irregular route
 * (its expected cost against what they save abroad over returnHorizonYears, its death and
 * interception risk), but never more than the income gain coming back is
 * worth (Massey, Durand & Pren 2015: tighter borders cut the return of the
 * undocumented).
 */
function reentryDeterrence(run: RunState): Float64Array {
  const { world, params, prospects } = run;
  const n = world.countryCount;
  const cage = new Float64Array(n * n * 2);
  for (let d = 0; d < n; d++) {
    for (let o = 0; o < n; o++) {
      for (let s = 0; s < 2; s++) {
        // What they can put by over the stay they weigh (returnHorizonYears) pays for coming back.
        const means = Math.max(1, params.returnHorizonYears * params.savingRateAbroad * prospects.irregularIncome[d * 2 + s]);
        let penalty = Number.POSITIVE_INFINITY;
        let gain = 0;
        world.routes.forEach((r, ri) => {
          if (r.destination !== d || world.places[r.start].country !== o) return;
          const t = prospects.routeAhead[ri][0];
          penalty = Math.min(penalty, params.choiceCost * (t.expectedCost / means) + params.choiceDeath * t.deathRisk * 0.5 /* average risk tolerance */ + params.choiceInterception * t.interceptionRisk);
          gain = Math.max(gain, params.choiceIncome * Math.log(prospects.routeIncome(ri, o, s) / prospects.homeIncome[o * 2 + s]));
        });
        if (!Number.isFinite(penalty)) gain = Math.max(0, params.choiceIncome * Math.log(prospects.irregularIncome[d * 2 + s] / Math.max(prospects.homeIncome[o * 2 + s], 1)));
        cage[(d * n + o) * 2 + s] = Math.exp(-Math.min(penalty, gain));
      }
    }
  }
  return cage;
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
  if (world.channel.values.circular[ch] >= 0.5) {
    store.flags[i] |= Flag.CircularPriority;
    run.quotas.earnPriority(ch, store.origin[i]);
  }
}

/**
 * A visitor who will not leave when the visa ends may claim asylum instead of
 * overstaying, as an irregular arrival would (same claim rule): visa-free entry
 * is a path to a claim as well as to overstay.
 */
function claimVisitAsylum(run: RunState, i: number, claimDraw: number): boolean {
  const { store, world, clock, tick, counters } = run;
  const d = store.destination[i];
  if (claimDraw >= claimOutlook(run, d, store.origin[i], store.skill[i], -1).chance) return false;
  store.move(i, State.AsylumPending, tick);
  store.timer[i] = tick + clock.monthsToTicks(world.country.values.asylumDecisionMonths[d]);
  counters.country.count.asylumClaims[d]++;
  return true;
}
