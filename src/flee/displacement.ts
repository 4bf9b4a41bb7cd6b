import { FleeFormatError } from './errors.js';
import type { FleeRunState } from './run-state.js';
import { campIndices, observedOn, type FleeScenario } from './scenario.js';
import type { FleeSettings } from './settings.js';
import { DATA_LAYOUT } from './validation-data.js';

/** Who is displaced when: fixed by the UNHCR counts before a run starts, so the store can be sized once. */
export interface DisplacementSchedule {
  /** The observed total each day: the camps' counts summed (sum_from_camps) or the `total` series. */
  observedTotal: Float64Array;
  /** Agents displaced from conflict zones each day. */
  agentsByDay: Float64Array;
  /** Agents in each place before day 0: the camps' day-0 counts (insert_day0). */
  initialByPlace: Float64Array;
  /** Everybody the run will hold. */
  totalAgents: number;
}

/**
 * The displacement schedule. Each day brings as many newly displaced people as
 * the rise in the observed total since the day before; a fall is carried as a
 * debt that later rises pay off first. On day 0 the camps start with their
 * observed counts (or, without insert_day0, those people are displaced on
 * day 0). Persons become agents of `hasten` persons, carrying remainders.
 */
export function displacementSchedule(scenario: FleeScenario, settings: FleeSettings): DisplacementSchedule {
  const rules = settings.spawn_rules;
  const perAgent = settings.optimisations.hasten;
  const days = scenario.days;
  const series = rules.sum_from_camps ? scenario.observedSeries : scenario.observedTotal ? [scenario.observedTotal] : [];
  if (series.length === 0) {
    throw new FleeFormatError(scenario.name, [{ file: DATA_LAYOUT, expected: 'a row "total" naming the total counts (the settings say sum_from_camps: false)', found: 'none' }]);
  }
  const observedTotal = new Float64Array(days);
  for (let d = 0; d < days; d++) for (const s of series) observedTotal[d] += observedOn(s, d);

  const initialByPlace = new Float64Array(scenario.places.length);
  if (rules.insert_day0 && !rules.empty_camps_on_day0) {
    for (const p of campIndices(scenario)) {
      const s = scenario.observedSeries.find((x) => x.name === scenario.places[p].name);
      if (s) initialByPlace[p] = Math.floor(observedOn(s, 0) / perAgent);
    }
  }
  const agentsByDay = new Float64Array(days);
  let debt = 0;
  let carry = 0;
  for (let d = 0; d < days; d++) {
    let persons = d === 0 ? (rules.insert_day0 ? 0 : observedTotal[0]) : observedTotal[d] - observedTotal[d - 1] - debt;
    debt = persons < 0 ? -persons : 0;
    persons = Math.max(0, persons) + carry;
    agentsByDay[d] = Math.floor(persons / perAgent);
    carry = persons - agentsByDay[d] * perAgent;
  }
  const totalAgents = initialByPlace.reduce((a, b) => a + b, 0) + agentsByDay.reduce((a, b) => a + b, 0);
  return { observedTotal, agentsByDay, initialByPlace, totalAgents };
}

/**
 * Decisions phase: the day's newly displaced people appear at conflict zones,
 * each drawn by spawn weight (population × intensity × decay). When no place
 * is at conflict they wait for the next day that has one.
 */
export function displace(run: FleeRunState): void {
  const { state, agents, day, population, transitions } = run;
  const due = run.schedule.agentsByDay[day] + run.waiting;
  if (due === 0) return;
  if (state.spawnTotal <= 0) {
    run.waiting = due;
    return;
  }
  run.waiting = 0;
  const rng = run.streams.stream('displacement');
  const perAgent = run.settings.optimisations.hasten;
  const takeFromPopulation = run.settings.spawn_rules.take_from_population;
  for (let k = 0; k < due; k++) {
    const p = state.pickSpawnPlace(rng.uniform() * state.spawnTotal);
    agents.add(p, day);
    transitions[p + 1]++; // from stock 0, not yet displaced
    if (takeFromPopulation) population[p] = Math.max(0, population[p] - perAgent);
  }
}
