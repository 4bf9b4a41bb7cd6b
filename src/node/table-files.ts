import { tableToCsv } from '../io/csv.js';
import type { Table } from '../metrics/table.js';
import { UsageError } from './args.js';
import type { OutputFile } from './files.js';

/**
 * Output formats of tables, apart from the experiments that produce them, so
 * a command that only writes tables (`migsim flee`) starts without loading
 * the engine and the worker pool.
 */
export type Format = 'csv' | 'arrow';
export const FORMATS: readonly Format[] = ['csv', 'arrow'];

/** Tables as files in each format: `name.csv`, `name.arrow` (Arrow is loaded only when asked for). */
export async function tableFiles(tables: readonly Table[], formats: readonly Format[], folder = ''): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const arrow = formats.includes('arrow') ? await import('../arrow/index.js') : undefined;
  for (const t of tables) {
    if (formats.includes('csv')) files.push({ name: `${folder}${t.name}.csv`, content: tableToCsv(t) });
    if (arrow) files.push({ name: `${folder}${t.name}.arrow`, content: arrow.tableToArrow(t) });
  }
  return files;
}

/** Reads `--format csv,arrow`. */
export function parseFormats(text: string | undefined, fallback: readonly Format[]): Format[] {
  if (text === undefined) return [...fallback];
  const formats = text.split(',').map((f) => f.trim());
  const bad = formats.find((f) => !FORMATS.includes(f as Format));
  if (bad !== undefined || formats.length === 0) throw new UsageError(`--format: expected csv, arrow or csv,arrow, found "${text}"`);
  return formats as Format[];
}
