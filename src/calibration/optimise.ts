import { nelderMead } from 'fmin';
import type { ParameterRange } from './parameters.js';

/**
 * A point estimate by the Nelder–Mead simplex (fmin's implementation). Each
 * parameter is searched on a logistic scale over its range, so the simplex
 * never leaves it: value = low + (high − low) / (1 + e^−z), starting at the
 * middle of every range (z = 0) with a first step of 1 on each axis.
 *
 * The simplex is a sequential algorithm whose objective here is a batch of
 * runs on workers. So it is replayed: `nelderMeadStep` runs the search from
 * the start against the distances known so far and returns the first vector
 * it needs that is not known yet, or the result when it ends. The caller runs
 * that vector and calls again. The search is deterministic, so the same
 * distances always lead to the same vectors; resuming needs only the
 * distances saved on disk.
 */
export interface OptimiseSettings {
  /** Simplex iterations at most (each takes one to d + 2 evaluations). */
  iterations: number;
  /** Stop when the simplex's distances differ by less than this, and its vertices by less than this on the logistic scale. */
  tolerance: number;
}

export const DEFAULT_OPTIMISE: OptimiseSettings = { iterations: 60, tolerance: 1e-3 };

export type OptimiseStep =
  | { done: false; values: Record<string, number> }
  | { done: true; values: Record<string, number>; distance: number };

class Unknown {
  constructor(readonly values: Record<string, number>) {}
}

export function valuesAt(parameters: readonly ParameterRange[], z: readonly number[]): Record<string, number> {
  return Object.fromEntries(parameters.map((p, k) => [p.path, p.low + (p.high - p.low) / (1 + Math.exp(-z[k]))]));
}

export function nelderMeadStep(parameters: readonly ParameterRange[], settings: OptimiseSettings, known: (values: Record<string, number>) => number | undefined): OptimiseStep {
  const objective = (z: number[]) => {
    const values = valuesAt(parameters, z);
    const d = known(values);
    if (d === undefined) throw new Unknown(values);
    return d;
  };
  try {
    const { x, fx } = nelderMead(objective, parameters.map(() => 0), {
      maxIterations: settings.iterations, zeroDelta: 1, minErrorDelta: settings.tolerance,
    });
    return { done: true, values: valuesAt(parameters, x), distance: fx };
  } catch (e) {
    if (e instanceof Unknown) return { done: false, values: e.values };
    throw e;
  }
}
