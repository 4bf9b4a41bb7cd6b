import type { Table } from '../metrics/table.js';

/**
 * A table read back from the CSV text `tableToCsv` writes. A column whose
 * every non-empty cell is a number holds numbers (an empty cell, written for
 * a value that is not finite, reads as NaN); any other column holds text.
 */
export function csvToTable(name: string, text: string): Table {
  const lines = parseCsv(text);
  const [columns = [], ...cells] = lines;
  const numeric = columns.map((_, k) => {
    let any = false;
    for (const row of cells) {
      const v = row[k] ?? '';
      if (v === '') continue;
      if (!NUMBER.test(v)) return false;
      any = true;
    }
    return any;
  });
  return { name, columns, rows: cells.map((row) => columns.map((_, k) => (numeric[k] ? (row[k] === '' || row[k] === undefined ? Number.NaN : Number(row[k])) : row[k] ?? ''))) };
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') { field += '"'; k++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[k + 1] === '\n') k++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}
