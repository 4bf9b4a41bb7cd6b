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

  private addRows(table: Table, counts: CounterTable<string>, tick: number, date: string): void {
    const factors = counts.fields.map((f) => (LEVEL_FIELDS.has(f) ? 1 : this.scale));
    counts.ids.forEach((id, e) => {
      const row: Array<string | number> = [tick, date, id];
      if (counts.dimension === 'route') row.push(this.corridors[e]);
      counts.fields.forEach((f, k) => row.push(counts.count[f][e] * factors[k]));
      table.rows.push(row);
    });
  }

  tables(): Table[] {
    return [this.population, ...this.dimensions];
  }
}

function plural(dimension: string): string {
  return dimension === 'country' ? 'countries' : dimension === 'channelOrigin' ? 'channelOrigins' : `${dimension}s`;
}
