/**
 * Apache Arrow output: `migsim/arrow`. Kept out of the core entry point
 * because apache-arrow is large; the CLI loads it only when writing Arrow.
 *
 * A table becomes an Arrow IPC *file* (the format pandas `read_feather`,
 * polars `read_ipc` and R `arrow::read_feather` open), with
 * the same columns as its CSV: `tick`, `day`, `replication`, `point`, `n` and
 * `seed` as 32-bit integers (64-bit for a seed above 2^31), `excludesZero` as a
 * boolean, `date` as a calendar date, other numeric columns as 64-bit
 * floats, text as UTF-8. Values that are not finite (no quota, an undefined
 * rate) are nulls, as they are empty cells in the CSV.
 */
import { Bool, DateDay, Float64, Int32, Int64, Table as ArrowTable, Utf8, tableFromIPC, tableToIPC, vectorFromArray, DataType, type Vector } from 'apache-arrow';
import type { Table } from '../metrics/table.js';

const WHOLE_NUMBER_COLUMNS = new Set(['tick', 'day', 'replication', 'point', 'n', 'seed']);
/** Columns of yes/no values, 1 or 0 in the CSV. */
const BOOLEAN_COLUMNS = new Set(['excludesZero']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A table as the bytes of an Arrow IPC file. The same table always gives the same bytes. */
export function tableToArrow(table: Table): Uint8Array {
  const vectors: Record<string, Vector> = {};
  table.columns.forEach((name, k) => {
    const values = table.rows.map((r) => r[k]);
    vectors[name] = columnVector(name, values);
  });
  return tableToIPC(new ArrowTable(vectors), 'file');
}

function columnVector(name: string, values: Array<string | number>): Vector {
  const numbers = values.every((v) => typeof v === 'number');
  const finiteOrNull = (v: string | number) => (Number.isFinite(v) ? (v as number) : null);
  let type: DataType;
  let data: unknown[];
  if (numbers && WHOLE_NUMBER_COLUMNS.has(name) && values.every((v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31)) {
    type = new Int32();
    data = values;
  } else if (numbers && WHOLE_NUMBER_COLUMNS.has(name) && values.every((v) => Number.isSafeInteger(v))) {
    type = new Int64();
    data = values.map((v) => BigInt(v));
  } else if (numbers && BOOLEAN_COLUMNS.has(name) && values.every((v) => v === 0 || v === 1)) {
    type = new Bool();
    data = values.map((v) => v === 1);
  } else if (numbers) {
    type = new Float64();
    data = values.map(finiteOrNull);
  } else if (name === 'date' && values.every((v) => typeof v === 'string' && ISO_DATE.test(v))) {
    type = new DateDay();
    data = values.map((v) => new Date(`${v}T00:00:00Z`));
  } else {
    type = new Utf8();
    data = values.map((v) => (typeof v === 'number' ? String(v) : v));
  }
  return vectorFromArray(data, type);
}

/**
 * A table read back from an Arrow IPC file written by `tableToArrow`: dates
 * as ISO text, nulls as NaN, booleans as 1 and 0, as in the tables migsim makes.
 */
export function arrowToTable(name: string, bytes: Uint8Array): Table {
  const arrow = tableFromIPC(bytes);
  const columns = arrow.schema.fields.map((f) => f.name);
  const values = arrow.schema.fields.map((f, k) => {
    const vector = arrow.getChildAt(k)!;
    const isDate = DataType.isDate(f.type);
    return Array.from({ length: arrow.numRows }, (_, r): string | number => {
      const v = vector.get(r) as unknown;
      if (v === null || v === undefined) return Number.NaN;
      if (isDate) return new Date(v as number).toISOString().slice(0, 10);
      if (typeof v === 'boolean') return v ? 1 : 0;
      return typeof v === 'bigint' ? Number(v) : (v as string | number);
    });
  });
  return { name, columns, rows: Array.from({ length: arrow.numRows }, (_, r) => values.map((c) => c[r])) };
}
