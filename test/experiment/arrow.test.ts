import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC as readWithFlechette } from '@uwdata/flechette';
import { tableFromIPC as readWithApacheArrow } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrowToTable, tableToArrow } from '../../src/arrow/index.js';
import { csvToTable } from '../../src/io/read-csv.js';
import { compare } from '../../src/experiment/compare.js';
import { comparisonFiles } from '../../src/node/experiment.js';
import { writeFilesAtomically } from '../../src/node/files.js';
import { withPolicies } from '../../src/experiment/compare.js';
import { mediterranean, runCli, SCENARIOS } from '../helpers.js';

/** A CSV file's rows as text cells (our CSV quotes only cells with commas, quotes or line ends; these have none). */
function csvRows(text: string): string[][] {
  return text.trim().split('\n').map((l) => l.split(','));
}

/** What a CSV cell says about an Arrow value: empty is null, a date is its day, numbers compare as numbers. */
function sameValue(arrow: unknown, cell: string): boolean {
  if (cell === '') return arrow === null || arrow === ''; // CSV cannot tell an empty text from a missing number
  if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) return arrow === Date.parse(`${cell}T00:00:00Z`) || (arrow instanceof Date && arrow.getTime() === Date.parse(`${cell}T00:00:00Z`));
  if (typeof arrow === 'boolean') return (arrow ? '1' : '0') === cell;
  if (typeof arrow === 'bigint') return String(arrow) === cell;
  if (typeof arrow === 'number') return Math.abs(arrow - Number(cell)) <= 1e-9 * Math.max(1, Math.abs(arrow));
  return String(arrow) === cell;
}

const readers = {
  'apache-arrow': (bytes: Uint8Array) => {
    const t = readWithApacheArrow(bytes);
    return { columns: t.schema.fields.map((f) => f.name), rows: t.toArray().map((r) => r.toJSON() as Record<string, unknown>) };
  },
  // An independent implementation of the Arrow format (UW Interactive Data Lab), not the library that wrote the files.
  flechette: (bytes: Uint8Array) => {
    const t = readWithFlechette(bytes);
    return { columns: t.schema.fields.map((f) => f.name), rows: t.toArray() as Array<Record<string, unknown>> };
  },
};

describe('Arrow IPC files', () => {
  let dir: string;
  beforeAll(async () => {
    const baseline = mediterranean({ scale: 50_000, ticks: 48 });
    const variant = withPolicies(baseline, [{ plugin: 'set-attribute', name: 'closure', kind: 'leg', targets: ['lby-ita'], attribute: 'interception', value: 0.6, from: '2016-01' }]);
    dir = join(mkdtempSync(join(tmpdir(), 'migsim-arrow-')), 'cmp');
    writeFilesAtomically(dir, await comparisonFiles(compare(baseline, variant, { replications: 2, tables: true })));
  });

  for (const [reader, read] of Object.entries(readers)) {
    it(`open with ${reader} and hold the same columns and values as the CSV files`, () => {
      const names = [...readdirSync(dir).filter((f) => f.endsWith('.arrow')), ...readdirSync(join(dir, 'tables')).map((f) => `tables/${f}`).filter((f) => f.endsWith('.arrow'))];
      expect(names.sort()).toEqual(['comparison.arrow', 'replications.arrow', ...['channels', 'countries', 'legs', 'population', 'routes'].map((t) => `tables/${t}.arrow`)]);
      for (const name of names) {
        const bytes = new Uint8Array(readFileSync(join(dir, name)));
        expect(Buffer.from(bytes.subarray(0, 6)).toString(), name).toBe('ARROW1'); // the IPC file format, as read_feather / read_ipc expect
        const table = read(bytes);
        const [head, ...rows] = csvRows(readFileSync(join(dir, name.replace(/\.arrow$/, '.csv')), 'utf8'));
        expect(table.columns, name).toEqual(head);
        expect(table.rows.length, name).toBe(rows.length);
        rows.forEach((cells, i) => cells.forEach((cell, k) => {
          const value = table.rows[i][head[k]];
          if (!sameValue(value, cell)) throw new Error(`${name} row ${i} column ${head[k]}: Arrow has ${String(value)}, CSV has "${cell}"`);
        }));
      }
    });
  }

  it('type columns as a data frame expects: whole-number ticks, dates, floats with nulls, text', () => {
    const t = readWithApacheArrow(new Uint8Array(readFileSync(join(dir, 'tables', 'channels.arrow'))));
    const type = (name: string) => String(t.schema.fields.find((f) => f.name === name)!.type);
    expect([type('arm'), type('replication'), type('tick'), type('date'), type('channel'), type('quotaLeft')]).toEqual(['Utf8', 'Int32', 'Int32', 'Date32<DAY>', 'Utf8', 'Float64']);
    const comparison = readWithApacheArrow(new Uint8Array(readFileSync(join(dir, 'comparison.arrow'))));
    expect(String(comparison.schema.fields.find((f) => f.name === 'excludesZero')!.type)).toBe('Bool');
    const replications = readWithApacheArrow(new Uint8Array(readFileSync(join(dir, 'replications.arrow'))));
    expect(String(replications.schema.fields.find((f) => f.name === 'seed')!.type)).toBe('Int32');
  });

  it('read back into the same table as the CSV file (arrowToTable)', () => {
    for (const name of ['comparison', 'tables/routes']) {
      const fromArrow = arrowToTable(name, new Uint8Array(readFileSync(join(dir, `${name}.arrow`))));
      const fromCsv = csvToTable(name, readFileSync(join(dir, `${name}.csv`), 'utf8'));
      expect(fromArrow.columns).toEqual(fromCsv.columns);
      expect(fromArrow.rows.length).toBe(fromCsv.rows.length);
      fromCsv.rows.forEach((row, i) => row.forEach((cell, k) => {
        const v = fromArrow.rows[i][k];
        if (typeof cell === 'number' && Number.isNaN(cell)) expect(v, `${name} ${i} ${k}`).toBeNaN();
        else if (typeof cell === 'number' && typeof v === 'number') expect(Math.abs(v - cell), `${name} ${i} ${k}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(cell)));
        else expect(v, `${name} ${i} ${k}`).toBe(cell);
      }));
    }
  });

  it('are the same bytes for the same table', () => {
    const table = { name: 't', columns: ['tick', 'date', 'x', 'label'], rows: [[0, '2020-01-01', 1.5, 'a'], [1, '2020-02-01', Number.NaN, 'b,c']] };
    expect(Buffer.compare(tableToArrow(table), tableToArrow(structuredClone(table))) === 0).toBe(true);
    expect(readWithFlechette(tableToArrow(table)).toArray()[1]).toEqual({ tick: 1, date: Date.parse('2020-02-01T00:00:00Z'), x: null, label: 'b,c' });
  });

  it('migsim run writes its per-tick tables as Arrow with --format arrow', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'migsim-arrow-')), 'run');
    const { code } = await runCli(['run', join(SCENARIOS, 'mediterranean.yaml'), '--scale', '100000', '--ticks', '12', '--format', 'arrow', '--out', out]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['channels.arrow', 'countries.arrow', 'events.arrow', 'legs.arrow', 'migsim-manifest.json', 'population.arrow', 'routes.arrow', 'run.json']);
    expect(readWithFlechette(new Uint8Array(readFileSync(join(out, 'population.arrow')))).numRows).toBe(12);
  });
});
