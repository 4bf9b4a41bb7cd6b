import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseObserved, type ObservedData } from '../../src/calibration/observed.js';
import { weightedQuantile } from '../../src/calibration/parameters.js';
import { normalisedWeights } from '../../src/calibration/abc.js';
import { Simulation } from '../../src/engine/simulation.js';
import { withFieldValues } from '../../src/experiment/paths.js';
import { calibrateInWorkers, type CalibrateOptions } from '../../src/node/calibrate.js';
import { Interrupted, WorkerPool } from '../../src/node/pool.js';
import { validateScenario } from '../../src/scenario/validate.js';
import { sum } from '../helpers.js';
import { smallWorld } from '../worlds.js';

// A small world; the data are what the model itself gives at known values of two world fields.
const world = smallWorld({ ticks: 24, population: 20_000, legs: [{ interception: 0.1 }, { mortality: 0.05 }] });
const MORTALITY = 'legs[id=tra-des].mortality';
const INTERCEPTION = 'legs[id=ori-tra].interception';
const TRUTH: Record<string, number> = { [MORTALITY]: 0.08, [INTERCEPTION]: 0.3 };
const PRIORS = [{ path: MORTALITY, low: 0, high: 0.2 }, { path: INTERCEPTION, low: 0, high: 0.6 }];

function modelData(): ObservedData {
  const run = new Simulation(withFieldValues(world, TRUTH), { seed: 12345, replication: 0 }).runFor();
  const rows = ['2020', '2021'].flatMap((year) => [['tra-des', 'deaths'], ['tra-des', 'crossings'], ['ori-tra', 'interceptions']].map(([leg, figure]) => {
    const byYear = { ...run, tables: run.tables.map((t) => ({ ...t, rows: t.rows.filter((r) => String(r[1]).startsWith(year)) })) };
    return `${year},leg,${leg},${figure},${sum(byYear, 'legs', figure, { leg })},the model at known values`;
  }));
  return parseObserved(['date,table,key,figure,value,source', ...rows].join('\n'), 'model-data.csv');
}

const tempDir = (name: string) => join(mkdtempSync(join(tmpdir(), 'migsim-calibrate-')), name);

describe('calibration', () => {
  // Pools start once for the file: starting workers from TypeScript sources takes longer than these runs.
  let one: WorkerPool;
  let two: WorkerPool;
  beforeAll(() => {
    one = new WorkerPool(1);
    two = new WorkerPool(2);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  it('recovers parameters from data the model made: each true value inside its 90% posterior interval, narrower than the prior', async () => {
    const result = await calibrateInWorkers(world, modelData(), PRIORS, { pool: two, abc: { particles: 40, maxGenerations: 4 } });
    const posterior = result.populations.at(-1)!.particles;
    const weights = normalisedWeights(posterior);
    for (const { path, low, high } of PRIORS) {
      const values = posterior.map((p) => p.values[path]);
      const q05 = weightedQuantile(values, weights, 0.05);
      const q95 = weightedQuantile(values, weights, 0.95);
      expect(q05, path).toBeLessThanOrEqual(TRUTH[path]);
      expect(q95, path).toBeGreaterThanOrEqual(TRUTH[path]);
      expect(q95 - q05, path).toBeLessThan(0.9 * 0.9 * (high - low)); // the prior's 90% interval is 0.9 of the range
    }
    expect(result.best.distance).toBeLessThan(result.asGiven.distance);
    expect(result.populations.map((p) => p.epsilon)).toEqual([...result.populations.map((p) => p.epsilon)].sort((a, b) => b - a));
  });

  it('by Nelder-Mead gets closer to the data than the scenario as given, and its best scenario is a valid file', async () => {
    const out = tempDir('optimise');
    const result = await calibrateInWorkers(world, modelData(), PRIORS, { pool: two, method: 'optimise', optimise: { iterations: 12 }, out });
    expect(result.best.distance).toBeLessThan(result.asGiven.distance / 2);
    expect(result.evaluations.length).toBeGreaterThan(12);
    const best = validateScenario(parse(readFileSync(join(out, 'best.yaml'), 'utf8')), 'best.yaml');
    expect(best.legs[1].mortality).toBe(result.best.values[MORTALITY]);
    expect(readdirSync(out).sort()).toEqual(['best.yaml', 'calibration.json', 'design.json', 'evaluations.csv', 'fit.csv', 'migsim-manifest.json', 'predictive.csv', 'runs']);
  });

  const tiny: CalibrateOptions = { abc: { particles: 6, maxGenerations: 2 }, replications: 2 };

  it('gives byte-identical files with one worker and with two', async () => {
    const a = tempDir('one');
    const b = tempDir('two');
    await calibrateInWorkers(world, modelData(), PRIORS, { ...tiny, pool: one, out: a });
    await calibrateInWorkers(world, modelData(), PRIORS, { ...tiny, pool: two, out: b });
    const names = readdirSync(a).filter((n) => n !== 'runs');
    expect(names.sort()).toEqual(['best.yaml', 'calibration.json', 'design.json', 'fit.csv', 'generations.csv', 'migsim-manifest.json', 'parameters.csv', 'posterior.csv', 'predictive.csv']);
    for (const n of names) expect(readFileSync(join(b, n), 'utf8'), n).toBe(readFileSync(join(a, n), 'utf8'));
  });

  it('refuses to resume into a folder holding another calibration', async () => {
    const out = tempDir('other');
    await calibrateInWorkers(world, modelData(), PRIORS, { ...tiny, pool: one, out });
    await expect(calibrateInWorkers(world, modelData(), PRIORS, { ...tiny, seed: 9, pool: one, out })).rejects.toThrow(/holds the results of a different calibration/);
  });

  it('interrupted, resumes from the runs it kept, losing none, and ends as an uninterrupted one does', async () => {
    const whole = tempDir('whole');
    await calibrateInWorkers(world, modelData(), PRIORS, { ...tiny, pool: one, out: whole });
    const out = tempDir('interrupted');
    const controller = new AbortController();
    let finished = 0;
    await expect(calibrateInWorkers(world, modelData(), PRIORS, {
      // Aborting stops the pool's running tasks and closes it: this test comes last.
      ...tiny, pool: two, out, signal: controller.signal,
      onProgress: (p) => { if (p.done > p.resumed && ++finished === 9) controller.abort(); },
    })).rejects.toBeInstanceOf(Interrupted);
    const kept = readdirSync(join(out, 'runs')).length;
    expect(kept).toBe(9);
    let resumed = 0;
    await calibrateInWorkers(world, modelData(), PRIORS, { ...tiny, pool: one, out, onProgress: (p) => { resumed += p.done === p.resumed ? p.resumed : 0; } });
    expect(resumed).toBe(kept);
    for (const n of ['posterior.csv', 'predictive.csv', 'best.yaml']) expect(readFileSync(join(out, n), 'utf8'), n).toBe(readFileSync(join(whole, n), 'utf8'));
  });
});
