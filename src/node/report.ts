import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportInput } from '../charts/report.js';
import { csvToTable } from '../io/read-csv.js';
import type { Table } from '../metrics/table.js';
import { UsageError } from './args.js';
import { chartDocument } from './dom.js';

/** The record file and the tables a report reads, for each kind of result folder. */
const KINDS: ReadonlyArray<{ kind: ReportInput['kind']; record: string; tables: readonly string[]; is?: (record: Record<string, unknown>) => boolean }> = [
  { kind: 'comparison', record: 'comparison.json', tables: ['comparison', 'replications', 'tables/routes'] },
  { kind: 'sweep', record: 'sweep.json', tables: ['points'] },
  { kind: 'flee', record: 'run.json', tables: ['camps', 'scores'], is: (r) => typeof r.conflict === 'string' },
  { kind: 'run', record: 'run.json', tables: ['population', 'routes', 'legs', 'countries'] },
];

/** Reads a folder written by `migsim run`, `compare`, `sweep` or `flee` (CSV or Arrow tables). */
export async function readResults(dir: string): Promise<ReportInput> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: expected a folder written by migsim run, compare, sweep or flee, found no folder at that path`);
  for (const k of KINDS) {
    const file = join(dir, k.record);
    if (!existsSync(file)) continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new UsageError(`${file}: expected the JSON record migsim writes, found text that is not JSON (${(e as Error).message})`);
    }
    if (k.is && !k.is(record)) continue;
    const tables = new Map<string, Table>();
    for (const name of k.tables) {
      const table = await readTable(dir, name);
      if (table) tables.set(name, table);
    }
    return { kind: k.kind, record, tables };
  }
  throw new UsageError(`${dir}: expected a folder written by migsim run, compare, sweep or flee (holding run.json, comparison.json or sweep.json), found none of those files`);
}

/** A table from its CSV file, or else its Arrow file (Arrow is loaded only then); undefined when neither is there. */
async function readTable(dir: string, name: string): Promise<Table | undefined> {
  const csv = join(dir, `${name}.csv`);
  if (existsSync(csv)) return csvToTable(name, readFileSync(csv, 'utf8'));
  const arrow = join(dir, `${name}.arrow`);
  if (!existsSync(arrow)) return undefined;
  const { arrowToTable } = await import('../arrow/index.js');
  return arrowToTable(name, new Uint8Array(readFileSync(arrow)));
}

/** Writes `report.html` into a result folder, atomically, and returns its path. Charts (Plot, a DOM) are loaded only now. */
export async function writeReport(dir: string): Promise<string> {
  const input = await readResults(dir);
  const { reportHtml } = await import('../charts/report.js');
  const html = reportHtml(input, { document: await chartDocument() });
  // One file, written beside its final name and renamed (atomic on one file system). Not through
  // files.ts, whose scenario reader loads mathjs: the report path stays quick to start.
  const target = join(dir, 'report.html');
  const staging = join(dir, `.report.html.partial-${process.pid}`);
  writeFileSync(staging, html);
  renameSync(staging, target);
  return target;
}
