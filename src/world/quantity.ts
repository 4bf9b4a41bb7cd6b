import type { Quantity } from '../scenario/types.js';
import { compileExpression } from './expression.js';

/** The moment a quantity is read at. */
export interface TimePoint {
  /** Years since the scenario start. */
  t: number;
  tick: number;
  /** Calendar year as a decimal, e.g. 2016.25 for April 2016. */
  year: number;
}

export type QuantityFn = (at: TimePoint) => number;

/** Turns a scenario quantity into a function of time. Throws a plain Error with a readable reason. */
export function compileQuantity(q: Quantity): QuantityFn {
  if (typeof q === 'number') return () => q;
  if (typeof q === 'string') {
    const expr = compileExpression(q);
    return (at) => {
      const v = expr.evaluate({ t: at.t, tick: at.tick, year: at.year });
      if (typeof v !== 'number') throw new Error(`the expression gives ${typeof v}, not a number`);
      return v;
    };
  }
  const points = Object.entries(q)
    .map(([year, value]) => [Number(year), value] as const)
    .sort((a, b) => a[0] - b[0]);
  return (at) => interpolateYearly(points, at.year);
}

function interpolateYearly(points: ReadonlyArray<readonly [number, number]>, year: number): number {
  if (year <= points[0][0]) return points[0][1];
  const last = points[points.length - 1];
  if (year >= last[0]) return last[1];
  let i = 1;
  while (points[i][0] < year) i++;
  const [y0, v0] = points[i - 1];
  const [y1, v1] = points[i];
  return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0);
}
