import { cellAt, csvFile, csvRows, findColumns, parseDate, parseNumber, type CsvRow } from './csv-text.js';
import { quoted, type FleeIssues } from './errors.js';
import type { FleeFiles } from './reader.js';
import { interpolateCount, type FleePlace, type ObservedSeries, type RegistrationCorrection } from './scenario.js';

export const DATA_LAYOUT = 'source_data/data_layout.csv';
export const CORRECTIONS = 'input_csv/registration_corrections.csv';

/**
 * Reads the UNHCR counts of source_data/: data_layout.csv names, for `total`
 * and for each camp, one or more `date,count` files (several are summed), then
 * applies registration_corrections.csv. Every camp of locations.csv needs a
 * series; series naming no place are kept, as Flee counts them in the total.
 */
export function readValidationData(
  files: FleeFiles,
  places: readonly FleePlace[],
  startDay: number,
  issues: FleeIssues,
): { total: ObservedSeries | null; series: ObservedSeries[]; corrections: RegistrationCorrection[] } {
  const layout = files(DATA_LAYOUT);
  if (layout === undefined) {
    issues.add(DATA_LAYOUT, undefined, undefined, 'the file', 'no file at that path');
    return { total: null, series: [], corrections: [] };
  }
  let total: ObservedSeries | null = null;
  const series: ObservedSeries[] = [];
  const lineOf = new Map<string, number>();
  for (const row of csvFile(DATA_LAYOUT, layout).rows) {
    const name = row.cells[0];
    const names = row.cells.slice(1).filter((c) => c !== '');
    if (names.length === 0) {
      issues.add(DATA_LAYOUT, row.line, undefined, `a name and one or more CSV files of counts`, `no file for ${quoted(name)}`);
      continue;
    }
    if (lineOf.has(name)) {
      issues.add(DATA_LAYOUT, row.line, undefined, 'each name once', `"${name}" again (first on line ${lineOf.get(name)})`);
      continue;
    }
    lineOf.set(name, row.line);
    const parts = names.map((f) => readCountFile(files, f, row, startDay, issues));
    if (parts.some((p) => p === undefined)) continue;
    const s = { name, files: names, ...sumSeries(parts as Array<{ days: Float64Array; counts: Float64Array }>) };
    if (name.toLowerCase() === 'total') total = s;
    else series.push(s);
  }
  for (const p of places) {
    if ((p.type === 'camp' || p.type === 'idpcamp') && !lineOf.has(p.name)) {
      issues.add(DATA_LAYOUT, undefined, undefined, `a row for the camp ${p.name} naming its UNHCR counts`, 'none');
    }
  }
  const corrections = readCorrections(files, series, startDay, issues);
  return { total, series, corrections };
}

/** One `date,count` file: an optional `Date` header, `#` comments, rows with no count skipped (as Flee does). */
function readCountFile(files: FleeFiles, name: string, layoutRow: CsvRow, startDay: number, issues: FleeIssues): { days: Float64Array; counts: Float64Array } | undefined {
  const path = `source_data/${name}`;
  const text = files(path);
  if (text === undefined) {
    issues.add(DATA_LAYOUT, layoutRow.line, undefined, `a file ${path}`, 'no file at that path');
    return undefined;
  }
  const days: number[] = [];
  const counts: number[] = [];
  const before = issues.list.length;
  csvRows(text).forEach((row, k) => {
    const [dateText, countText = ''] = row.cells;
    if (dateText.startsWith('#') || (k === 0 && /^date(time)?$/i.test(dateText)) || countText === '') return;
    const day = parseDate(dateText);
    const count = parseNumber(countText);
    if (day === undefined) issues.add(path, row.line, 'date', 'a date as YYYY-MM-DD', quoted(dateText));
    else if (days.length > 0 && day <= days[days.length - 1]) issues.add(path, row.line, 'date', 'dates in increasing order', `${dateText} after a later or equal date`);
    // More than any displacement ever recorded is a broken file, and would not fit in memory as agents.
    if (count === undefined || count < 0 || count > 1e9) issues.add(path, row.line, 'count', 'a count of persons from 0 to 1e9', quoted(countText));
    if (day !== undefined && count !== undefined) {
      days.push(day - startDay);
      counts.push(count);
    }
  });
  if (days.length === 0 && issues.list.length === before) issues.add(path, undefined, undefined, 'rows of date,count', 'no counts');
  return issues.list.length === before ? { days: Float64Array.from(days), counts: Float64Array.from(counts) } : undefined;
}

/** Several count files for one camp, summed: each is interpolated on every day any of them records. */
function sumSeries(parts: Array<{ days: Float64Array; counts: Float64Array }>): { days: Float64Array; counts: Float64Array } {
  if (parts.length === 1) return parts[0];
  const days = Float64Array.from(new Set(parts.flatMap((p) => [...p.days]))).sort();
  const counts = days.map((d) => parts.reduce((sum, p) => sum + interpolateCount(p.days, p.counts, d), 0));
  return { days, counts };
}

/**
 * registration_corrections.csv: `camp,date,normalize` (a header is optional).
 * The date must be one on which the camp's data records a count; every earlier
 * count is scaled by (count that day) / (count on the previous recorded day).
 * Corrections dated before the start are ignored, as in Flee.
 */
function readCorrections(files: FleeFiles, series: ObservedSeries[], startDay: number, issues: FleeIssues): RegistrationCorrection[] {
  const text = files(CORRECTIONS);
  if (text === undefined) return [];
  const csv = csvFile(CORRECTIONS, text);
  let col = { camp: 0, date: 1, normalize: 2 };
  if (csv.header) {
    const found = findColumns(csv, [
      { name: 'camp', aliases: ['name', 'location'], required: true },
      { name: 'date', required: true },
      { name: 'normalize', aliases: ['correction', 'type'], required: false },
    ], issues);
    if (!found) return [];
    col = found.index as typeof col;
  }
  const corrections: RegistrationCorrection[] = [];
  for (const row of csv.rows) {
    const camp = cellAt(row, col.camp);
    const date = cellAt(row, col.date);
    const kind = cellAt(row, col.normalize);
    const s = series.find((x) => x.name === camp);
    const day = parseDate(date);
    if (!s) issues.add(CORRECTIONS, row.line, 'camp', 'a camp named in source_data/data_layout.csv', quoted(camp));
    if (day === undefined) issues.add(CORRECTIONS, row.line, 'date', 'a date as YYYY-MM-DD', quoted(date));
    if (kind !== '' && kind.toLowerCase() !== 'normalize') issues.add(CORRECTIONS, row.line, 'normalize', '"normalize" (the only kind of correction)', quoted(kind));
    if (!s || day === undefined) continue;
    const offset = day - startDay;
    if (offset < 0) {
      corrections.push({ camp, date, day: offset, factor: 1 });
      continue;
    }
    const i = s.days.indexOf(offset);
    if (i < 1) {
      issues.add(CORRECTIONS, row.line, 'date', `a date on which source_data records a count for ${camp}, after its first`, quoted(date));
      continue;
    }
    if (s.counts[i - 1] < 1) {
      issues.add(CORRECTIONS, row.line, 'date', `a count of at least 1 for ${camp} on the recorded day before ${date}`, `${s.counts[i - 1]}`);
      continue;
    }
    const factor = s.counts[i] / s.counts[i - 1];
    for (let k = 0; k < i; k++) s.counts[k] *= factor;
    corrections.push({ camp, date, day: offset, factor });
  }
  return corrections;
}
