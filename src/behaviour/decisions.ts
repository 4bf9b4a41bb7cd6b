import { Stage, State } from '../agents/states.js';
import { NONE } from '../agents/store.js';
import type { RunState } from '../engine/run-state.js';
import type { BehaviourParameters } from './parameters.js';

/** Added log-odds of aspiring, by age band: the young move most (Rogers-Castro age schedule). */
function ageAspiration(params: BehaviourParameters): Float64Array {
  return Float64Array.of(params.aspirationChild, params.aspirationYoung, 0, params.aspirationOld);
}

/**
 * Decisions phase: a share of the people at home (and returnees) reconsider.
 * Aspiration first (income gap, unemployment, conflict, climate, ties, age);
 * then capability (savings plus credit must cover an option's up-front cost);
 * then a logit choice among staying, each eligible legal channel with places
 * left (as they stood at the start of the phase), and each irregular route from the home place.
 */
export function decide(run: RunState): void {
  const { store, prospects, params, clock, tick, world, quotas, counters } = run;
  run.prospects.update(params, clock);
  const rng = run.streams.stream('decisions');
  const reconsider = clock.perTick(params.reconsiderPerYear);
  const age = ageAspiration(params);
  const placesLeft = world.channels.map((_, ch) => quotas.placesLeft(run, ch));
  const utilities = new Float64Array(prospects.options.reduce((m, o) => Math.max(m, o.length), 1));
  const state = store.state;
  const monthlyIncomeFactor = 1 / 12;

  let skip = rng.geometric(reconsider);
  for (let i = 0; i < store.size; i++) {
    const s = state[i];
    if (s !== State.Home && s !== State.Returned) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    skip = rng.geometric(reconsider);

    const key = store.home[i] * 2 + store.skill[i];
    const options = prospects.options[key];
    if (options.length === 0) continue;
    const hasTie = store.tie[i] !== NONE;
    const logit = prospects.aspiration[key] + age[store.ageBand[i]] + (hasTie ? params.aspirationNetwork : 0);
    if (rng.uniform() * (1 + Math.exp(-logit)) >= 1) continue;

    const origin = store.origin[i];
    const monthly = prospects.homeIncome[origin * 2 + store.skill[i]] * monthlyIncomeFactor;
    const means = store.savings[i] + monthly * (hasTie ? params.creditMonthsWithTie : params.creditMonths);
    const stay = prospects.stayUtility[origin];
    let max = stay;
    for (let k = 0; k < options.length; k++) {
      const opt = options[k];
      if (opt.upfrontCost > means || (opt.kind === 'channel' && placesLeft[opt.index] < 1)) {
        utilities[k] = Number.NEGATIVE_INFINITY;
        continue;
      }
      const u = opt.utility
        - params.choiceCost * (opt.expectedCost / Math.max(means, 1))
        - params.choiceDeath * opt.deathRisk * (1 - store.riskTolerance[i])
        + (store.tie[i] === opt.destination ? params.choiceNetwork : 0);
      utilities[k] = u;
      if (u > max) max = u;
    }
    let total = Math.exp(stay - max);
    for (let k = 0; k < options.length; k++) total += Math.exp(utilities[k] - max);
    let draw = rng.uniform() * total - Math.exp(stay - max);
    if (draw < 0) continue;
    let chosen = -1;
    for (let k = 0; k < options.length; k++) {
      draw -= Math.exp(utilities[k] - max);
      if (draw < 0) {
        chosen = k;
        break;
      }
    }
    if (chosen < 0) continue; // rounding at the very top of the draw: treat as staying
    const opt = options[chosen];
    store.move(i, State.Preparing, tick);
    store.option[i] = opt.index;
    store.destination[i] = opt.destination;
    if (opt.kind === 'channel') {
      store.stage[i] = Stage.Queued;
      quotas.apply(opt.index, i);
      counters.channel.count.applications[opt.index]++;
    } else {
      store.stage[i] = Stage.Arranging;
      store.timer[i] = tick + Math.round((params.arrangeMonths * clock.ticksPerYear) / 12);
    }
  }
}
