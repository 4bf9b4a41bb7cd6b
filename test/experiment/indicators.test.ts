import { describe, expect, it } from 'vitest';
import type { PolicyEvent } from '../../src/engine/events.js';
import { Simulation, type RunResult } from '../../src/engine/simulation.js';
import { indicators, indicatorsNamed, registerIndicator, targetedRoutes, type ComparisonIndicator, type RunIndicator } from '../../src/metrics/indicators.js';
import { mediterranean, sum } from '../helpers.js';
import { smallWorld } from '../worlds.js';

const run = (name: string) => indicatorsNamed([name])[0] as RunIndicator;

describe('the indicator registry', () => {
  it('holds every indicator the run tables support, each with a description and a formula', () => {
    expect(indicators().map((i) => i.name)).toEqual(expect.arrayContaining([
      'arrivalsByRoute', 'arrivalsByCorridor', 'arrivalsByDestination', 'deaths', 'deathsPerThousandCrossings', 'overstayRate', 'effectiveReturnRate', 'diversionRatio',
    ]));
    for (const i of indicators()) {
      expect(i.description.length).toBeGreaterThan(20);
      expect(i.formula).toMatch(/[a-zA-Z]+\.[a-zA-Z]+/); // names table columns
    }
  });

  it('refuses an unknown name, listing the known ones', () => {
    expect(() => indicatorsNamed(['nope'])).toThrow(/no indicator "nope" is registered \(known: arrivalsByRoute/);
  });

  it('takes a new indicator with one entry', () => {
    registerIndicator({ name: 'test-departures', level: 'run', unit: 'persons', description: 'Departures on every route, for this test.', formula: 'Σ routes.departures', compute: ({ result }) => ({ '': sum(result, 'routes', 'departures') }) });
    expect(indicatorsNamed(['test-departures'])).toHaveLength(1);
    expect(() => registerIndicator(indicatorsNamed(['deaths'])[0])).toThrow(/already registered/);
  });
});

describe('run indicators follow their formulas', () => {
  const scenario = smallWorld({
    ticks: 36, channel: { stayMonths: 6, quotaPerYear: 2000 },
    legs: [{ mortality: 0.02 }, { mortality: 0.05, interception: 0.2 }],
    destination: { enforcement: { apprehensionPerYear: 0.5, returnCapacityPerYear: 300 } },
  });
  const result: RunResult = new Simulation(scenario, { seed: 3 }).runFor();
  const input = { scenario, result };

  it('overstay rate: overstays begun over permits that ended', () => {
    const overstays = sum(result, 'channels', 'overstaysBegun');
    const onTime = sum(result, 'channels', 'leftOnTime');
    expect(overstays + onTime).toBeGreaterThan(0);
    expect(run('overstayRate').compute(input)['']).toBe(overstays / (overstays + onTime));
  });

  it('effective return rate: returns executed over return orders', () => {
    const orders = sum(result, 'countries', 'returnOrders');
    expect(orders).toBeGreaterThan(0);
    const rate = run('effectiveReturnRate').compute(input)[''];
    expect(rate).toBe(sum(result, 'countries', 'returnsExecuted') / orders);
    expect(rate).toBeGreaterThanOrEqual(0);
    expect(rate).toBeLessThanOrEqual(1);
  });

  it('deaths per thousand crossings, by leg mode and on all legs', () => {
    const values = run('deathsPerThousandCrossings').compute(input);
    expect(Object.keys(values).sort()).toEqual(['all', 'land', 'sea']);
    const rate = (leg?: string) => {
      const where: Record<string, string> = leg ? { leg } : {};
      const deaths = sum(result, 'legs', 'deaths', where);
      return (1000 * deaths) / (deaths + sum(result, 'legs', 'crossings', where));
    };
    expect(values.sea).toBeCloseTo(rate('tra-des'), 10);
    expect(values.land).toBeCloseTo(rate('ori-tra'), 10);
    expect(values.all).toBeCloseTo(rate(), 10);
    expect(values.sea).toBeGreaterThan(values.land); // the sea leg is deadlier
  });

  it('arrivals by route, corridor and destination; deaths', () => {
    expect(run('arrivalsByRoute').compute(input)).toEqual({ main: sum(result, 'routes', 'arrivals', { route: 'main' }) });
    expect(run('arrivalsByCorridor').compute(input)).toEqual({ main: sum(result, 'routes', 'arrivals') });
    expect(run('arrivalsByDestination').compute(input).DES).toBe(sum(result, 'countries', 'arrivals', { country: 'DES' }));
    expect(run('deaths').compute(input)['']).toBe(sum(result, 'routes', 'deaths'));
    expect(run('deaths').compute(input)['']).toBeGreaterThan(0);
  });

  it('a rate with nothing to divide by is undefined (NaN), not zero', () => {
    const quiet = smallWorld({ ticks: 3 });
    const r = new Simulation(quiet).runFor();
    expect(run('overstayRate').compute({ scenario: quiet, result: r })['']).toBeNaN();
  });
});

describe('diversion ratio', () => {
  const s = mediterranean({ scale: 50_000 });
  const event = (kind: string, target: string, plugin = 'policy'): PolicyEvent => ({ tick: 42, date: '2017-07-01', plugin, kind, target, attribute: 'interception', from: 0.1, to: 0.6, reason: '' });

  it('targets the routes using a leg the variant\'s policies changed, read from its events', () => {
    expect(targetedRoutes(s, [], [event('leg', 'lby-ita')]).sort()).toEqual(s.routes.filter((r) => r.legs.includes('lby-ita')).map((r) => r.id).sort());
    expect(targetedRoutes(s, [], [event('leg', 'mar-esp')])).toEqual(['nga-western', 'mli-western', 'sen-western', 'gin-western', 'mar-western']);
  });

  it('targets the routes entering a country the policies changed, and none for a channel', () => {
    expect(targetedRoutes(s, [], [event('country', 'GRC')])).toEqual(['syr-eastern', 'afg-eastern', 'irq-eastern', 'tur-eastern']);
    expect(targetedRoutes(s, [], [event('country', 'SYR')])).toEqual([]); // nobody enters Syria
    expect(targetedRoutes(s, [], [event('channel', 'deu-skilled')])).toEqual([]);
  });

  it('leaves out changes the baseline made too', () => {
    expect(targetedRoutes(s, [event('leg', 'lby-ita', 'shared')], [event('leg', 'lby-ita', 'shared'), event('leg', 'mar-esp')])).toEqual(['nga-western', 'mli-western', 'sen-western', 'gin-western', 'mar-western']);
  });

  it('is minus the change on other routes over the change on targeted ones', () => {
    const routes = (arrivals: Record<string, number>) => ({
      name: 'routes', columns: ['tick', 'date', 'route', 'corridor', 'arrivals'],
      rows: s.routes.map((r) => [0, '2014-01-01', r.id, r.corridor, arrivals[r.id] ?? 0]),
    });
    const fake = (arrivals: Record<string, number>, events: PolicyEvent[]) => ({ scenario: s, result: { tables: [routes(arrivals)], events } as unknown as RunResult });
    const diversion = indicatorsNamed(['diversionRatio'])[0] as ComparisonIndicator;
    const value = diversion.compute(fake({ 'nga-central': 100, 'nga-western': 50, 'syr-eastern': 10 }, []), fake({ 'nga-central': 40, 'nga-western': 80, 'syr-eastern': 10 }, [event('leg', 'lby-ita')]));
    expect(value['']).toBe(0.5);
    expect(diversion.compute(fake({ 'nga-central': 100 }, []), fake({ 'nga-central': 100 }, []))['']).toBeNaN();
  });
});
