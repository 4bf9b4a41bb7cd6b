import { Flag, Stage, State } from '../agents/states.js';
import type { RunState } from '../engine/run-state.js';
import { Lender } from './ledger.js';
import { arriveOnPermit } from './permits.js';
import { Mode } from './smuggling.js';
import { TransitChoice, type WayOn } from './transit-choice.js';
import { readmissionApplies } from './return-risk.js';
import { claimOutlook } from './asylum-stay.js';

/**
 * Movement phase: people whose papers are processed travel to their
 * destination; people who have arranged an irregular journey set off; people
 * in transit attempt legs one by one. Where smugglers work a leg, a person
 * waits for a place on a boat (the leg's boarding chance), gets a standard or
 * a risky crossing by the smugglers' mix, and pays for the leg's contract
 * (each try, a package of tries, or on success), in cash or, where smugglers
 * allow it, partly on credit. An attempt ends in death, interception (pushed
 * back to the leg's start, detained and returned home, or let through with an
 * order to leave) or a crossing. Whoever is pushed back, cannot afford the
 * boat on offer, or is readmitted to a transit country weighs the journey
 * again before the next try (TransitChoice); whoever reaches a hub from
 * which several ways lead on picks one there; and now and then, so does
 * whoever waits at a leg's start for money, a place on a boat or a
 * resettlement place they applied for (who does not try the crossing).
 */
export function travel(run: RunState): void {
  const { store, world, clock, params, tick, counters, smuggling: market, ledger } = run;
  const streams = run.streams.family('movement', world.routes.map((r) => r.id));
  const leg = counters.leg.count;
  const route = counters.route.count;
  const country = counters.country.count;
  const transit = new TransitChoice(world);
  const reconsider = clock.perTick(params.reconsiderPerYear);

  const goHome = (i: number) => {
    store.move(i, State.Returned, tick);
    store.location[i] = store.home[i];
    store.triesLeft[i] = 0;
    country.savingsBroughtHome[store.origin[i]] += store.savings[i];
  };
  /** Weighs the journey again; false if the person leaves it (settles, or goes home). */
  const follow = (i: number, way: WayOn) => {
    const r = store.option[i];
    if (way.route === r && way.leg === store.legIndex[i]) return;
    route.switchedAway[r]++;
    store.option[i] = way.route;
    store.legIndex[i] = way.leg;
    store.destination[i] = world.routes[way.route].destination;
    store.triesLeft[i] = 0;
  };
  const redecide = (i: number, draw: number, claimDraw: number): boolean => {
    const r = store.option[i];
    const choice = transit.choose(run, i, draw);
    if (typeof choice === 'object') {
      // Going on after all: whoever applied for resettlement leaves the queue.
      run.resettlement?.withdraw(run, i);
      follow(i, choice);
      return true;
    }
    if (choice === 'wait') return false;
    route.gaveUp[r]++;
    if (choice === 'settle') {
      const here = world.places[store.location[i]].country;
      if (!claimAsylum(run, i, here, -1, claimDraw)) store.move(i, State.Irregular, tick);
      store.destination[i] = here;
      store.triesLeft[i] = 0;
      route.settledInTransit[r]++;
      country.arrivals[here]++;
    } else goHome(i);
    return false;
  };
  /** Pays for a contract on leg l, in cash or on the smugglers' credit; false if the person cannot. */
  const pay = (i: number, l: number, mode: number, price: number, credit: boolean): boolean => {
    if (store.savings[i] >= price) store.savings[i] -= price;
    else if (credit) {
      // Travel now, pay later: what savings do not cover is owed to the smugglers.
      const owed = price - store.savings[i];
      store.savings[i] = 0;
      store.debt[i] += owed;
      store.lender[i] = Lender.Smugglers;
      ledger.lent[Lender.Smugglers] += owed;
    } else return false;
    ledger.paidToSmugglers[l] += price;
    market.receive(l, mode, price);
    leg.revenue[l] += price;
    return true;
  };

  for (let k = 0; k < store.activeCount; k++) {
    const i = store.active[k];
    const s = store.state[i];
    if (s === State.Preparing) {
      if (store.timer[i] > tick) continue;
      const stage = store.stage[i];
      if (stage === Stage.Processing) {
        arriveOnPermit(run, i, store.option[i]);
        country.emigrants[store.origin[i]]++;
      } else if (stage === Stage.Arranging) {
        const r = store.option[i];
        store.move(i, State.InTransit, tick);
        store.stage[i] = Stage.AtLegStart;
        store.legIndex[i] = 0;
        store.triesLeft[i] = 0;
        store.location[i] = world.routes[r].start;
        route.departures[r]++;
        country.emigrants[store.origin[i]]++;
      }
      continue;
    }
    if (s !== State.InTransit) continue;

    if (store.stage[i] === Stage.OnLeg && store.timer[i] > tick) continue;
    // Seven draws for everybody who acts, whatever happens, so travellers' numbers line up across a baseline and its variant.
    const rng = streams[store.option[i]];
    const claimDraw = rng.uniform();
    const boardingDraw = rng.uniform();
    const modeDraw = rng.uniform();
    const outcomeDraw = rng.uniform();
    const aftermathDraw = rng.uniform();
    const waitDraw = rng.uniform();
    const choiceDraw = rng.uniform();
    let redecided = false;
    if (store.stage[i] === Stage.OnLeg) {
      const legs = world.routes[store.option[i]].legs;
      const l = legs[store.legIndex[i]];
      store.location[i] = world.legs[l].to;
      if (store.legIndex[i] + 1 === legs.length) {
        arrive(run, i, store.option[i], claimDraw);
        continue;
      }
      store.legIndex[i]++;
      store.stage[i] = Stage.AtLegStart;
      store.since[i] = tick;
      // A hub where several ways lead on is where one picks the next, from what one sees there.
      if (transit.isJunction(store.location[i])) {
        follow(i, transit.chooseWay(run, i, choiceDraw));
        redecided = true;
      }
      // Falls through: the next leg may be attempted in the same tick.
    }

    if (store.flags[i] & Flag.Redecide) {
      store.flags[i] &= ~Flag.Redecide;
      redecided = true;
      if (!redecide(i, choiceDraw, claimDraw)) continue;
    }
    if (run.resettlement?.holds(i)) {
      // Waiting for a resettlement place rather than trying the crossing, and now and then thinking again.
      if (!redecided && waitDraw < reconsider) redecide(i, choiceDraw, claimDraw);
      continue;
    }
    const r = store.option[i];
    const l = world.routes[r].legs[store.legIndex[i]];
    const spec = world.legs[l].smuggling;
    const prepaid = store.triesLeft[i] > 0;
    const credit = spec?.payLater === true && (store.lender[i] === Lender.None || store.lender[i] === Lender.Smugglers);
    const cheapest = market.priceOf(l, market.riskyShare[l] > 0 ? Mode.Risky : Mode.Standard, params);
    if ((!prepaid && !credit && store.savings[i] < cheapest) || boardingDraw >= market.boarding[l]) {
      // Short of money, or of a place on a boat: wait (and work) where they are, and now and then think again.
      if (!redecided && waitDraw < reconsider) redecide(i, choiceDraw, claimDraw);
      continue;
    }
    const mode = modeDraw < market.riskyShare[l] ? Mode.Risky : Mode.Standard;
    const price = market.priceOf(l, mode, params);
    const onSuccess = spec?.contract === 'on-success';
    if (prepaid) store.triesLeft[i]--;
    else if (onSuccess ? store.savings[i] < price && !credit : !pay(i, l, mode, price, credit)) {
      // Could afford only the cheaper boats, and got a place on a dearer one: a failure to weigh.
      store.flags[i] |= Flag.Redecide;
      continue;
    } else if (spec?.contract === 'package') store.triesLeft[i] = spec.attempts - 1;
    market.carry(l, mode);
    leg.attempts[l]++;
    const mortality = market.mortality(l, mode, params);
    const u = outcomeDraw;
    if (u < mortality) {
      store.move(i, State.Dead, tick);
      store.triesLeft[i] = 0;
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
        store.triesLeft[i] = 0;
        store.stage[i] = Stage.OnLeg;
        store.timer[i] = tick + clock.daysToTicks(world.legs[l].durationDays);
      } else store.flags[i] |= Flag.Redecide; // pushed back: think again before the next try
    } else {
      if (onSuccess && !prepaid) pay(i, l, mode, price, credit);
      leg.crossings[l]++;
      const from = world.places[world.legs[l].from].country;
      if (from !== store.origin[i]) country.transitCrossings[from]++;
      store.triesLeft[i] = 0;
      store.stage[i] = Stage.OnLeg;
      store.timer[i] = tick + clock.daysToTicks(world.legs[l].durationDays);
    }
  }
  market.settle(run);
}

/** Claims asylum in d, arrived by `lastLeg` (-1: not at a route's end), as its worth against staying without papers decides (claimOutlook); false if the person does not. */
function claimAsylum(run: RunState, i: number, d: number, lastLeg: number, claimDraw: number): boolean {
  const { store, world, tick, counters, clock } = run;
  if (claimDraw >= claimOutlook(run, d, store.origin[i], store.skill[i], lastLeg).chance) return false;
  store.move(i, State.AsylumPending, tick);
  store.flags[i] &= ~Flag.ReturnOrder; // a claim suspends any order to leave
  store.timer[i] = tick + clock.monthsToTicks(world.country.values.asylumDecisionMonths[d]);
  counters.country.count.asylumClaims[d]++;
  return true;
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

/**
 * The end of a route: claim asylum, or stay without papers. Where the last
 * leg has a readmission arrangement, those who do not claim are ordered to
 * leave on arrival (the EU-Turkey statement's terms).
 */
function arrive(run: RunState, i: number, r: number, claimDraw: number): void {
  const { store, world, tick, counters } = run;
  const d = world.routes[r].destination;
  counters.route.count.arrivals[r]++;
  counters.country.count.arrivals[d]++;
  const legs = world.routes[r].legs;
  if (!claimAsylum(run, i, d, legs[legs.length - 1], claimDraw)) {
    store.move(i, State.Irregular, tick);
    if (readmissionApplies(world, legs[legs.length - 1], d)) {
      store.flags[i] |= Flag.ReturnOrder;
      counters.country.count.returnOrders[d]++;
    }
  }
}
