import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation.js';
import { STATE_NAMES, State } from '../src/agents/states.js';
import { join } from 'node:path';
import { SCENARIOS, loadScenario, mediterranean } from './helpers.js';
import type { Scenario } from '../src/scenario/types.js';

/**
 * The census walks only the list of people away from home and counts those
 * at home as each origin's people less those it counted. Here it is checked,
 * tick by tick, against a count over every person's state.
 */
function checkAgainstEveryone(scenario: Scenario): number {
  const sim = new Simulation(scenario);
  const { store, world } = sim;
  const scale = scenario.agents.scale;
  let away = 0;
  while (!sim.finished) {
    sim.step();
    const byState = new Float64Array(STATE_NAMES.length);
    const atHome = new Float64Array(world.countryCount);
    for (let i = 0; i < store.size; i++) {
      byState[store.state[i]]++;
      if (store.state[i] === State.Home) atHome[store.origin[i]]++;
    }
    const tables = sim.result().tables;
    const population = tables.find((t) => t.name === 'population')!;
    const row = population.rows.at(-1)!;
    STATE_NAMES.forEach((name, s) => expect(row[population.columns.indexOf(name)], `${name} at tick ${row[0]}`).toBe(byState[s] * scale));
    const countries = tables.find((t) => t.name === 'countries')!;
    const tick = row[0];
    for (const r of countries.rows.filter((r) => r[0] === tick)) {
      const c = world.countryIds.indexOf(r[2] as string);
      expect(r[countries.columns.indexOf('atHome')], `atHome of ${r[2]} at tick ${tick}`).toBe(atHome[c] * scale);
    }
    away = Math.max(away, store.size - byState[State.Home]);
  }
  return away;
}

describe('census', () => {
  it('counts by state and people at home by origin as a count over everybody does, every tick', () => {
    // Departures, returns home, deaths and people giving up a queue all pass through the list.
    expect(checkAgainstEveryone(mediterranean({ scale: 4000, ticks: 36 }))).toBeGreaterThan(100);
  });

  it('holds where people are sent back to a transit country and resettled from it', () => {
    const s = loadScenario(join(SCENARIOS, 'eu-turkey-deal.yaml'));
    expect(checkAgainstEveryone({ ...s, ticks: 30, agents: { ...s.agents, scale: s.agents.scale * 4 } })).toBeGreaterThan(100);
  });
});
