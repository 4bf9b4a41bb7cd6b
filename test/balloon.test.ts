import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../src/engine/simulation.js';
import { Simulation } from '../src/engine/simulation.js';
import { parseScenario } from '../src/scenario/load.js';
import { SCENARIOS, sum } from './helpers.js';

/**
 * Squeezing the balloon without any plugin: raise interception on the
 * Libya -> Italy leg in the scenario file itself and compare with the same
 * seed. Nothing moves flows between routes; people choose differently.
 */
describe('raising interception on one leg of the built-in scenario', () => {
  const text = readFileSync(join(SCENARIOS, 'mediterranean.yaml'), 'utf8');
  const line = /- \{ id: lby-ita,.*/;
  const enforced = text.replace(line, (l) => l.replace('interception: 0.1,', 'interception: 0.6,'));
  let baseline: RunResult;
  let variant: RunResult;
  beforeAll(() => {
    expect(enforced).not.toEqual(text);
    baseline = new Simulation(parseScenario(text, 'baseline')).runFor();
    variant = new Simulation(parseScenario(enforced, 'variant')).runFor();
  });
  const arrivals = (r: RunResult, route: string) => sum(r, 'routes', 'arrivals', { route });
  const routes = parseScenario(text, 'baseline').routes;
  const through = routes.filter((r) => r.legs.includes('lby-ita')).map((r) => r.id);
  const others = routes.filter((r) => !r.legs.includes('lby-ita')).map((r) => r.id);

  it('lowers arrivals on the routes through that leg', () => {
    const before = through.reduce((s, r) => s + arrivals(baseline, r), 0);
    const after = through.reduce((s, r) => s + arrivals(variant, r), 0);
    expect(after).toBeLessThan(before * 0.8);
  });

  it('raises arrivals on at least one other route (diversion)', () => {
    const gains = others.map((r) => arrivals(variant, r) - arrivals(baseline, r));
    expect(Math.max(...gains)).toBeGreaterThan(0);
    // The western corridor, the alternative for West Africans, gains overall.
    const western = (r: RunResult) => sum(r, 'routes', 'arrivals', { corridor: 'western' });
    expect(western(variant)).toBeGreaterThan(western(baseline));
  });

  it('deters: fewer attempt the leg, and more of those who do are intercepted', () => {
    const rate = (r: RunResult) => sum(r, 'legs', 'interceptions', { leg: 'lby-ita' }) / sum(r, 'legs', 'attempts', { leg: 'lby-ita' });
    expect(sum(variant, 'legs', 'attempts', { leg: 'lby-ita' })).toBeLessThan(sum(baseline, 'legs', 'attempts', { leg: 'lby-ita' }));
    expect(rate(variant)).toBeGreaterThan(rate(baseline));
  });
});
