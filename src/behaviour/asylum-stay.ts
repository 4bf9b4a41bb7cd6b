import type { RunState } from '../engine/run-state.js';
import { readmissionApplies } from './return-risk.js';

/** What arriving in a destination is worth, claiming asylum or not, and the chance one claims. */
export interface ClaimOutlook {
  /** Chance of claiming: none where nobody is recognised. */
  chance: number;
  /** Value of claiming and of staying without papers: mean log income over home, across the horizon. */
  claim: number;
  stay: number;
  /** What arriving is worth with the choice still to make (its inclusive value), in the same units. */
  value: number;
}

/**
 * The claim decision of one of origin o and skill s arriving in d (by
 * `lastLeg`; -1: not by a route), weighed on what each course is worth over
 * the horizon (returnHorizonYears), in years-share of log income over home:
 * - claiming: protected from removal while the claim is pending (the
 *   destination's decision months), living on its reception support (or, where
 *   it gives none, on irregular work); then protected, with regular work, at
 *   the recognition rate, or rejected and ordered to leave at once: removed at
 *   the rate return attempts reach those ordered (capacity against them, plus
 *   any readmission arrangement on the last leg) if the origin cooperates,
 *   else released without papers like anyone irregular;
 * - not claiming: irregular work, exposed to apprehension from the start
 *   (ReturnRisk.stayShare).
 * The choice between them is a logit on the utility of income (choiceIncome)
 * at the scale of the innermost nest of the choice to move (choiceNestSimilarity
 * × choiceRouteSimilarity): claiming or not is a way to stay after the same
 * journey, no less close a substitute than two crossings into one country.
 * So a weak claim is made for the months of support and protection it gives,
 * and an accelerated procedure takes them away (Guichard & Machado 2024 on
 * safe-origin lists; Bertoli, Brücker & Fernández-Huertas Moraga 2022: longer
 * processing cuts applications overall and raises those from origins with low
 * recognition), while a slow one delays a refugee's regular work.
 */
export function claimOutlook(run: RunState, d: number, o: number, s: number, lastLeg: number): ClaimOutlook {
  const { world, params, prospects, returns, clock } = run;
  const home = prospects.homeIncome[o * 2 + s];
  const gain = (income: number) => Math.log(Math.max(income, 1) / home);
  const irregular = gain(prospects.irregularIncome[d * 2 + s]);
  const withoutClaim = returns.stayShare(run, d, o, lastLeg, 0);
  const stay = irregular * withoutClaim;
  const rec = world.recognitionRate(d, o);
  if (rec === 0) return { chance: 0, claim: stay, stay, value: stay };

  const horizon = params.returnHorizonYears;
  const pending = Math.min(horizon, world.country.values.asylumDecisionMonths[d] / 12);
  const after = horizon - pending;
  const rate = (p: number) => -Math.log(1 - Math.min(p, 0.999)) * clock.ticksPerYear;
  let attempt = rate(returns.attemptChance[d]);
  if (lastLeg >= 0 && readmissionApplies(world, lastLeg, d)) attempt += rate(returns.readmissionChance[lastLeg]);
  const years = (hazard: number) => (hazard * after < 1e-9 ? after : (1 - Math.exp(-hazard * after)) / hazard);
  const cooperation = world.country.values.returnCooperation[o];
  const rejectedYears = cooperation * years(attempt) + (1 - cooperation) * after * withoutClaim;
  const claim = (pending * gain(prospects.pendingIncome(d, s)) + rec * after * gain(prospects.regularIncome[d * 2 + s]) + (1 - rec) * rejectedYears * irregular) / horizon;
  const scale = params.choiceIncome / (params.choiceNestSimilarity * params.choiceRouteSimilarity);
  const best = Math.max(claim, stay);
  const [c, n] = [Math.exp(scale * (claim - best)), Math.exp(scale * (stay - best))];
  return { chance: c / (c + n), claim, stay, value: best + Math.log(c + n) / scale };
}

/**
 * What a stay at a route's end is worth, the term a route's utility
 * multiplies by choiceIncome: the inclusive value of claiming or not
 * (claimOutlook), so a course made better can never lower it. How long a
 * procedure takes, what a claimant lives on meanwhile and how fast rejected
 * claimants are removed enter the decision to go.
 */
export function routeStayValue(run: RunState, route: number, o: number, s: number): number {
  const r = run.world.routes[route];
  return claimOutlook(run, r.destination, o, s, r.legs[r.legs.length - 1]).value;
}
