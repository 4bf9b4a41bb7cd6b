import { NONE } from '../agents/store.js';
import { State } from '../agents/states.js';
import type { RunState } from '../engine/run-state.js';
import { ageAspirationOf } from './decisions.js';

/**
 * Whether someone whose permit ends wishes to stay on at all. Staying on
 * without papers is a permanent move, and the question the aspiration model
 * at home rests on (Gallup World Poll: "would you like to move permanently to
 * another country?") asks about just that; most who go abroad for a visit, a
 * season or a study do not wish to settle, and only those who do weigh the
 * overstay itself (Carling 2002: aspiration before ability). The wish is
 * formed as at home, from the origin's circumstances, age and ties; and ties
 * grow with time spent abroad (location-specific capital, tiesAbroadPerYear),
 * so a longer stay makes staying on likelier.
 *
 * Returns the chance that person i, at the end of a stay in `channel`, wishes
 * to stay on and, weighing it (`overstayUtility`: log-odds before any tie at
 * the destination), does: averaged over having formed a tie there or not.
 */
export function stayOnChance(run: RunState, i: number, channel: number, overstayUtility: number): number {
  const { store, world, params, prospects } = run;
  const d = world.channels[channel].destination;
  const aspiration = prospects.aspiration[store.home[i] * 2 + store.skill[i]] + ageAspirationOf(params, store.ageBand[i]);
  const tieHere = store.tie[i] === d;
  const tieAnywhere = store.tie[i] !== NONE;
  // A permanent permit is a stay without end (0 × ∞: no ties form when none ever do).
  const exposure = params.tiesAbroadPerYear * yearsAbroad(run, i, channel) || 0;
  const formed = tieHere ? 1 : 1 - Math.exp(-exposure);
  const stays = (tie: boolean) => logistic(aspiration + (tie || tieAnywhere ? params.aspirationNetwork : 0))
    * logistic(overstayUtility + (tie ? params.choiceNetwork : 0));
  return formed * stays(true) + (1 - formed) * stays(false);
}

/** Years abroad at the permit's end: since arrival for someone there, the permit's length for an applicant being screened. */
function yearsAbroad(run: RunState, i: number, channel: number): number {
  const { store, world, clock, tick } = run;
  if (store.state[i] === State.AbroadRegular) return (tick - store.since[i]) / clock.ticksPerYear;
  const months = world.channel.values.stayMonths[channel];
  return Number.isFinite(months) ? months / 12 : Number.POSITIVE_INFINITY;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
