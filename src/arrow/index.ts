/**
 * Apache Arrow output: `migsim/arrow`. Kept out of the core entry point
 * because apache-arrow is large; the CLI loads it only when writing Arrow.
 *
 * A table becomes an Arrow IPC *file* (the format pandas `read_feather`,
 * polars `read_ipc`, R `arrow::read_feather` and DuckDB open directly), with
 * the same columns as its CSV: `tick`, `replication`, `point` and `n` as
 * 32-bit integers, `date` as a calendar date, other numeric columns as 64-bit
 * floats, text as UTF-8. Values that are not finite (no quota, an undefined
 * rate) are nulls, as they are empty cells in the CSV.
 */
import { DateDay, Float64, Int32, Table as ArrowTable, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { Table } from '../metrics/table.js';

const WHOLE_NUMBER_COLUMNS = new Set(['tick', 'replication', 'point', 'n']);
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
