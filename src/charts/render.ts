import * as Plot from '@observablehq/plot';
import type { Table } from '../metrics/table.js';

/** Options every chart takes. */
export interface ChartOptions {
  /**
   * The document Plot draws into: the page's own in a browser (the default);
   * in Node, one from `await chartDocument()` of `migsim/node`.
   */
  document?: Document;
  width?: number;
  height?: number;
}

/**
 * A drawn chart: its title, its SVG (or an HTML figure holding a legend and
 * the SVG) as markup, and the marks its data implies, by Plot's mark name
 * (`line`, `dot`, `rule`, `bar`, `area`, `cell`, `link`): one line per
 * corridor, one dot per replication... Tests compare these with what is drawn.
 */
export interface Chart {
  readonly id: string;
  readonly title: string;
  readonly svg: string;
  readonly marks: Readonly<Record<string, number>>;
}

/** Draws Plot options into markup; the document is the caller's, or the page's. */
export function draw(id: string, title: string, plot: Plot.PlotOptions, marks: Record<string, number>, options: ChartOptions = {}): Chart {
  const document = options.document ?? (globalThis as { document?: Document }).document;
  if (document === undefined) throw new Error('charts need a document to draw into: in Node pass { document: await chartDocument() } from migsim/node');
  const element = Plot.plot({ width: options.width ?? 720, height: options.height, style: { fontSize: '12px' }, ...plot, document });
  element.setAttribute('data-chart', id);
  return { id, title, svg: element.outerHTML, marks };
}

/** A date column's ISO text as a Date at midnight UTC, the same on every machine. */
export function day(text: string | number): Date {
  return new Date(`${text}T00:00:00Z`);
}

/** The index of a column, with the table's columns in the error if missing. */
export function columnIndex(table: Table, name: string): number {
  const k = table.columns.indexOf(name);
  if (k < 0) throw new Error(`table ${table.name} has no column "${name}" (columns: ${table.columns.join(', ')})`);
  return k;
}

/** Distinct values of a column, in order of first appearance. */
export function distinct(table: Table, name: string): string[] {
  const k = columnIndex(table, name);
  return [...new Set(table.rows.map((r) => String(r[k])))];
}

/**
 * Sums `value` by tick and series (a column's value, or one series for all):
 * the points of a line chart over time, one per tick and series.
 */
export function sumsOverTime(table: Table, value: string, series: string | undefined, where: (row: Array<string | number>) => boolean = () => true): Array<{ date: Date; series: string; value: number }> {
  const d = columnIndex(table, 'date');
  const v = columnIndex(table, value);
  const s = series === undefined ? -1 : columnIndex(table, series);
  const sums = new Map<string, { date: Date; series: string; value: number }>();
  for (const row of table.rows) {
    if (!where(row)) continue;
    const name = s < 0 ? value : String(row[s]);
    const key = `${row[d]}\u0000${name}`;
    let point = sums.get(key);
    if (!point) sums.set(key, (point = { date: day(row[d]), series: name, value: 0 }));
    const x = Number(row[v]);
    if (Number.isFinite(x)) point.value += x;
  }
  return [...sums.values()];
}
