import type { RunState } from '../engine/run-state.js';
import type { BehaviourParameters } from './parameters.js';
import { readmissionApplies } from './return-risk.js';

/** The chance that one arriving where recognition is `recognition` claims asylum: none where nobody is recognised. */
export function claimChance(params: BehaviourParameters, recognition: number): number {
  return recognition > 0 ? params.asylumClaimBase + (1 - params.asylumClaimBase) * recognition : 0;
}

/**
 * What a stay at a route's end is worth: log of the mean income abroad over
 * home, times the share of the horizon (returnHorizonYears) spent abroad (the
 * term a route's utility multiplies by choiceIncome). Without a procedure to
 * wait for or removals, this is the income a route promises
 * (Prospects.routeIncome) over the whole horizon, as before.
 *
 * An arrival claims asylum with the chance the claim rule gives (see travel)
 * or stays without papers. A claimant cannot be removed while the claim is
 * pending (the destination's decision months), earning an irregular income
 * meanwhile; then is protected (recognition rate) for the rest of the horizon,
 * or rejected and ordered to leave at once: removed at the rate return
 * attempts reach those ordered (capacity against them, plus any readmission
 * arrangement on the last leg) if the origin cooperates, else released
 * without papers like anyone irregular. One who does not claim is exposed to
 * apprehension from the start (ReturnRisk.stayShare). So how long a procedure
 * takes, and how fast rejected claimants are removed, enter the decision to
 * go: an accelerated procedure for a "safe" origin takes away months a weak
 * claim was worth, and a slow one delays a refugee's regular work (Guichard &
 * Machado 2024 on safe-origin lists; Bertoli, Brücker & Fernández-Huertas
 * Moraga 2022 on processing times).
 */
export function routeStayValue(run: RunState, route: number, o: number, s: number): number {
  const { world, params, prospects, returns, clock } = run;
  const r = world.routes[route];
  const d = r.destination;
  const lastLeg = r.legs[r.legs.length - 1];
  const home = prospects.homeIncome[o * 2 + s];
  const promised = prospects.routeIncome(route, o, s);
  const rec = world.recognitionRate(d, o);
  const claim = claimChance(params, rec);
  const withoutClaim = returns.stayShare(run, d, o, lastLeg, 0);
  if (claim === 0) return Math.log(promised / home) * withoutClaim;

  const horizon = params.returnHorizonYears;
  const pending = Math.min(horizon, world.country.values.asylumDecisionMonths[d] / 12);
  const after = horizon - pending;
  const rate = (p: number) => -Math.log(1 - Math.min(p, 0.999)) * clock.ticksPerYear;
  let attempt = rate(returns.attemptChance[d]);
  if (readmissionApplies(world, lastLeg, d)) attempt += rate(returns.readmissionChance[lastLeg]);
  const years = (hazard: number) => (hazard * after < 1e-9 ? after : (1 - Math.exp(-hazard * after)) / hazard);
  const cooperation = world.country.values.returnCooperation[o];
  const rejectedYears = cooperation * years(attempt) + (1 - cooperation) * after * withoutClaim;
  const abroad = claim * (pending + rec * after + (1 - rec) * rejectedYears) / horizon + (1 - claim) * withoutClaim;
  // Months pending are spent at an irregular income; the rest of the stay at the income the route promises.
  const pendingShare = Math.min(1, (claim * pending) / (horizon * abroad));
  const income = pendingShare * prospects.irregularIncome[d * 2 + s] + (1 - pendingShare) * promised;
  return Math.log(income / home) * abroad;
}
