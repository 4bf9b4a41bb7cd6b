import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BEHAVIOUR } from '../src/behaviour/parameters.js';
import { Simulation } from '../src/engine/simulation.js';
import { FACTS, FACT_WORLDS } from '../src/experiment/fact-catalogue.js';
import { formatFactsMarkdown, formatFactsText, windowed } from '../src/experiment/facts.js';
import { FACT_SCENARIOS, runFacts } from '../src/node/facts.js';
import { readScenarioFile } from '../src/node/files.js';
import { SCENARIOS } from './helpers.js';

const FOLDER = join(SCENARIOS, 'facts');
const files = readdirSync(FOLDER).filter((f) => f.endsWith('.yaml'));

describe('the fact scenarios', () => {
  it('are where the runner looks for them', () => {
    expect(FACT_SCENARIOS.replace(/\/$/, '')).toBe(FOLDER.replace(/\/$/, ''));
  });

  it.each(files)('%s validates, sets no behaviour and runs with the defaults', (file) => {
    const text = readFileSync(join(FOLDER, file), 'utf8');
    expect(text).not.toMatch(/^\s*behaviour\s*:/m);
    expect(Object.keys(parse(text) as object)).not.toContain('behaviour');
    const s = readScenarioFile(join(FOLDER, file));
    expect(s.behaviour).toEqual(DEFAULT_BEHAVIOUR);
    // Its sources come first, as comments.
    expect(text.startsWith('#')).toBe(true);
  });

  it('are each used by a world, and every world names files that exist', () => {
    const used = new Set(FACT_WORLDS.flatMap((w) => [w.baseline, w.variant]));
    expect([...used].filter((f) => !files.includes(f))).toEqual([]);
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });
});

describe('the fact catalogue', () => {
  it('has at least 20 facts with unique ids, across every section of FACTS.md, each on a known world', () => {
    const ids = FACTS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ids.map((id) => id[0]))).toEqual(new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']));
    const worlds = new Set(FACT_WORLDS.map((w) => w.id));
    for (const f of FACTS) {
      expect(worlds.has(f.world), `${f.id} names world ${f.world}`).toBe(true);
      expect(f.checks.length).toBeGreaterThan(0);
      for (const c of f.checks) expect(c.band[0]).toBeLessThanOrEqual(c.band[1]);
    }
  });
});

describe('windows of months', () => {
  it('keep only the rows of both arms dated inside the window', () => {
    const scenario = readScenarioFile(join(FOLDER, 'us-mexico-1994-baseline.yaml'));
    const run = { scenario, result: new Simulation({ ...scenario, ticks: 24, agents: { ...scenario.agents, scale: 20000 } }, { seed: 1 }).runFor() };
    const w = windowed(run, { from: '1993-04', until: '1993-07' });
    const routes = w.result.tables.find((t) => t.name === 'routes')!;
    const dates = new Set(routes.rows.map((r) => String(r[1]).slice(0, 7)));
    expect([...dates]).toEqual(['1993-04', '1993-05', '1993-06']);
    expect(run.result.tables.find((t) => t.name === 'routes')!.rows.length).toBe(24 * scenario.routes.length);
  });
});

describe('the scorecard runner', () => {
  it('measures a fact on a tiny run: each check gets an estimate with its 95% interval and a verdict by its band', async () => {
    const results = await runFacts({ only: ['B1'], replications: 3, workers: 1, coarsen: 20 });
    expect(results.map((r) => r.fact.id)).toEqual(['B1', 'B1']);
    for (const r of results) {
      expect(r.values).toHaveLength(3);
      expect(r.estimate.n).toBeGreaterThan(1);
      expect(r.estimate.low).toBeLessThanOrEqual(r.estimate.mean);
      expect(r.estimate.high).toBeGreaterThanOrEqual(r.estimate.mean);
      expect(r.pass).toBe(r.estimate.mean >= r.check.band[0] && r.estimate.mean <= r.check.band[1]);
    }
    const text = formatFactsText(results);
    expect(text).toMatch(/^B1 .*\[.*, .*\].*(pass|FAIL)$/m);
    expect(text).toMatch(/of 1 facts pass/);
    const markdown = formatFactsMarkdown(results, { B1: 'a diagnosis' });
    expect(markdown).toMatch(/^\| B1 Coyote prices/m);
    if (results.some((r) => r.fact.id === 'B1' && !r.pass)) expect(markdown).toContain('**B1**: a diagnosis');
  }, 60_000);

  it('refuses an unknown fact', async () => {
    await expect(runFacts({ only: ['Z9'], replications: 2 })).rejects.toThrow(/no fact "Z9"/);
  });
});
