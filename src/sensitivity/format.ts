import type { Table } from '../metrics/table.js';

/** A table as aligned text for the terminal: numbers to 3 significant digits. */
export function formatTable(table: Table): string {
  const cells = [table.columns, ...table.rows.map((r) => r.map((v) => (typeof v === 'number' ? (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : 'NaN') : v)))];
  const widths = table.columns.map((_, k) => Math.max(...cells.map((r) => String(r[k]).length)));
  return cells.map((r) => r.map((v, k) => (typeof table.rows[0]?.[k] === 'number' ? String(v).padStart(widths[k]) : String(v).padEnd(widths[k]))).join('  ')).join('\n');
}
