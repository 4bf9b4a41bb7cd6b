import type { RunState } from '../engine/run-state.js';
import { readmissionApplies } from './return-risk.js';

/**
 * What a stay at a route's end is worth, in log income over home times the
 * share of the horizon (returnHorizonYears) spent abroad: the term a route's
 * utility multiplies by choiceIncome.
 *
 * An arrival claims asylum with the chance the claim rule gives (see travel)
 * or stays without papers. A claimant cannot be removed while the claim is
 * pending (the destination's decision months), earning what an asylum seeker
 * earns there meanwhile; then is protected (recognition rate: regular income
 * for the rest of the horizon) or rejected and ordered to leave at once,
 * removed at the rate return attempts reach those ordered (capacity against
 * them, plus any readmission arrangement on the last leg) if the origin
 * cooperates, else released without papers like anyone irregular. One who does not claim is exposed to apprehension from the
 * start (ReturnRisk.stayShare). So how long a procedure takes, and how fast
 * rejected claimants are removed, enter the decision to go: an accelerated
 * procedure for a "safe" origin takes away the months a claim was worth
 * (Guichard & Machado 2024 on safe-origin lists; Hatton 2009 on processing
 * and deterrence).
 */
export function routeStayValue(run: RunState, route: number, o: number, s: number): number {
  const { world, params, prospects, returns, clock } = run;
  const r = world.routes[route];
  const d = r.destination;
  const lastLeg = r.legs[r.legs.length - 1];
  const home = prospects.homeIncome[o * 2 + s];
  const irregular = Math.log(prospects.irregularIncome[d * 2 + s] / home);
  const regular = Math.log(prospects.regularIncome[d * 2 + s] / home);
  const rec = world.recognitionRate(d, o);
  const claim = rec > 0 ? params.asylumClaimBase + (1 - params.asylumClaimBase) * rec : 0;
  const withoutClaim = irregular * returns.stayShare(run, d, o, lastLeg, 0);
  if (claim === 0) return withoutClaim;

  const horizon = params.returnHorizonYears;
  const pending = Math.min(horizon, world.country.values.asylumDecisionMonths[d] / 12);
  const after = horizon - pending;
  // A rejected claimant is ordered to leave at once (no apprehension needed): removed at the attempt rate if
  // the origin cooperates with that attempt, else released without papers, as exposed as anyone irregular.
  const rate = (p: number) => -Math.log(1 - Math.min(p, 0.999)) * clock.ticksPerYear;
  let attempt = rate(returns.attemptChance[d]);
  if (readmissionApplies(world, lastLeg, d)) attempt += rate(returns.readmissionChance[lastLeg]);
  const years = (hazard: number) => (hazard * after < 1e-9 ? after : (1 - Math.exp(-hazard * after)) / hazard);
  const cooperation = world.country.values.returnCooperation[o];
  const rejectedYears = cooperation * years(attempt) + (1 - cooperation) * after * returns.stayShare(run, d, o, lastLeg, 0);
  const withClaim = (pending * irregular + rec * after * regular + (1 - rec) * rejectedYears * irregular) / horizon;
  return claim * withClaim + (1 - claim) * withoutClaim;
}
