import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compare, withPolicies, type Comparison } from '../../src/experiment/compare.js';
import { formatScorecard } from '../../src/experiment/scorecard.js';
import { readScenarioFile } from '../../src/node/files.js';
import { compareInWorkers } from '../../src/node/experiment.js';
import type { Scenario } from '../../src/scenario/types.js';
import { validateScenario } from '../../src/scenario/validate.js';
import { ROOT, runCli, SCENARIOS } from '../helpers.js';

/** A scenario file with fewer agents (a larger scale), validated again. */
function scaled(file: string, scale: number): Scenario {
  const s = readScenarioFile(join(SCENARIOS, file));
  return validateScenario({ ...s, agents: { ...s.agents, scale } }, file);
}

const row = (c: Comparison, indicator: string, key = '') => {
  const r = c.rows.find((x) => x.indicator === indicator && x.key === key);
  if (!r) throw new Error(`no row ${indicator} ${key}`);
  return r;
};

describe('comparing the balloon scenario with its baseline', () => {
  // One agent for 2,000 people, 12 paired replications: about 15 s on two cores.
  const replications = 12;
  const baseline = scaled('mediterranean.yaml', 2000);
  const variant = scaled('balloon.yaml', 2000);
  let c: Comparison;
  beforeAll(async () => {
    c = await compareInWorkers(baseline, variant, { replications });
  });

  it('finds the routes through the enforced leg from the variant\'s events', () => {
    const expected = baseline.routes.filter((r) => r.legs.includes('lby-ita')).map((r) => r.id);
    for (const run of c.runs) expect(run.targetedRoutes).toEqual(expected);
  });

  it('reports partial diversion: a ratio between 0 and 1 whose interval excludes 0', () => {
    const d = row(c, 'diversionRatio');
    expect(d.baseline).toBeNull();
    expect(d.estimate.n).toBe(replications);
    expect(d.estimate.mean).toBeGreaterThan(0);
    expect(d.estimate.mean).toBeLessThan(1);
    expect(d.estimate.low).toBeGreaterThan(0);
    expect(d.estimate.high).toBeLessThan(1);
  });

  it('agrees with the corridors: other routes gain part of what the targeted ones lose', () => {
    const change = (corridor: string) => row(c, 'arrivalsByCorridor', corridor).estimate.mean;
    // Every route through Libya-Italy is in the central corridor, and no other route is.
    const ratioOfMeans = -(change('eastern') + change('western')) / change('central');
    expect(ratioOfMeans).toBeGreaterThan(0);
    expect(ratioOfMeans).toBeLessThan(1);
    const d = row(c, 'diversionRatio').estimate;
    expect(Math.abs(ratioOfMeans - d.mean)).toBeLessThan(d.high - d.low);
  });

  it('reports each indicator\'s paired difference with both arms\' values per replication', () => {
    const central = row(c, 'arrivalsByCorridor', 'central');
    expect(central.baseline).toHaveLength(replications);
    expect(central.values).toEqual(central.variant!.map((v, k) => v - central.baseline![k]));
    expect(central.estimate.high).toBeLessThan(0); // fewer arrive in Italy
    expect(row(c, 'arrivalsByDestination', 'ITA').estimate).toEqual(central.estimate);
  });

  it('prints a scorecard', () => {
    const text = formatScorecard(c);
    expect(text).toContain(`balloon against mediterranean: ${replications} paired replications, seed 1`);
    expect(text).toMatch(/arrivalsByCorridor central .* -[\d,]+ +\[-[\d,]+, -[\d,]+\] +\*/);
    expect(text).toMatch(/^diversionRatio +0\.\d+ +\[0\.\d+, 0\.\d+\] +\*$/m);
  });
});

describe('common random numbers', () => {
  const baseline = scaled('mediterranean.yaml', 20_000);

  it('a variant identical to its baseline, under another name, differs by exactly zero in every replication', () => {
    const same = withPolicies(baseline, [], 'renamed');
    const c = compare(baseline, same, { replications: 3, seed: 5 });
    for (const r of c.rows.filter((x) => x.level === 'run')) expect(r.values.every((v) => v === 0 || Number.isNaN(v))).toBe(true);
    expect(row(c, 'arrivalsByCorridor', 'eastern').baseline!.every((v) => v > 0)).toBe(true);
    expect(row(c, 'diversionRatio').values.every(Number.isNaN)).toBe(true); // no policy, no targeted route
  });

  it('a variant made of the baseline plus policies', () => {
    const closed = withPolicies(baseline, [{ plugin: 'set-attribute', name: 'aegean', kind: 'leg', targets: ['tur-grc'], attribute: 'interception', value: 0.7, from: '2016-04' }]);
    expect(closed.name).toBe('mediterranean+aegean');
    const c = compare(baseline, closed, { replications: 3 });
    expect(c.runs[0].targetedRoutes).toEqual(['syr-eastern', 'afg-eastern', 'irq-eastern', 'tur-eastern']);
    expect(row(c, 'arrivalsByCorridor', 'eastern').estimate.mean).toBeLessThan(0);
  });

  it('worker threads give the same comparison as one thread', async () => {
    const variant = scaled('balloon.yaml', 20_000);
    const inThread = compare(baseline, variant, { replications: 3 });
    const inWorkers = await compareInWorkers(baseline, variant, { replications: 3, workers: 2 });
    expect(inWorkers.rows).toEqual(inThread.rows);
  });
});

describe('migsim compare', () => {
  it('prints the scorecard and writes the scorecard, replications, per-tick tables and a record to reproduce it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'migsim-compare-')), 'cmp');
    const { code, stdout } = await runCli(['compare', join(SCENARIOS, 'mediterranean.yaml'), join(SCENARIOS, 'balloon.yaml'), '--reps', '2', '--scale', '40000', '--ticks', '48', '--workers', '2', '--seed', '9', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('balloon against mediterranean: 2 paired replications, seed 9');
    expect(readdirSync(out).sort()).toEqual(['comparison.arrow', 'comparison.csv', 'comparison.json', 'migsim-manifest.json', 'replications.arrow', 'replications.csv', 'tables']);
    expect(readdirSync(join(out, 'tables')).sort()).toEqual(['channels', 'countries', 'legs', 'population', 'routes'].flatMap((t) => [`${t}.arrow`, `${t}.csv`]));
    const routes = readFileSync(join(out, 'tables', 'routes.csv'), 'utf8').trim().split('\n');
    expect(routes[0]).toMatch(/^arm,replication,tick,date,route,corridor,departures,arrivals/);
    expect(routes).toHaveLength(1 + 2 * 2 * 48 * 15);
    const record = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(record).toMatchObject({ library: 'migsim', seed: 9, replications: 2, baseline: { name: 'mediterranean' }, variant: { name: 'balloon' } });
    expect(record.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    // The variant's own policies' changes, as the plugins recorded them.
    expect(record.runs[1].events.variant.length).toBeGreaterThan(0);
    expect(new Set(record.runs[1].events.variant.map((e: { plugin: string }) => e.plugin))).toEqual(new Set(record.variant.policies.map((p: { name: string }) => p.name)));
    for (const e of record.runs[1].events.baseline) expect(record.baseline.policies.map((p: { name: string }) => p.name)).toContain(e.plugin);
    expect(record.indicators.find((i: { name: string }) => i.name === 'overstayRate').formula).toContain('overstaysBegun');
    const summary = readFileSync(join(out, 'comparison.csv'), 'utf8').split('\n');
    expect(summary[0]).toBe('indicator,key,level,unit,n,baseline,variant,estimate,ciLow,ciHigh,excludesZero');
  });

  it('refuses a bad number of replications', async () => {
    const { code, stderr } = await runCli(['compare', join(SCENARIOS, 'mediterranean.yaml'), join(SCENARIOS, 'balloon.yaml'), '--reps', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('--reps: expected a whole number of at least 1, found "0"');
  });
});
