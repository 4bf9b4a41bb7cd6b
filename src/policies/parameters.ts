import type { FieldPath, FieldReader, NumberRange } from '../scenario/fields.js';
import type { ScenarioIndex } from './policy-type.js';
import { momentToTick, readMoment, type Moment } from './timing.js';

/** When a policy is in force: from a moment, until another (exclusive) or the end of the run. */
export interface PolicyWindow {
  from: Moment;
  until: Moment | null;
}

export const WINDOW_FIELDS = ['from', 'until'] as const;

export function readWindow(r: FieldReader, obj: Record<string, unknown>, path: FieldPath, index: ScenarioIndex): PolicyWindow | undefined {
  const from = obj.from === undefined ? 0 : readMoment(r, obj.from, [...path, 'from'], index.ticks);
  const until = obj.until === undefined || obj.until === null ? null : readMoment(r, obj.until, [...path, 'until'], index.ticks);
  if (from === undefined || until === undefined) return undefined;
  return { from, until };
}

/** The window as ticks: in force for start <= tick < end. */
export function windowTicks(window: PolicyWindow, index: ScenarioIndex): { start: number; end: number } {
  return {
    start: momentToTick(window.from, index.clock),
    end: window.until === null ? Number.POSITIVE_INFINITY : momentToTick(window.until, index.clock),
  };
}

/** A list of ids, each of which must be among `known`. */
export function readIds(r: FieldReader, value: unknown, path: FieldPath, known: readonly string[], what: string): string[] | undefined {
  const list = r.list(value, path, `a list of ${what} ids`);
  if (!list) return undefined;
  let ok = true;
  list.forEach((id, i) => {
    if (typeof id !== 'string' || !known.includes(id)) {
      r.report([...path, i], `a ${what} id (one of ${known.join(', ')})`, id);
      ok = false;
    }
  });
  return ok ? (list as string[]) : undefined;
}

/** An optional number: null when absent, undefined (reported) when wrong. */
export function readOptionalNumber(r: FieldReader, value: unknown, path: FieldPath, range: NumberRange): number | null | undefined {
  if (value === undefined || value === null) return null;
  return r.number(value, path, range);
}
