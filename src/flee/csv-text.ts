import { quoted, type FleeIssues } from './errors.js';

/** One row of a CSV file: its 1-based line and its cells, trimmed. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * A Flee CSV file: an optional header (a first row starting with `#`, the `#`
 * dropped) and its data rows. Later rows starting with `#` are comments, and
 * rows with no text in any cell are skipped, as Flee does.
 */
export interface CsvFile {
  file: string;
  header: CsvRow | undefined;
  rows: CsvRow[];
}

/**
 * Splits CSV text into rows: RFC 4180 quoting, `\n`, `\r\n` or `\r` line ends,
 * a leading byte-order mark dropped. Cells are trimmed: Flee's files are
 * hand-edited and often carry stray spaces (` Kidal`, `Ruyigi `).
 */
export function csvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRow = () => {
    cells.push(cell.trim());
    rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (quoted) {
      if (c === '"' && s[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell.trim());
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[k + 1] === '\n') k++;
      endRow();
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows.filter((r) => r.cells.some((c) => c !== ''));
}

/** Reads a Flee CSV file; `headed` files must start with a `#` header naming their columns. */
export function csvFile(file: string, text: string): CsvFile {
  const all = csvRows(text);
  let header: CsvRow | undefined;
  if (all.length > 0 && all[0].cells[0].startsWith('#')) {
    const first = all[0];
    header = { line: first.line, cells: [first.cells[0].slice(1).trim(), ...first.cells.slice(1)] };
  }
  const rows = all.slice(header ? 1 : 0).filter((r) => !r.cells[0].startsWith('#'));
  return { file, header, rows };
}

/** A column a reader looks for, by its name in the header or one of its other names. */
export interface ColumnSpec {
  name: string;
  aliases?: readonly string[];
  required: boolean;
}

/**
 * Finds columns by their header names (case-insensitive), reporting a missing
 * header, missing required columns and repeated names. Returns the index of
 * each column (-1 when an optional one is absent) and the header cells that
 * matched no spec, or undefined when the file cannot be read by meaning.
 */
export function findColumns(
  csv: CsvFile,
  specs: readonly ColumnSpec[],
  issues: FleeIssues,
): { index: Record<string, number>; extra: Array<{ name: string; index: number }> } | undefined {
  const wanted = specs.map((s) => s.name).join(', ');
  if (!csv.header) {
    const first = csv.rows[0];
    issues.add(csv.file, first?.line ?? 1, undefined, `a first line starting with # that names the columns (${wanted})`, first ? `the row ${quoted(first.cells.join(','))}` : 'an empty file');
    return undefined;
  }
  const names = csv.header.cells.map((c) => c.toLowerCase());
  let ok = true;
  names.forEach((n, k) => {
    if (n !== '' && names.indexOf(n) !== k) {
      issues.add(csv.file, csv.header!.line, csv.header!.cells[k], 'each column named once', 'the name twice');
      ok = false;
    }
  });
  const index: Record<string, number> = {};
  const used = new Set<number>();
  for (const spec of specs) {
    const k = names.findIndex((n) => n === spec.name || (spec.aliases ?? []).includes(n));
    index[spec.name] = k;
    if (k >= 0) used.add(k);
    else if (spec.required) {
      const also = spec.aliases && spec.aliases.length > 0 ? ` (or ${spec.aliases.map((a) => `"${a}"`).join(', ')})` : '';
      issues.add(csv.file, csv.header.line, spec.name, `a column named "${spec.name}"${also}`, `the columns ${csv.header.cells.filter((c) => c !== '').join(', ')}`);
      ok = false;
    }
  }
  const extra = csv.header.cells.flatMap((name, k) => (used.has(k) || name === '' ? [] : [{ name, index: k }]));
  return ok ? { index, extra } : undefined;
}

/** The cell at a column index; an absent column or a short row reads as empty. */
export function cellAt(row: CsvRow, index: number): string {
  return index < 0 ? '' : row.cells[index] ?? '';
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A finite decimal number, or undefined for anything else (Number('') is 0, Number('0x1') is 1, Number('1e999') is Infinity: none is a count). */
export function parseNumber(text: string): number | undefined {
  const n = NUMBER.test(text) ? Number(text) : undefined;
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/** A whole number of 0 or more, or undefined. */
export function parseWhole(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD calendar date as a day number (days since 1970-01-01), or undefined when it is not a real date. */
export function parseDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}
