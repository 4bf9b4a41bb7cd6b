import { NONE } from '../agents/store.js';
import type { RunState } from '../engine/run-state.js';

/**
 * What a person can raise for a journey: their wealth, credit at home
 * (family and lenders, in months of home income) and, for one with a close
 * relative abroad, a loan from that relative, who lends out of what they save
 * there. Migrants abroad finance relatives' journeys: in Mexican communities
 * much of the cost of a crossing is paid by family in the US (McKenzie &
 * Rapoport 2007, JDE 84; Dolfin & Genicot 2010, RDE 14: family networks act
 * partly as a source of credit, less for asset holders); so what a tie can
 * lend is in the destination's money, not the origin's.
 */
export function meansOf(run: RunState, i: number): number {
  const { store, params, prospects, homeSavings } = run;
  const monthly = prospects.homeIncome[store.origin[i] * 2 + store.skill[i]] / 12;
  const tie = store.tie[i];
  const fromTie = tie === NONE ? 0 : params.tieLendingYears * params.savingRateAbroad * prospects.regularIncome[tie * 2];
  return homeSavings.effective(store, i) + monthly * params.creditMonths + fromTie;
}
