import * as Plot from '@observablehq/plot';
import { STATE_NAMES } from '../agents/states.js';
import type { Table } from '../metrics/table.js';
import { columnIndex, day, draw, sumsOverTime, type Chart, type ChartOptions } from './render.js';

type Point = { date: Date; series: string; value: number };

/** One line per series over time: the shape of most of a run's figures. */
function linesOverTime(id: string, title: string, points: Point[], y: string, options: ChartOptions): Chart {
  const series = new Set(points.map((p) => p.series)).size;
  return draw(id, title, {
    marginLeft: 50,
    y: { label: y, grid: true, tickFormat: '~s' },
    x: { label: null, type: 'utc' },
    color: { legend: true, type: 'categorical' },
    marks: [Plot.ruleY([0]), Plot.line(points, { x: 'date', y: 'value', stroke: 'series', z: 'series' })],
  }, { line: series }, options);
}

/** Irregular arrivals each tick, one line per corridor (or per route), from a run's `routes` table. */
export function arrivalsChart(routes: Table, options: ChartOptions & { by?: 'corridor' | 'route' } = {}): Chart {
  const by = options.by ?? 'corridor';
  return linesOverTime(`arrivals-by-${by}`, `Irregular arrivals by ${by}, persons per tick`, sumsOverTime(routes, 'arrivals', by), 'persons', options);
}

/** Everybody by status over time, from a run's `population` table; those at home, who dwarf the rest, are left out. */
export function populationChart(population: Table, options: ChartOptions = {}): Chart {
  const d = columnIndex(population, 'date');
  const states = STATE_NAMES.filter((s) => s !== 'home' && population.columns.includes(s));
  const points = population.rows.flatMap((row) => states.map((s) => ({ date: day(row[d]), series: s, value: Number(row[columnIndex(population, s)]) })));
  return linesOverTime('population-by-status', 'Everybody away from home by status, persons at the end of each tick', points, 'persons', options);
}

/** Only rows whose value is a number: legs without smugglers have no capacity. */
const finite = (table: Table, value: string) => {
  const k = columnIndex(table, value);
  return (row: Array<string | number>) => row[k] !== '' && Number.isFinite(Number(row[k]));
};

/** Smugglers' price per attempt on each leg with smugglers, from a run's `legs` table. */
export function smugglingPriceChart(legs: Table, options: ChartOptions = {}): Chart {
  return linesOverTime('smuggling-price', 'Smuggling price per attempt by leg, dollars', sumsOverTime(legs, 'price', 'leg', withSmugglers(legs)), 'dollars', options);
}

/** Smugglers' capacity (places per tick) on each leg with smugglers. */
export function smugglingCapacityChart(legs: Table, options: ChartOptions = {}): Chart {
  return linesOverTime('smuggling-capacity', 'Smuggling capacity by leg, places per tick', sumsOverTime(legs, 'capacity', 'leg', withSmugglers(legs)), 'places', options);
}

/** Rows of legs that had smugglers at some tick (others have no market: their price is the cost). */
function withSmugglers(legs: Table): (row: Array<string | number>) => boolean {
  const leg = columnIndex(legs, 'leg');
  const smugglers = columnIndex(legs, 'smugglers');
  const capacity = finite(legs, 'capacity');
  const markets = new Set(legs.rows.filter((r) => Number(r[smugglers]) > 0).map((r) => r[leg]));
  return (row) => markets.has(row[leg]) && capacity(row);
}

/** Remittances received by each origin that received any, dollars per tick, from a run's `countries` table. */
export function remittancesChart(countries: Table, options: ChartOptions = {}): Chart {
  const country = columnIndex(countries, 'country');
  const received = columnIndex(countries, 'remittancesReceived');
  const origins = new Set(countries.rows.filter((r) => Number(r[received]) > 0).map((r) => r[country]));
  const points = sumsOverTime(countries, 'remittancesReceived', 'country', (r) => origins.has(r[country]));
  return linesOverTime('remittances-by-origin', 'Remittances received by origin, dollars per tick (after fees)', points, 'dollars', options);
}
