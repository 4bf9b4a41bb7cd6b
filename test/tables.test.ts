import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../src/io/csv.js';
import { csvToTable } from '../src/io/read-csv.js';
import { records, type Table } from '../src/metrics/table.js';

const table: Table = {
  name: 'channels',
  columns: ['tick', 'date', 'channel', 'quotaLeft', 'note'],
  rows: [[0, '2020-01-01', 'deu-skilled', 1200.5, 'a, "quoted" note'], [1, '2020-02-01', 'esp-seasonal', Number.NaN, 'line\nbreak']],
};

describe('tables', () => {
  it('records() labels every value with its column', () => {
    expect(records(table)).toEqual([
      { tick: 0, date: '2020-01-01', channel: 'deu-skilled', quotaLeft: 1200.5, note: 'a, "quoted" note' },
      { tick: 1, date: '2020-02-01', channel: 'esp-seasonal', quotaLeft: Number.NaN, note: 'line\nbreak' },
    ]);
  });

  it('read back from CSV: numbers as numbers, an empty cell of a numeric column as NaN, quoted text as it was', () => {
    const back = csvToTable('channels', tableToCsv(table));
    expect(back.columns).toEqual(table.columns);
    expect(back.rows[0]).toEqual(table.rows[0]);
    expect(back.rows[1].slice(0, 3)).toEqual([1, '2020-02-01', 'esp-seasonal']);
    expect(back.rows[1][3]).toBeNaN();
    expect(back.rows[1][4]).toBe('line\nbreak');
    // A column of ids that look like text stays text, and an all-empty column (a key) stays empty text.
    expect(csvToTable('t', 'indicator,key\ndeaths,\n').rows).toEqual([['deaths', '']]);
  });
});
