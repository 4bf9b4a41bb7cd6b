import type { Table } from '../metrics/table.js';
import type { PolicyEvent } from '../engine/events.js';

/**
 * A table as CSV text (RFC 4180 quoting, "\n" line ends). Numbers are written
 * the same way on every machine: whole numbers as integers, others with up to
 * ten significant digits; values that are not finite (no quota) as an empty cell.
 */
export function tableToCsv(table: Table): string {
  const lines = [table.columns.map(cell).join(',')];
  for (const row of table.rows) lines.push(row.map(cell).join(','));
  return lines.join('\n') + '\n';
}

export function eventsTable(events: readonly PolicyEvent[]): Table {
  return {
    name: 'events',
    columns: ['tick', 'date', 'plugin', 'kind', 'target', 'attribute', 'from', 'to', 'reason'],
    rows: events.map((e) => [e.tick, e.date, e.plugin, e.kind, e.target, e.attribute, e.from, e.to, e.reason]),
  };
}

function cell(v: string | number): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    if (Number.isInteger(v)) return String(v);
    return String(Number(v.toPrecision(10)));
  }
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
