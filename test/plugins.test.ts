import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation.js';
import type { Plugin } from '../src/engine/plugin.js';
import { PHASES, type Phase } from '../src/engine/phases.js';
import { sum } from './helpers.js';
import { smallWorld } from './worlds.js';

/** A test plugin: closes the sea leg from a given tick by setting interception to 1. */
const closeSea = (from: number): Plugin => ({
  name: 'close-sea',
  parameters: { from },
  hooks: {
    policies: (p) => {
      if (p.tick === from) p.set('leg', 'tra-des', 'interception', 1, 'closure');
    },
  },
});

describe('plugins and the policy interface', () => {
  it('changes made through the interface act on behaviour and are recorded as events', () => {
    const s = smallWorld({ ticks: 24, behaviour: { choiceInterception: 0 } });
    const open = new Simulation(s).runFor();
    const closed = new Simulation(s, { plugins: [closeSea(0)] }).runFor();
    expect(sum(open, 'routes', 'arrivals')).toBeGreaterThan(0);
    expect(sum(closed, 'routes', 'arrivals')).toBe(0);
    expect(closed.events).toEqual([
      { tick: 0, date: '2020-01-01', plugin: 'close-sea', kind: 'leg', target: 'tra-des', attribute: 'interception', from: 0, to: 1, reason: 'closure' },
    ]);
  });

  it('an override persists over later ticks until released', () => {
    const release: Plugin = {
      name: 'reopen', parameters: {},
      hooks: { policies: (p) => { if (p.tick === 6) p.release('leg', 'tra-des', 'interception', 'reopened'); } },
    };
    const sim = new Simulation(smallWorld({ ticks: 12 }), { plugins: [closeSea(0), release] });
    sim.runFor(5);
    expect(sim.world.leg.values.interception[1]).toBe(1);
    sim.runFor(3);
    expect(sim.world.leg.values.interception[1]).toBe(0);
    expect(sim.events.map((e) => [e.plugin, e.tick, e.to])).toEqual([['close-sea', 0, 1], ['reopen', 6, Number.NaN]]);
  });

  it('changes take effect when the phase commits, so hooks of one phase all see the same state', () => {
    const seen: number[] = [];
    const reader: Plugin = { name: 'reader', parameters: {}, hooks: { policies: (p) => void seen.push(p.get('leg', 'tra-des', 'interception')) } };
    const sim = new Simulation(smallWorld({ ticks: 3 }), { plugins: [closeSea(0), reader] });
    sim.runFor();
    expect(seen).toEqual([0, 1, 1]);
  });

  it('hooks run in the order of the phases, with setup before and teardown after', () => {
    const calls: string[] = [];
    const hooks = Object.fromEntries(PHASES.map((ph) => [ph, () => void calls.push(ph)])) as Record<Phase, () => void>;
    const tracer: Plugin = { name: 'tracer', parameters: {}, setup: () => void calls.push('setup'), hooks, teardown: () => void calls.push('teardown') };
    new Simulation(smallWorld({ ticks: 1 }), { plugins: [tracer] }).runFor();
    expect(calls).toEqual(['setup', ...PHASES, 'teardown']);
  });

  it("plugins read last tick's figures", () => {
    const crossings: number[] = [];
    const watcher: Plugin = { name: 'watcher', parameters: {}, hooks: { policies: (p) => void crossings.push(p.observe('leg', 'ori-tra', 'crossings')) } };
    const r = new Simulation(smallWorld({ ticks: 6 }), { plugins: [watcher] }).runFor();
    const recorded = r.tables.find((t) => t.name === 'legs')!.rows.filter((row) => row[2] === 'ori-tra').map((row) => row[5]);
    expect(crossings).toEqual([0, ...recorded.slice(0, 5)]);
  });

  it('bad changes are refused with the plugin, target and expected values named', () => {
    const bad = (change: (p: Parameters<NonNullable<Plugin['setup']>>[0]) => void): Plugin => ({ name: 'bad', parameters: {}, setup: change });
    const s = smallWorld({ ticks: 1 });
    expect(() => new Simulation(s, { plugins: [bad((p) => p.set('leg', 'nowhere', 'cost', 1))] })).toThrow(/plugin "bad": unknown leg "nowhere" \(known: ori-tra, tra-des\)/);
    expect(() => new Simulation(s, { plugins: [bad((p) => p.set('leg', 'tra-des', 'speed' as 'cost', 1))] })).toThrow(/leg has no attribute "speed"/);
    expect(() => new Simulation(s, { plugins: [bad((p) => p.set('leg', 'tra-des', 'mortality', 2))] })).toThrow(/mortality must be from 0 to 1, got 2/);
  });

  it('two plugins may not share a name', () => {
    expect(() => new Simulation(smallWorld({ ticks: 1 }), { plugins: [closeSea(0), closeSea(1)] })).toThrow(/two plugins are named "close-sea"/);
  });
});
