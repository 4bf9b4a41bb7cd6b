import type { Comparison, ComparisonRow } from './compare.js';
import { definedMean as mean, excludesZero } from './stats.js';

/**
 * A comparison as text: each indicator with both arms' means, the mean
 * difference (or, for comparison-level indicators, the indicator itself) and
 * its 95% interval; `*` marks an interval that excludes zero. Rows where
 * nothing happened in either arm (all zero) are left out unless `all` is set.
 */
export function formatScorecard(c: Comparison, options: { all?: boolean } = {}): string {
  const rows = c.rows.filter((r) => options.all || !nothingHappened(r));
  const cells = rows.map((r) => [
    r.key === '' ? r.indicator : `${r.indicator} ${r.key}`,
    r.baseline ? number(mean(r.baseline)) : '',
    r.variant ? number(mean(r.variant)) : '',
    (r.level === 'run' && r.estimate.mean > 0 ? '+' : '') + number(r.estimate.mean),
    Number.isNaN(r.estimate.low) ? '—' : `[${number(r.estimate.low)}, ${number(r.estimate.high)}]`,
    excludesZero(r.estimate) ? '*' : '',
  ]);
  const head = ['indicator', 'baseline', 'variant', 'effect', '95% interval', ''];
  const widths = head.map((h, k) => Math.max(h.length, ...cells.map((c) => c[k].length)));
  const line = (c: string[]) => c.map((x, k) => (k === 0 ? x.padEnd(widths[k]) : x.padStart(widths[k]))).join('  ').trimEnd();
  return [
    `${c.variant.name} against ${c.baseline.name}: ${c.replications} paired replications, seed ${c.seed} (effect: variant − baseline; for ratios across the pair, the ratio itself)`,
    line(head),
    ...cells.map(line),
    '* the 95% interval excludes zero',
  ].join('\n');
}

function nothingHappened(r: ComparisonRow): boolean {
  return r.baseline !== null && r.variant !== null && [...r.baseline, ...r.variant].every((v) => v === 0);
}

/** Large figures rounded with thousands separators, small ones to three significant digits. */
function number(x: number): string {
  if (Number.isNaN(x)) return '—';
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString('en-US');
  return String(Number(x.toPrecision(3)));
}
