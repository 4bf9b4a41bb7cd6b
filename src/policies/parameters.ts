import type { FieldPath, FieldReader, NumberRange } from '../scenario/fields.js';
import type { ScenarioIndex } from './policy-type.js';
import { momentToTick, readMoment, type Moment } from './timing.js';

/** When a policy is in force: from a moment, until another (exclusive) or the end of the run. */
export interface PolicyWindow {
  from: Moment;
  until: Moment | null;
}

export const WINDOW_FIELDS = ['from', 'until'] as const;

/**
 * A window must lie within the run and hold at least one tick: a policy that
 * starts before the run (clamped), after it (never in force) or ends before
 * it starts would do nothing, or not what was written, in silence.
 */
export function readWindow(r: FieldReader, obj: Record<string, unknown>, path: FieldPath, index: ScenarioIndex): PolicyWindow | undefined {
  const from = obj.from === undefined ? 0 : readMoment(r, obj.from, [...path, 'from'], index.ticks);
  const until = obj.until === undefined || obj.until === null ? null : readMoment(r, obj.until, [...path, 'until'], index.ticks);
  if (from === undefined || until === undefined) return undefined;
  const window = { from, until };
  const { start, end } = windowTicks(window, index);
  const first = index.clock.date(0).slice(0, 7);
  const last = index.clock.date(index.ticks - 1).slice(0, 7);
  if (typeof from === 'string' && from < first) {
    r.reportText([...path, 'from'], `a moment within the run (${first} to ${last}); leave \`from\` out for a policy in force from the start`, `${from}, before the run starts`);
    return undefined;
  }
  if (start >= index.ticks) {
    r.reportText([...path, 'from'], `a moment within the run (tick 0 to ${index.ticks - 1}, ${first} to ${last})`, `${from}, at or after the run's end: the policy would never be in force`);
    return undefined;
  }
  if (until !== null && end <= start) {
    r.reportText([...path, 'until'], `a moment after \`from\` (${from})`, `${until}: the policy would never be in force`);
    return undefined;
  }
  return window;
}

/** The window as ticks: in force for start <= tick < end. */
export function windowTicks(window: PolicyWindow, index: ScenarioIndex): { start: number; end: number } {
  return {
    start: momentToTick(window.from, index.clock),
    end: window.until === null ? Number.POSITIVE_INFINITY : momentToTick(window.until, index.clock),
  };
}

/** A list of ids, each of which must be among `known`; empty only with `allowEmpty` (a field whose policy checks its targets otherwise). */
export function readIds(r: FieldReader, value: unknown, path: FieldPath, known: readonly string[], what: string, allowEmpty = false): string[] | undefined {
  const list = r.list(value, path, `a list of ${what} ids`);
  if (!list) return undefined;
  if (list.length === 0 && !allowEmpty) {
    r.reportText(path, `a list of at least one ${what} id (a policy with no target does nothing)`, 'an empty list');
    return undefined;
  }
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
