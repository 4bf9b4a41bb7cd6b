import { csvRows } from '../flee/csv-text.js';
import { LEVEL_FIELDS } from '../metrics/counters.js';

/**
 * Observed figures a run can be held against, one row each: a period (a year,
 * or a month where one was published), the run's table and the key(s) in it,
 * the figure (a column of that table), the value and its source.
 *
 *   date,table,key,figure,value,source
 *   2016,leg,tur-grc,crossings,173450,UNHCR Greece sea arrivals dashboard Dec 2016
 *   2016-03,leg,tur-grc,crossings,26971,IOM via sofiaglobe.com 4 Mar 2016
 *   2018,leg,tur-grc+lby-ita+mar-esp,deaths,2299,IOM Missing Migrants Project
 *
 * `table` is route, corridor (routes summed by their corridor), leg, country
 * or channel (plurals are accepted too); a key of several ids joined by "+"
 * is their sum. The header may say `year` instead of `date`.
 */
export interface ObservedPoint {
  /** As written: YYYY or YYYY-MM. */
  date: string;
  /** First and last month covered, YYYY-MM. */
  from: string;
  to: string;
  value: number;
  source: string;
  /** 1-based line in the file. */
  line: number;
}

/** The points of one figure of one key, at one resolution (yearly or monthly), in date order. */
export interface ObservedSeries {
  /** `table:key:figure` and `/month` for a monthly series: names it in outputs. */
  name: string;
  table: ObservedTable;
  key: string;
  figure: string;
  monthly: boolean;
  points: ObservedPoint[];
}

export interface ObservedData {
  file: string;
  series: ObservedSeries[];
}

export const OBSERVED_TABLES = ['route', 'corridor', 'leg', 'country', 'channel'] as const;
export type ObservedTable = (typeof OBSERVED_TABLES)[number];

/** One problem in an observed-data file: where (line, column), what was expected, what was found. */
export interface ObservedIssue {
  line?: number;
  column?: string;
  expected: string;
  found: string;
}

/** An observed-data file that cannot be used; carries every problem found. */
export class ObservedDataError extends Error {
  constructor(readonly file: string, readonly issues: ObservedIssue[]) {
    super([`${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in observed data`, ...issues.map((i) => `  ${formatObservedIssue(file, i)}`)].join('\n'));
    this.name = 'ObservedDataError';
  }
}

export function formatObservedIssue(file: string, issue: ObservedIssue): string {
  const where = [issue.line !== undefined ? `line ${issue.line}` : '', issue.column !== undefined ? `column ${issue.column}` : ''].filter(Boolean).join(', ');
  return `${file}: ${where || '(whole file)'}: expected ${issue.expected}, found ${issue.found}`;
}

const COLUMNS = ['date', 'table', 'key', 'figure', 'value', 'source'] as const;
const DATE = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

function tableOf(text: string): ObservedTable | undefined {
  const singular = text === 'countries' ? 'country' : text === 'corridors' ? 'corridor' : text.replace(/s$/, '');
  return (OBSERVED_TABLES as readonly string[]).includes(singular) ? (singular as ObservedTable) : undefined;
}

/** Reads observed-data CSV text; every problem is reported with its line and column. */
export function parseObserved(text: string, file: string): ObservedData {
  const rows = csvRows(text).filter((r) => r.cells.some((c) => c !== '') && !r.cells[0].startsWith('#'));
  const issues: ObservedIssue[] = [];
  if (rows.length === 0) throw new ObservedDataError(file, [{ expected: `a header row (${COLUMNS.join(',')}) and data rows`, found: 'an empty file' }]);
  const header = rows[0].cells.map((c) => (c === 'year' ? 'date' : c));
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new ObservedDataError(file, [{ line: rows[0].line, expected: `the columns ${COLUMNS.join(', ')} (year may stand for date)`, found: `${rows[0].cells.join(', ')} (missing: ${missing.join(', ')})` }]);
  }
  const at = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const bySeries = new Map<string, ObservedSeries>();
  const seen = new Map<string, number>();
  for (const { line, cells } of rows.slice(1)) {
    if (cells.length !== header.length) {
      issues.push({ line, expected: `${header.length} cells, as in the header`, found: `${cells.length}` });
      continue;
    }
    const cell = (c: (typeof COLUMNS)[number]) => cells[at[c]];
    const bad = (column: string, expected: string, found: string) => issues.push({ line, column, expected, found });
    const date = DATE.exec(cell('date'));
    if (!date) bad('date', 'a year (2016) or a month (2016-03)', `"${cell('date')}"`);
    const table = tableOf(cell('table'));
    if (!table) bad('table', `one of ${OBSERVED_TABLES.join(', ')}`, `"${cell('table')}"`);
    const key = cell('key');
    if (key === '' || key.split('+').some((k) => k.trim() === '')) bad('key', 'an id, or ids joined by "+"', `"${key}"`);
    const figure = cell('figure');
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(figure)) bad('figure', 'a column name of the table, such as crossings or deaths', `"${figure}"`);
    else if (LEVEL_FIELDS.has(figure)) bad('figure', 'a count that adds up over ticks (crossings, arrivals, deaths, ...)', `"${figure}", a level (a price or a stock), which does not`);
    const valueText = cell('value');
    const value = Number(valueText);
    if (valueText === '' || !Number.isFinite(value) || value < 0) bad('value', 'a number of at least 0, without thousands separators', `"${valueText}"`);
    const source = cell('source');
    if (source === '') bad('source', 'where the figure was published', 'an empty cell');
    if (!date || !table || issues.some((i) => i.line === line)) continue;
    const monthly = date[2] !== undefined;
    const name = `${table}:${key}:${figure}${monthly ? '/month' : ''}`;
    const id = `${name}@${cell('date')}`;
    if (seen.has(id)) {
      bad('date', `one row per date for ${name}`, `a second row for ${cell('date')} (the first is on line ${seen.get(id)})`);
      continue;
    }
    seen.set(id, line);
    let series = bySeries.get(name);
    if (!series) bySeries.set(name, (series = { name, table, key, figure, monthly, points: [] }));
    const from = monthly ? cell('date') : `${date[1]}-01`;
    const to = monthly ? cell('date') : `${date[1]}-12`;
    series.points.push({ date: cell('date'), from, to, value, source, line });
  }
  if (issues.length > 0) throw new ObservedDataError(file, issues);
  const series = [...bySeries.values()];
  for (const s of series) s.points.sort((a, b) => (a.from < b.from ? -1 : 1));
  return { file, series };
}
