/**
 * JSON text for result files: two-space indented, a final newline, and numbers
 * that are not finite (no quota, an undefined rate, a released override)
 * written as null, as JSON has no NaN or Infinity.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

/** How `losslessJsonText` writes the numbers JSON has no literal for. */
const SPECIAL = '~number';

/**
 * JSON text that reads back as exactly the same value: NaN, ±Infinity and -0
 * are written as `{"~number": "NaN"}` and the like, and `parseLosslessJson`
 * turns them back. For intermediate files (a shard's results), whose merge
 * must compute what the run in memory would have.
 */
export function losslessJsonText(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? { [SPECIAL]: Object.is(v, -0) ? '-0' : String(v) } : v)) + '\n';
}

const SPECIALS = new Set(['NaN', 'Infinity', '-Infinity', '-0']);

export function parseLosslessJson(text: string): unknown {
  return JSON.parse(text, (_, v) => (v !== null && typeof v === 'object' && SPECIALS.has(v[SPECIAL]) && Object.keys(v).length === 1 ? Number(v[SPECIAL]) : v));
}
