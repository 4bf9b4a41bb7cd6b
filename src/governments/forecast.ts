import type { ObjectiveWeights } from '../scenario/types.js';
import { recentSlope } from './decision.js';
import type { Figures } from './figures.js';
import { steadyAchieved } from './production.js';
import type { GovernmentStore, InstrumentStore } from './store.js';

/** What a forecast needs besides the stores: the government's lagged figures and the state of its capacities. */
export interface ForecastInputs {
  figures: Figures;
  weights: ObjectiveWeights;
  neighbourTightening: number;
  governance: number;
  /** Level an instrument reaches with no effort (the scenario's value: mean over its legs for interception). */
  base: number;
  /** Money a year the government can put into this instrument at most. */
  affordable: number;
  returnHorizonYears: number;
  /** Years between two of the government's reviews (the window a quota's figures cover). */
  reviewYears: number;
  /** Whether an interception instrument's legs include legs entering its country (arrivals) and legs leaving it (takings and deaths). */
  entering: boolean;
  leaving: boolean;
}

/**
 * The change of payoff a government expects if it moves an instrument from
 * its level to `candidate`, from the recent response of its own figures:
 * - interception: those who cross get through at (1 - interception), so
 *   arrivals (legs entering its territory), smugglers' takings and deaths
 *   (legs leaving it) scale with (1 - i') / (1 - i), at the steady level its
 *   spending would buy; plus the spending itself;
 * - returnCooperation: each point of cooperation returns that share of the
 *   return attempts on its nationals, and each return costs the remittances
 *   of a national abroad for returnHorizonYears; plus the spending;
 * - quota: places are filled at the recent fill rate, and a filled place
 *   overstays at the recent overstay share (Laplace-smoothed);
 * - aid: its cost;
 * - inspection: the slope of payoff on the level over the recent reviews
 *   (what shutting unlicensed recruiters does to its nationals' debt is learnt,
 *   not known), plus the spending;
 * - recognition and visa: the slope of payoff on the level over the recent reviews.
 */
export function forecastChange(k: number, candidate: number, g: GovernmentStore, ins: InstrumentStore, x: ForecastInputs): number {
  const spec = ins.specs[k];
  const level = ins.level[k];
  const f = x.figures;
  const w = x.weights;
  const spendAt = (effort: number) => Math.min(effort * spec.costPerYear, x.affordable);
  const gi = ins.government[k];
  const leak = g.leakage[gi];
  switch (spec.kind) {
    case 'interception': {
      const now = steadyAchieved(x.base, x.governance, spendAt(level), leak, spec.costPerYear);
      const next = steadyAchieved(x.base, x.governance, spendAt(candidate), leak, spec.costPerYear);
      const ratio = (1 - next) / Math.max(1e-9, 1 - now) - 1;
      const arrivals = x.entering ? f.arrivals * ratio : 0;
      return (w.arrivals + w.pressure * (1 + x.neighbourTightening)) * arrivals / 1e3
        + (x.leaving ? w.borderIncome * f.borderIncome * ratio / 1e6 + w.deaths * f.deaths * ratio / 1e2 : 0)
        + w.spending * (spendAt(candidate) - spendAt(level)) / 1e6;
    }
    case 'returnCooperation': {
      const now = steadyAchieved(x.base, x.governance, spendAt(level), leak, spec.costPerYear);
      const next = steadyAchieved(x.base, x.governance, spendAt(candidate), leak, spec.costPerYear);
      const returns = f.returnAttempts * (next - now);
      const remittancePerNational = f.abroad > 0 ? f.remittances / f.abroad : 0;
      return w.returnsReceived * returns / 1e3 - w.remittances * returns * remittancePerNational * x.returnHorizonYears / 1e6
        + w.spending * (spendAt(candidate) - spendAt(level)) / 1e6;
    }
    case 'quota': {
      const fill = level > 0 ? Math.min(1, ins.admitted[k] / (level * x.reviewYears)) : 1;
      const overstayShare = (ins.overstayed[k] + 1) / (ins.overstayed[k] + ins.leftOnTime[k] + 2);
      const workers = (candidate - level) * fill;
      return (w.workers + w.overstays * overstayShare) * workers / 1e3;
    }
    case 'aid':
      return w.spending * (candidate - level) / 1e6;
    case 'inspection':
      return recentSlope(ins.pastLevels[k], ins.pastPayoffs[k]) * (candidate - level) + w.spending * (spendAt(candidate) - spendAt(level)) / 1e6;
    default:
      return recentSlope(ins.pastLevels[k], ins.pastPayoffs[k]) * (candidate - level);
  }
}
