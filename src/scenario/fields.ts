import { clip } from '../io/text.js';
import { describeValue, type ScenarioIssue } from './errors.js';

/** A field path being read, e.g. ['legs', 2, 'cost'], printed as `legs[2].cost`. */
export type FieldPath = ReadonlyArray<string | number>;

export function pathText(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? clip(part) : `.${clip(part)}`;
  }
  return out;
}

/**
 * Reads fields of untrusted input and records every problem instead of stopping
 * at the first, so `migsim validate` can print them all.
 */
export class FieldReader {
  readonly issues: ScenarioIssue[] = [];

  report(path: FieldPath, expected: string, found: unknown): void {
    this.reportText(path, expected, describeValue(found));
  }

  reportText(path: FieldPath, expected: string, found: string): void {
    this.issues.push({ path: pathText(path), expected, found });
  }

  /** A plain object whose keys are all among `known`; unknown keys are reported. */
  object(value: unknown, path: FieldPath, known: readonly string[]): Record<string, unknown> | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.report(path, 'an object', value);
      return undefined;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!known.includes(key)) this.reportText([...path, key], `no field of that name (known fields: ${known.join(', ')})`, `an unknown field "${clip(key)}"`);
    }
    return record;
  }

  /** An object of free keys (ids, years) to values. */
  map(value: unknown, path: FieldPath): Record<string, unknown> | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.report(path, 'an object of names to values', value);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  list(value: unknown, path: FieldPath, what = 'a list'): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.report(path, what, value);
      return undefined;
    }
    return value;
  }

  number(value: unknown, path: FieldPath, range: NumberRange = {}): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.report(path, describeRange(range), value);
      return undefined;
    }
    if (!inRange(value, range)) {
      this.report(path, describeRange(range), value);
      return undefined;
    }
    return value;
  }

  string(value: unknown, path: FieldPath, pattern?: { re: RegExp; what: string }): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') {
      this.report(path, pattern ? pattern.what : 'a non-empty text', value);
      return undefined;
    }
    if (pattern && !pattern.re.test(value)) {
      this.report(path, pattern.what, value);
      return undefined;
    }
    return value;
  }

  boolean(value: unknown, path: FieldPath): boolean | undefined {
    if (typeof value !== 'boolean') {
      this.report(path, 'true or false', value);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string | number>(value: unknown, path: FieldPath, allowed: readonly T[]): T | undefined {
    if (!allowed.includes(value as T)) {
      this.report(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
      return undefined;
    }
    return value as T;
  }
}

export interface NumberRange {
  min?: number;
  max?: number;
  integer?: boolean;
}

export function inRange(value: number, range: NumberRange): boolean {
  if (range.integer && !Number.isInteger(value)) return false;
  if (range.min !== undefined && value < range.min) return false;
  if (range.max !== undefined && value > range.max) return false;
  return true;
}

export function describeRange(range: NumberRange): string {
  const kind = range.integer ? 'a whole number' : 'a number';
  if (range.min !== undefined && range.max !== undefined) return `${kind} from ${range.min} to ${range.max}`;
  if (range.min !== undefined) return `${kind} of at least ${range.min}`;
  if (range.max !== undefined) return `${kind} of at most ${range.max}`;
  return kind;
}
