import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation.js';
import { runFiles } from '../src/io/summary.js';
import { ConservationError } from '../src/metrics/conservation.js';
import { State } from '../src/agents/states.js';
import { loadScenario, mediterranean, scenarioFiles } from './helpers.js';
import { smallWorld } from './worlds.js';

const csvOf = (s: ReturnType<typeof mediterranean>, seed?: number) => {
  const result = new Simulation(s, { seed }).runFor();
  return runFiles(s, result, 'test').filter((f) => f.name.endsWith('.csv'));
};

describe('determinism', () => {
  it('the same scenario and seed give byte-identical CSV output', () => {
    const s = mediterranean({ scale: 4000, ticks: 36 });
    expect(csvOf(s, 7)).toEqual(csvOf(s, 7));
  });

  it('a different seed gives different output', () => {
    const s = mediterranean({ scale: 4000, ticks: 36 });
    const a = csvOf(s, 7).find((f) => f.name === 'routes.csv')!.content;
    const b = csvOf(s, 8).find((f) => f.name === 'routes.csv')!.content;
    expect(a).not.toEqual(b);
  });

  it('a different replication gives different output', () => {
    const s = mediterranean({ scale: 4000, ticks: 24 });
    const a = new Simulation(s, { replication: 0 }).runFor().tables[0].rows;
    const b = new Simulation(s, { replication: 1 }).runFor().tables[0].rows;
    expect(a).not.toEqual(b);
  });

  it('stepping a tick at a time gives the same result as running to the end', () => {
    const s = smallWorld({ ticks: 12 });
    const stepped = new Simulation(s);
    while (!stepped.finished) stepped.step();
    expect(stepped.result().tables).toEqual(new Simulation(s).runFor().tables);
  });
});

describe('conservation', () => {
  it.each(scenarioFiles())('holds every tick of %s', (file) => {
    const sim = new Simulation(loadScenario(file));
    const result = sim.runFor();
    expect(sim.conservationChecks).toBe(result.ticksRun);
    const people = result.agents * result.scale;
    for (const row of result.tables[0].rows) expect(row[row.length - 1]).toBe(people);
  });

  it('catches a person lost without a recorded transition', () => {
    const sim = new Simulation(smallWorld({ ticks: 6 }));
    sim.step();
    sim.store.state[0] = State.Dead; // written around the store's move(): not a counted transition
    expect(() => sim.step()).toThrow(ConservationError);
  });
});
