import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { morrisDesign, morrisIndices } from '../../src/sensitivity/morris.js';
import { saltelliDesign, sobolIndices } from '../../src/sensitivity/sobol.js';
import { sensitivityInWorkers } from '../../src/node/sensitivity.js';
import { smallWorld } from '../worlds.js';

const identity = { scenario: 'test-functions', seed: 7 };

describe('Sobol\' indices', () => {
  it('match the published values for the Ishigami function (a = 7, b = 0.1) within bootstrap error', () => {
    const design = saltelliDesign(3, 8000, identity);
    const x = (u: number) => -Math.PI + 2 * Math.PI * u;
    const f = design.points.map(([a, b, c]) => Math.sin(x(a)) + 7 * Math.sin(x(b)) ** 2 + 0.1 * x(c) ** 4 * Math.sin(x(a)));
    const indices = sobolIndices(design, f, 100, identity);
    // Ishigami & Homma (1990); analytic values as in Saltelli et al. (2008), Global Sensitivity Analysis: The Primer.
    const first = [0.3139, 0.4424, 0];
    const total = [0.5576, 0.4424, 0.2437];
    indices.forEach((i, k) => {
      expect(Math.abs(i.first - first[k]), `S${k + 1}`).toBeLessThan(3 * i.firstSe);
      expect(Math.abs(i.total - total[k]), `ST${k + 1}`).toBeLessThan(3 * i.totalSe);
      expect(i.firstSe).toBeLessThan(0.03);
      expect(i.firstLow).toBeLessThan(i.first);
      expect(i.totalHigh).toBeGreaterThan(i.total);
    });
  });

  it('are the same for the same seed, and the design points do not depend on how many there are after them', () => {
    expect(saltelliDesign(2, 10, identity).points.slice(0, 10)).toEqual(saltelliDesign(2, 20, identity).points.slice(0, 10));
  });
});

describe('Morris elementary effects', () => {
  it('rank the known influential parameters first on a function of known structure', () => {
    // f = 10 x1 + 5 x2² + x3 (+ 0 x4): mean absolute effects 10, about 5, 1 and 0.
    const design = morrisDesign(4, 20, 4, identity);
    const indices = morrisIndices(design, design.points.map(([a, b, c]) => 10 * a + 5 * b * b + c));
    const order = indices.map((_, k) => k).sort((a, b) => indices[b].muStar - indices[a].muStar);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(indices[0].muStar).toBeCloseTo(10, 9);
    expect(indices[0].sigma).toBeLessThan(1e-9); // linear: the same effect everywhere
    expect(indices[1].sigma).toBeGreaterThan(0); // non-linear: effects vary
    expect(indices[3].muStar).toBe(0);
  });

  it('move one parameter at a time by Δ on every step', () => {
    const design = morrisDesign(3, 5, 4, identity);
    for (let t = 0; t < 5; t++) {
      for (let s = 0; s < 3; s++) {
        const a = design.points[t * 4 + s];
        const b = design.points[t * 4 + s + 1];
        const moved = a.map((v, k) => Math.abs(b[k] - v)).filter((d) => d > 1e-12);
        expect(moved).toHaveLength(1);
        expect(moved[0]).toBeCloseTo(design.delta, 12);
      }
    }
    expect(design.points.flat().every((v) => v >= 0 && v <= 1 + 1e-12)).toBe(true);
  });
});

describe('sensitivity of a scenario', () => {
  it('gives the same indices and design files whatever the number of workers, seeded by each point\'s values', async () => {
    const world = smallWorld({ ticks: 12, population: 20_000 });
    const parameters = [{ path: 'legs[id=ori-tra].interception', low: 0, high: 0.5 }, { path: 'legs[id=tra-des].cost', low: 100, high: 3000 }];
    const run = (workers: number) => {
      const out = join(mkdtempSync(join(tmpdir(), 'migsim-sensitivity-')), 'out');
      return sensitivityInWorkers(world, parameters, [{ name: 'arrivalsByRoute', key: 'main' }], { method: 'morris', trajectories: 3, levels: 4 }, { workers, out }).then((r) => ({ r, out }));
    };
    const [a, b] = [await run(1), await run(2)];
    expect(a.r.indices.rows).toEqual(b.r.indices.rows);
    expect(readFileSync(join(a.out, 'design.csv'), 'utf8')).toBe(readFileSync(join(b.out, 'design.csv'), 'utf8'));
    expect(a.r.indices.rows).toHaveLength(2);
    // Interception on the first leg moves arrivals on the route.
    expect(a.r.indices.rows[0][3]).toBeGreaterThan(0);
  });
});
