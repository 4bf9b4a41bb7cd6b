import { Flag, Stage, State } from '../agents/states.js';
import type { RunState } from '../engine/run-state.js';
import { Lender } from './ledger.js';
import { permitEnd } from './permits.js';
import { Mode } from './smuggling.js';

/**
 * Movement phase: people whose papers are processed travel to their
 * destination; people who have arranged an irregular journey set off; people
 * in transit attempt legs one by one. Where smugglers work a leg, a person
 * waits for a place on a boat (the leg's boarding chance), gets a standard or
 * a risky crossing by the smugglers' mix, and pays its price, in cash or, where
 * smugglers allow it, partly on credit. An attempt ends in death,
 * interception (pushed back to the leg's start, or detained and returned
 * home) or a crossing. After an interception some give up, going
 * home or staying in the transit country. Someone without the money for the
 * next leg works where they are, and gives up after waiting too long.
 */
export function travel(run: RunState): void {
  const { store, world, clock, params, tick, counters, smuggling: market, ledger } = run;
  const streams = run.streams.family('movement', world.routes.map((r) => r.id));
  const leg = counters.leg.count;
  const route = counters.route.count;
  const country = counters.country.count;
  const patienceTicks = clock.monthsToTicks(params.transitPatienceMonths);

  const goHome = (i: number) => {
    store.move(i, State.Returned, tick);
    store.location[i] = store.home[i];
    country.savingsBroughtHome[store.origin[i]] += store.savings[i];
  };
  const giveUp = (i: number, r: number, settleDraw: number) => {
    route.gaveUp[r]++;
    const here = world.places[store.location[i]].country;
    if (here !== store.origin[i] && settleDraw < params.settleInTransitShare) {
      store.move(i, State.Irregular, tick);
      store.destination[i] = here;
      route.settledInTransit[r]++;
      country.arrivals[here]++;
    } else goHome(i);
  };

  for (let k = 0; k < store.activeCount; k++) {
    const i = store.active[k];
    const s = store.state[i];
    if (s === State.Preparing) {
      if (store.timer[i] > tick) continue;
      const stage = store.stage[i];
      if (stage === Stage.Processing) {
        const ch = world.channels[store.option[i]];
        store.move(i, State.AbroadRegular, tick);
        store.location[i] = world.mainPlace[ch.destination];
        store.timer[i] = permitEnd(run, store.option[i]);
        store.renewalsLeft[i] = Math.min(255, ch.renewals);
        country.emigrants[store.origin[i]]++;
        country.admittedLegally[store.origin[i]]++;
        country.arrivals[ch.destination]++;
      } else if (stage === Stage.Arranging) {
        const r = store.option[i];
        store.move(i, State.InTransit, tick);
        store.stage[i] = Stage.AtLegStart;
        store.legIndex[i] = 0;
        store.location[i] = world.routes[r].start;
        route.departures[r]++;
        country.emigrants[store.origin[i]]++;
      }
      continue;
    }
    if (s !== State.InTransit) continue;

    const r = store.option[i];
    const legs = world.routes[r].legs;
    if (store.stage[i] === Stage.OnLeg && store.timer[i] > tick) continue;
    // Seven draws for everybody who acts, whatever happens, so travellers' numbers line up across a baseline and its variant.
    const rng = streams[r];
    const claimDraw = rng.uniform();
    const boardingDraw = rng.uniform();
    const modeDraw = rng.uniform();
    const outcomeDraw = rng.uniform();
    const aftermathDraw = rng.uniform();
    const giveUpDraw = rng.uniform();
    const settleDraw = rng.uniform();
    if (store.stage[i] === Stage.OnLeg) {
      const l = legs[store.legIndex[i]];
      store.location[i] = world.legs[l].to;
      if (store.legIndex[i] + 1 === legs.length) {
        arrive(run, i, r, claimDraw);
        continue;
      }
      store.legIndex[i]++;
      store.stage[i] = Stage.AtLegStart;
      store.since[i] = tick;
      // Falls through: the next leg may be attempted in the same tick.
    }

    const l = legs[store.legIndex[i]];
    const credit = world.legs[l].smuggling?.payLater === true && (store.lender[i] === Lender.None || store.lender[i] === Lender.Smugglers);
    const cheapest = market.priceOf(l, market.riskyShare[l] > 0 ? Mode.Risky : Mode.Standard, params);
    if ((!credit && store.savings[i] < cheapest) || boardingDraw >= market.boarding[l]) {
      // Short of money, or of a place on a boat: wait (and work) where they are.
      if (tick - store.since[i] >= patienceTicks) giveUp(i, r, settleDraw);
      continue;
    }
    const mode = modeDraw < market.riskyShare[l] ? Mode.Risky : Mode.Standard;
    const price = market.priceOf(l, mode, params);
    if (store.savings[i] >= price) store.savings[i] -= price;
    else if (credit) {
      // Travel now, pay later: what savings do not cover is owed to the smugglers.
      const owed = price - store.savings[i];
      store.savings[i] = 0;
      store.debt[i] += owed;
      store.lender[i] = Lender.Smugglers;
      ledger.lent[Lender.Smugglers] += owed;
    } else continue; // could afford only the cheaper boats, and got a place on a dearer one
    ledger.paidToSmugglers[l] += price;
    market.sell(l, mode, price);
    leg.revenue[l] += price;
    leg.attempts[l]++;
    const mortality = market.mortality(l, mode, params);
    const u = outcomeDraw;
    if (u < mortality) {
      store.move(i, State.Dead, tick);
      leg.deaths[l]++;
      route.deaths[r]++;
      country.deathsEnRoute[store.origin[i]]++;
      writeOff(run, i);
    } else if (u < mortality + (1 - mortality) * market.interception(l, mode, params)) {
      leg.interceptions[l]++;
      route.interceptions[r]++;
      const outcome = aftermathDraw;
      const detained = world.leg.values.detentionShare[l];
      if (outcome < detained) {
        route.returnedAfterInterception[r]++;
        goHome(i);
      } else if (outcome < detained + world.leg.values.releaseShare[l]) {
        // Let through with an order to leave: the journey goes on.
        route.releasedAfterInterception[r]++;
        store.flags[i] |= Flag.ReturnOrder;
        store.stage[i] = Stage.OnLeg;
        store.timer[i] = tick + clock.daysToTicks(world.legs[l].durationDays);
      } else if (giveUpDraw < params.giveUpAfterInterception) giveUp(i, r, settleDraw);
    } else {
      leg.crossings[l]++;
      const from = world.places[world.legs[l].from].country;
      if (from !== store.origin[i]) country.transitCrossings[from]++;
      store.stage[i] = Stage.OnLeg;
      store.timer[i] = tick + clock.daysToTicks(world.legs[l].durationDays);
    }
  }
  market.settle(run);
}

/** A death ends a debt: the lender loses it. */
function writeOff(run: RunState, i: number): void {
  const { store, ledger, counters } = run;
  if (store.debt[i] <= 0) return;
  ledger.writtenOff[store.lender[i]] += store.debt[i];
  counters.country.count.debtWrittenOff[store.origin[i]] += store.debt[i];
  store.debt[i] = 0;
  store.lender[i] = Lender.None;
}

/** The end of a route: claim asylum, or stay without papers. */
function arrive(run: RunState, i: number, r: number, claimDraw: number): void {
  const { store, world, params, tick, counters, clock } = run;
  const d = world.routes[r].destination;
  const o = store.origin[i];
  counters.route.count.arrivals[r]++;
  counters.country.count.arrivals[d]++;
  const recognition = world.recognitionRate(d, o);
  const claim = params.asylumClaimBase + (1 - params.asylumClaimBase) * recognition;
  if (recognition > 0 && claimDraw < claim) {
    store.move(i, State.AsylumPending, tick);
    store.flags[i] &= ~Flag.ReturnOrder; // a claim suspends any order to leave
    store.timer[i] = tick + clock.monthsToTicks(world.country.values.asylumDecisionMonths[d]);
    counters.country.count.asylumClaims[d]++;
  } else {
    store.move(i, State.Irregular, tick);
  }
}
