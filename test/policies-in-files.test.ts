import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation.js';
import { readScenarioFile } from '../src/node/files.js';
import { ScenarioError } from '../src/scenario/errors.js';
import { parseScenario } from '../src/scenario/load.js';
import { ROOT, sum } from './helpers.js';
import { smallWorld } from './worlds.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');

function issues(run: () => unknown): Array<{ path: string; message: string }> {
  try {
    run();
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => ({ path: i.path, message: `${i.expected} / ${i.found}` }));
    throw e;
  }
  throw new Error('accepted');
}

describe('policies in scenario files, and extends', () => {
  it('a file extends another and adds a policy; the policy acts and is recorded', () => {
    const base = readScenarioFile(join(FIXTURES, 'valid.yaml'));
    const closed = readScenarioFile(join(FIXTURES, 'closed.yaml'));
    expect(closed.name).toBe('fixture-closed');
    expect(closed.countries).toEqual(base.countries);
    expect(closed.policies).toEqual([{ plugin: 'set-attribute', name: 'sea-closure', kind: 'leg', targets: ['tra-des'], attribute: 'interception', value: 1, from: '2020-04', until: null }]);
    const s = { ...closed, ticks: 12 };
    const result = new Simulation(s).runFor();
    expect(result.events.map((e) => [e.tick, e.plugin, e.target, e.to])).toEqual([[3, 'sea-closure', 'tra-des', 1]]);
    const afterClosure = result.tables.find((t) => t.name === 'legs')!.rows.filter((r) => r[2] === 'tra-des' && Number(r[0]) >= 3);
    expect(afterClosure.every((r) => r[5] === 0)).toBe(true); // no crossings once closed
  });

  it('a scheduled policy ends at `until`', () => {
    const s = smallWorld({ ticks: 12 });
    const closed = parseScenario(JSON.stringify({ ...s, policies: [{ plugin: 'set-attribute', kind: 'leg', targets: ['tra-des'], attribute: 'interception', value: 1, from: 0, until: 6 }] }), 'json');
    const result = new Simulation(closed).runFor();
    expect(result.events.map((e) => e.tick)).toEqual([0, 6]);
    const crossings = (from: number, to: number) => result.tables.find((t) => t.name === 'legs')!.rows
      .filter((r) => r[2] === 'tra-des' && Number(r[0]) >= from && Number(r[0]) < to).reduce((a, r) => a + Number(r[5]), 0);
    expect(crossings(0, 6)).toBe(0);
    expect(crossings(6, 12)).toBeGreaterThan(0);
    expect(sum(result, 'routes', 'arrivals')).toBeGreaterThan(0);
  });

  it.each([
    [{ plugin: 'teleport' }, 'policies[0].plugin', /one of set-attribute/],
    [{ plugin: 'set-attribute', kind: 'leg', targets: ['nowhere'], attribute: 'cost', value: 1 }, 'policies[0].targets[0]', /a leg id \(one of ori-tra, tra-des\)/],
    [{ plugin: 'set-attribute', kind: 'leg', targets: ['tra-des'], attribute: 'speed', value: 1 }, 'policies[0].attribute', /one of "cost", "mortality", "interception"/],
    [{ plugin: 'set-attribute', kind: 'leg', targets: ['tra-des'], attribute: 'mortality', value: 3 }, 'policies[0].value', /from 0 to 1/],
    [{ plugin: 'set-attribute', kind: 'leg', targets: ['tra-des'], attribute: 'cost', value: 1, from: 'March' }, 'policies[0].from', /a month written YYYY-MM/],
    [{ plugin: 'set-attribute', kind: 'leg', targets: ['tra-des'], attribute: 'cost', value: 1, colour: 'red' }, 'policies[0].colour', /unknown field "colour"/],
  ])('bad policy %j is refused at %s', (policy, path, message) => {
    const s = smallWorld({ ticks: 12 });
    const found = issues(() => parseScenario(JSON.stringify({ ...s, policies: [policy] }), 'json'));
    expect(found.map((i) => i.path)).toContain(path);
    expect(found.find((i) => i.path === path)!.message).toMatch(message);
  });

  it('two policies may not share a name', () => {
    const p = { plugin: 'set-attribute', kind: 'leg', targets: ['tra-des'], attribute: 'cost', value: 1 };
    const found = issues(() => parseScenario(JSON.stringify({ ...smallWorld(), policies: [p, p] }), 'json'));
    expect(found.map((i) => i.path)).toEqual(['policies[1].name']);
  });

  it('extends: a missing base and a cycle are clear errors', () => {
    expect(issues(() => readScenarioFile(join(FIXTURES, 'extends', 'missing-base.yaml')))).toEqual([
      { path: 'extends', message: expect.stringMatching(/no file at .*nowhere\.yaml/) },
    ]);
    expect(issues(() => readScenarioFile(join(FIXTURES, 'extends', 'cycle-a.yaml')))[0].message).toMatch(/without a cycle .*cycle-a\.yaml -> .*cycle-b\.yaml -> .*cycle-a\.yaml/);
  });

  it('extends without file access (in a browser) says how to do it', () => {
    expect(issues(() => parseScenario('extends: base.yaml\nname: x\n', 'x.yaml'))[0].message).toMatch(/readScenarioFile from migsim\/node/);
  });
});
