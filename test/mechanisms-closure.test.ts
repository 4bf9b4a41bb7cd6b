import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Simulation, type RunResult } from '../src/engine/simulation.js';
import { SmugglerStatus } from '../src/agents/smugglers.js';
import { scenario } from '../src/scenario/builder.js';
import { validateScenario } from '../src/scenario/validate.js';
import { readScenarioFile } from '../src/node/files.js';
import type { Scenario } from '../src/scenario/types.js';
import { sum, table } from './helpers.js';

/**
 * The closure mechanisms of issue 9 (the Aegean after the EU-Turkey
 * Statement), each in a small world against a counterfactual with the same
 * seed and streams (common random numbers).
 */
const run = (s: Scenario, as?: Scenario): RunResult => new Simulation(s, { streamsOf: as?.name }).runFor();

/**
 * Origin -> transit hub -> destination, where the crossing from the hub is
 * mostly stopped (people pushed back re-decide there): the transit country
 * may protect people of the origin.
 */
function closedCrossing(options: { transitRecognition: number }): Scenario {
  return scenario('closed-crossing').starting('2020-01').ticks(24).agents({ scale: 10, origins: ['ORI'] })
    .behaviour({ reconsiderPerYear: 4, aspirationBase: 1, initialSavingsMonths: 24, choiceIrregularConstant: 0 })
    .country({ id: 'ORI', population: 50_000, gdpPerCapita: 2000, wages: { low: 1500, high: 4000 }, unemployment: 0.2, conflict: 0.5 })
    .country({
      id: 'TRA', population: 10_000_000, gdpPerCapita: 8000, wages: { low: 5000, high: 12000 },
      asylum: { decisionMonths: 3, recognition: { default: options.transitRecognition } },
    })
    .country({ id: 'DES', population: 50_000_000, gdpPerCapita: 40_000, wages: { low: 25_000, high: 50_000 }, unemployment: 0.05 })
    .leg({ id: 'ori-tra', from: 'ORI', to: 'TRA', mode: 'land', durationDays: 5, cost: 100, mortality: 0, interception: 0 })
    .leg({ id: 'tra-des', from: 'TRA', to: 'DES', mode: 'sea', durationDays: 2, cost: 300, mortality: 0, interception: 0.8, onInterception: 'pushback' })
    .route({ id: 'main', legs: ['ori-tra', 'tra-des'] })
    .build();
}

describe('settling in a transit country', () => {
  it('where the transit country protects people of the origin, more of those pushed back settle there, and they claim asylum', () => {
    const unprotected = closedCrossing({ transitRecognition: 0 });
    const protectedWorld = validateScenario({ ...closedCrossing({ transitRecognition: 1 }), name: unprotected.name }, 'protected');
    const a = run(unprotected);
    const b = run(protectedWorld, unprotected);
    // Those pushed back again and again no longer go home (their taste for going stays with them), so many settle in both arms.
    expect(sum(b, 'routes', 'settledInTransit', { route: 'main' })).toBeGreaterThan(1.1 * sum(a, 'routes', 'settledInTransit', { route: 'main' }));
    expect(sum(a, 'countries', 'asylumClaims', { country: 'TRA' })).toBe(0);
    expect(sum(b, 'countries', 'asylumClaims', { country: 'TRA' })).toBeGreaterThan(0);
  });
});

describe('the smuggling market', () => {
  it('walks exactly the active smugglers, in the order they entered, and counts them as the leg table does', () => {
    const world = readScenarioFile(join('scenarios', 'facts', 'aegean-2016-statement.yaml'));
    const sim = new Simulation(validateScenario({ ...world, ticks: 24, agents: { ...world.agents, scale: 5000 } }, 'aegean'));
    const r = sim.runFor();
    const books = sim.smugglers.smugglers;
    const active: number[] = [];
    for (let k = 0; k < books.count; k++) if (books.status[k] === SmugglerStatus.Active) active.push(k);
    expect(books.count).toBeGreaterThan(active.length); // some were arrested or left
    expect(Array.from(books.active.subarray(0, books.activeCount))).toEqual(active);
    // The leg table counts those active after the markets phase; nobody leaves between it and the end of the tick.
    const legs = table(r, 'legs');
    const last = legs.rows.filter((row) => Number(row[0]) === 23 && row[2] === 'tur-grc');
    const l = world.legs.findIndex((leg) => leg.id === 'tur-grc');
    expect(Number(last[0][legs.columns.indexOf('smugglers')])).toBe(active.filter((k) => books.leg[k] === l).length);
  });
});
