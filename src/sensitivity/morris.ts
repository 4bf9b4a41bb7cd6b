import { RandomStreams } from '../random/streams.js';

/**
 * Morris's elementary effects (Morris 1991, Technometrics 33; μ* after
 * Campolongo, Cariboni & Saltelli 2007), for screening: which parameters
 * matter at all. On the unit cube, each of `trajectories` trajectories starts
 * at a random point of a `levels`-level grid and moves one parameter at a
 * time, in random order and direction, by Δ = levels / (2 (levels − 1)).
 * Parameter i's elementary effect on a trajectory is the change in the output
 * divided by ±Δ; μ* is the mean of their absolute values (the influence),
 * σ their standard deviation (interaction or non-linearity).
 *
 * The design is a list of points: trajectory t's step s is point t·(k+1)+s.
 */
export interface MorrisDesign {
  method: 'morris';
  parameters: number;
  trajectories: number;
  levels: number;
  delta: number;
  /** Unit-cube points, in trajectory order. */
  points: number[][];
  /** For each trajectory, the parameter moved at each step, and the signed step. */
  moves: Array<Array<{ parameter: number; step: number }>>;
}

export interface MorrisIndex {
  muStar: number;
  mu: number;
  sigma: number;
}

export function morrisDesign(parameters: number, trajectories: number, levels: number, identity: { scenario: string; seed: number }): MorrisDesign {
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw new Error(`Morris needs an even number of levels of at least 2, got ${levels}`);
  if (!Number.isInteger(trajectories) || trajectories < 2) throw new Error(`Morris needs at least 2 trajectories, got ${trajectories}`);
  const delta = levels / (2 * (levels - 1));
  const streams = new RandomStreams({ ...identity, replication: 0 });
  const points: number[][] = [];
  const moves: MorrisDesign['moves'] = [];
  for (let t = 0; t < trajectories; t++) {
    const s = streams.stream(`morris:${t}`);
    // The lower half of the grid, so that x + Δ stays within [0, 1].
    const x = Array.from({ length: parameters }, () => s.int(levels / 2) / (levels - 1));
    const order = Array.from({ length: parameters }, (_, k) => k);
    for (let k = parameters - 1; k > 0; k--) {
      const j = s.int(k + 1);
      [order[k], order[j]] = [order[j], order[k]];
    }
    const up = order.map(() => s.uniform() < 0.5);
    // A parameter that will step down starts at its upper position.
    order.forEach((p, k) => { if (!up[k]) x[p] += delta; });
    points.push([...x]);
    moves.push(order.map((p, k) => {
      const step = up[k] ? delta : -delta;
      x[p] += step;
      points.push([...x]);
      return { parameter: p, step };
    }));
  }
  return { method: 'morris', parameters, trajectories, levels, delta, points, moves };
}

/** μ*, μ and σ of each parameter from the outputs at the design's points. */
export function morrisIndices(design: MorrisDesign, outputs: readonly number[]): MorrisIndex[] {
  const effects: number[][] = Array.from({ length: design.parameters }, () => []);
  design.moves.forEach((moves, t) => {
    const base = t * (design.parameters + 1);
    moves.forEach(({ parameter, step }, s) => effects[parameter].push((outputs[base + s + 1] - outputs[base + s]) / step));
  });
  return effects.map((e) => {
    const mu = e.reduce((a, b) => a + b, 0) / e.length;
    return {
      mu,
      muStar: e.reduce((a, b) => a + Math.abs(b), 0) / e.length,
      sigma: Math.sqrt(e.reduce((a, b) => a + (b - mu) ** 2, 0) / (e.length - 1)),
    };
  });
}
