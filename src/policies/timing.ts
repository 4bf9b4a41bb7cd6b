import type { Clock } from '../engine/clock.js';
import type { FieldPath, FieldReader } from '../scenario/fields.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * A moment in a policy's parameters: a tick number, or a month `YYYY-MM`
 * turned into the first tick that starts in or after it.
 */
export type Moment = number | string;

export function readMoment(r: FieldReader, value: unknown, path: FieldPath, ticks: number): Moment | undefined {
  if (typeof value === 'number') return r.number(value, path, { min: 0, max: ticks, integer: true });
  if (typeof value === 'string' && MONTH.test(value)) return value;
  r.report(path, `a tick (0 to ${ticks}) or a month written YYYY-MM`, value);
  return undefined;
}

export function momentToTick(moment: Moment, clock: Clock): number {
  if (typeof moment === 'number') return moment;
  const [, y, m] = MONTH.exec(moment)!;
  const year = Number(y) + (Number(m) - 1) / 12;
  return Math.max(0, Math.ceil((year - clock.at(0).year) * clock.ticksPerYear - 1e-9));
}
