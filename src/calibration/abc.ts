import { RandomStreams, type RandomStream } from '../random/streams.js';
import { atUnit, type ParameterRange } from './parameters.js';

/**
 * Approximate Bayesian computation by adaptive population Monte Carlo
 * (Lenormand, Jabot & Deffuant 2013, "Adaptive approximate Bayesian
 * computation for complex models", Computational Statistics 28; the APMC of
 * R's EasyABC). The prior is uniform on each parameter's range.
 *
 * Generation 0 draws `particles` vectors from the prior and keeps the
 * ⌈alpha·particles⌉ closest to the data; the tolerance ε is the largest
 * distance kept. Each later generation draws particles − kept new vectors,
 * each from a kept particle chosen by weight and moved by a normal kernel with
 * twice the kept particles' weighted covariance (redrawn until inside the
 * prior's ranges), weighs each by prior / kernel mixture density, pools them
 * with the kept ones and keeps the closest again. It stops when the share of
 * new vectors closer than the last ε falls to `minAcceptance`, or after
 * `maxGenerations`. The kept particles, with their weights, are the posterior
 * sample.
 *
 * Every proposal of generation g, index i, is drawn from its own stream
 * (`calibration:g:i`), so a generation is a list of independent tasks: the
 * same whatever the number of workers or shards that run them.
 */
export interface AbcSettings {
  particles: number;
  /** Share of particles kept each generation. */
  alpha: number;
  minAcceptance: number;
  maxGenerations: number;
}

export const DEFAULT_ABC: AbcSettings = { particles: 100, alpha: 0.5, minAcceptance: 0.05, maxGenerations: 8 };

/** A parameter vector run against the data: its distance and the simulated series (mean over replications). */
export interface Evaluated {
  values: Record<string, number>;
  distance: number;
  series: number[][];
}

export interface Particle extends Evaluated {
  generation: number;
  /** Index among its generation's proposals. */
  index: number;
  /** Importance weight, prior density over the kernel mixture's (1 in generation 0); not normalised, see `normalisedWeights`. */
  weight: number;
}

/** The particles kept after a generation. */
export interface Population {
  generation: number;
  epsilon: number;
  /** Share of this generation's proposals closer than the previous ε (1 for generation 0). */
  acceptance: number;
  proposals: number;
  particles: Particle[];
}

export function checkAbcSettings(s: AbcSettings): void {
  if (!Number.isInteger(s.particles) || s.particles < 4) throw new Error(`ABC needs a whole number of at least 4 particles, got ${s.particles}`);
  if (!(s.alpha > 0 && s.alpha < 1)) throw new Error(`the share of particles kept (alpha) must lie between 0 and 1, got ${s.alpha}`);
  if (!(s.minAcceptance >= 0 && s.minAcceptance < 1)) throw new Error(`the acceptance at which to stop must lie in [0, 1), got ${s.minAcceptance}`);
  if (!Number.isInteger(s.maxGenerations) || s.maxGenerations < 1) throw new Error(`ABC needs at least 1 generation, got ${s.maxGenerations}`);
}

const keptCount = (s: AbcSettings) => Math.max(2, Math.min(s.particles - 1, Math.ceil(s.alpha * s.particles)));

/** Whether another generation is due after `population`. */
export function abcContinues(population: Population, settings: AbcSettings): boolean {
  return population.generation + 1 < settings.maxGenerations && population.acceptance > settings.minAcceptance;
}

/** The parameter vectors generation `generation` runs: from the prior for generation 0, else from the kernel around `previous`. */
export function abcProposals(parameters: readonly ParameterRange[], settings: AbcSettings, identity: { scenario: string; seed: number }, generation: number, previous?: Population): Array<Record<string, number>> {
  const streams = new RandomStreams({ ...identity, replication: 0 });
  const stream = (i: number) => streams.stream(`calibration:${generation}:${i}`);
  if (generation === 0 || !previous) {
    return Array.from({ length: settings.particles }, (_, i) => {
      const s = stream(i);
      return atUnit(parameters, parameters.map(() => s.uniform()));
    });
  }
  const kernel = Kernel.around(parameters, previous.particles);
  return Array.from({ length: settings.particles - previous.particles.length }, (_, i) => kernel.draw(stream(i)));
}

/** The population after a generation's proposals were evaluated (in proposal order). */
export function abcPopulation(parameters: readonly ParameterRange[], settings: AbcSettings, generation: number, evaluated: readonly Evaluated[], previous?: Population): Population {
  const keep = keptCount(settings);
  let pool: Particle[];
  let acceptance = 1;
  if (generation === 0 || !previous) {
    pool = evaluated.map((e, index) => ({ ...e, generation, index, weight: 1 }));
  } else {
    const kernel = Kernel.around(parameters, previous.particles);
    const prior = 1 / parameters.reduce((v, p) => v * (p.high - p.low), 1);
    const fresh = evaluated.map((e, index) => ({ ...e, generation, index, weight: prior / kernel.mixtureDensity(e.values) }));
    acceptance = fresh.filter((p) => p.distance < previous.epsilon).length / fresh.length;
    pool = [...previous.particles, ...fresh];
  }
  // Closest first; ties by generation and index, so the choice never depends on the order results came back.
  const kept = [...pool].sort((a, b) => a.distance - b.distance || a.generation - b.generation || a.index - b.index).slice(0, keep);
  return { generation, acceptance, proposals: evaluated.length, epsilon: Math.max(...kept.map((p) => p.distance)), particles: kept };
}

/** The particles' weights, summing to 1. */
export function normalisedWeights(particles: readonly Particle[]): number[] {
  const total = particles.reduce((s, p) => s + p.weight, 0);
  return particles.map((p) => p.weight / total);
}

/** The normal kernel of a generation: twice the weighted covariance of the kept particles (Beaumont et al. 2009). */
class Kernel {
  private constructor(
    private readonly parameters: readonly ParameterRange[],
    private readonly centres: ReadonlyArray<readonly number[]>,
    private readonly weights: readonly number[],
    private readonly chol: number[][],
    private readonly inverse: number[][],
    private readonly norm: number,
  ) {}

  static around(parameters: readonly ParameterRange[], particles: readonly Particle[]): Kernel {
    const d = parameters.length;
    const centres = particles.map((p) => parameters.map((q) => p.values[q.path]));
    const weights = normalisedWeights(particles);
    const means = parameters.map((_, k) => centres.reduce((s, c, i) => s + weights[i] * c[k], 0));
    const cov = parameters.map((_, a) => parameters.map((_, b) => 2 * centres.reduce((s, c, i) => s + weights[i] * (c[a] - means[a]) * (c[b] - means[b]), 0)));
    // A floor on the spread, so particles that all coincide still move.
    parameters.forEach((p, k) => (cov[k][k] += ((p.high - p.low) * 1e-4) ** 2));
    const chol = cholesky(cov);
    const inverse = invertFromCholesky(chol);
    const det = chol.reduce((s, row, k) => s * row[k] * row[k], 1);
    return new Kernel(parameters, centres, weights, chol, inverse, 1 / Math.sqrt((2 * Math.PI) ** d * det));
  }

  draw(stream: RandomStream): Record<string, number> {
    const d = this.parameters.length;
    for (let attempt = 0; ; attempt++) {
      const u = stream.uniform();
      let parent = 0;
      for (let acc = this.weights[0]; acc < u && parent < this.weights.length - 1; acc += this.weights[++parent]);
      const z = Array.from({ length: d }, () => stream.normal());
      const x = this.centres[parent].map((c, a) => c + this.chol[a].reduce((s, l, b) => s + l * z[b], 0));
      if (this.parameters.every((p, k) => x[k] >= p.low && x[k] <= p.high)) return Object.fromEntries(this.parameters.map((p, k) => [p.path, x[k]]));
      if (attempt > 10_000) throw new Error('the ABC kernel drew 10,000 vectors outside the parameter ranges: the ranges are far narrower than the posterior');
    }
  }

  /** Σ_j w_j φ(θ − θ_j): the density of a proposal under this generation's kernel. */
  mixtureDensity(values: Record<string, number>): number {
    const x = this.parameters.map((p) => values[p.path]);
    return this.centres.reduce((s, c, i) => {
      const dx = x.map((v, k) => v - c[k]);
      const q = dx.reduce((acc, a, k) => acc + a * this.inverse[k].reduce((t, m, l) => t + m * dx[l], 0), 0);
      return s + this.weights[i] * this.norm * Math.exp(-q / 2);
    }, 0);
  }
}

function cholesky(m: readonly number[][]): number[][] {
  const n = m.length;
  const l = m.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      l[i][j] = i === j ? Math.sqrt(Math.max(s, 1e-300)) : s / l[j][j];
    }
  }
  return l;
}

function invertFromCholesky(l: readonly number[][]): number[][] {
  const n = l.length;
  // Solve L Lᵀ X = I column by column.
  return transpose(Array.from({ length: n }, (_, c) => {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) y[i] = ((i === c ? 1 : 0) - l[i].slice(0, i).reduce((s, v, k) => s + v * y[k], 0)) / l[i][i];
    const x = new Array<number>(n).fill(0);
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i];
      for (let k = i + 1; k < n; k++) s -= l[k][i] * x[k];
      x[i] = s / l[i][i];
    }
    return x;
  }));
}

function transpose(m: number[][]): number[][] {
  return m[0].map((_, j) => m.map((row) => row[j]));
}
