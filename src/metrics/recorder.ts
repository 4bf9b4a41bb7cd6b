import { STATE_NAMES } from '../agents/states.js';
import { LEVEL_FIELDS, type CounterTable, type TickCounters } from './counters.js';
import type { Table } from './table.js';

/**
 * Turns each tick's counters into rows of the run's tables, in persons and
 * dollars (agents times scale; levels such as prices as they are): `population` (everybody by state), `countries`,
 * `routes`, `legs` and `channels`. Every row carries tick and date.
 */
export class Recorder {
  readonly population: Table;
  readonly dimensions: Table[];

  /** `byOrigin`: also the figures by channel and origin and by destination and origin (`channelOrigins`, `returns`). */
  constructor(counters: TickCounters, private readonly scale: number, private readonly corridors: readonly string[], private readonly byOrigin = false) {
    this.population = { name: 'population', columns: ['tick', 'date', ...STATE_NAMES, 'total'], rows: [] };
    this.dimensions = this.recorded(counters).map((t) => ({
      name: plural(t.dimension),
      columns: ['tick', 'date', t.dimension, ...(t.dimension === 'route' ? ['corridor'] : []), ...t.fields],
      rows: [],
    }));
  }

  record(tick: number, date: string, byState: Float64Array, counters: TickCounters): void {
    const scale = this.scale;
    const people = Array.from(byState, (v) => v * scale);
    this.population.rows.push([tick, date, ...people, people.reduce((a, b) => a + b, 0)]);
    this.recorded(counters).forEach((t, k) => this.addRows(this.dimensions[k], t, tick, date));
  }

  private recorded(counters: TickCounters): ReadonlyArray<CounterTable<string>> {
    return this.byOrigin ? [...counters.tables(), ...counters.byOrigin()] : counters.tables();
  }

  /** Plain loops over rows sized once: with governments it writes a row per channel and origin, and per destination and origin, every tick. */
  private addRows(table: Table, counts: CounterTable<string>, tick: number, date: string): void {
    const columns = counts.fields.map((f) => counts.count[f]);
    const factors = counts.fields.map((f) => (LEVEL_FIELDS.has(f) ? 1 : this.scale));
    const route = counts.dimension === 'route';
    const first = route ? 4 : 3;
    for (let e = 0; e < counts.ids.length; e++) {
      const row = new Array<string | number>(first + columns.length);
      row[0] = tick;
      row[1] = date;
      row[2] = counts.ids[e];
      if (route) row[3] = this.corridors[e];
      for (let k = 0; k < columns.length; k++) row[first + k] = columns[k][e] * factors[k];
      table.rows.push(row);
    }
  }

  tables(): Table[] {
    return [this.population, ...this.dimensions];
  }
}

function plural(dimension: string): string {
  return dimension === 'country' ? 'countries' : dimension === 'channelOrigin' ? 'channelOrigins' : `${dimension}s`;
}
