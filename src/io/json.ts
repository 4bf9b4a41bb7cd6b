/**
 * JSON text for result files: two-space indented, a final newline, and numbers
 * that are not finite (no quota, an undefined rate, a released override)
 * written as null, as JSON has no NaN or Infinity.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
