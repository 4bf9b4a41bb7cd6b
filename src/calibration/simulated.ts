import { Clock } from '../engine/clock.js';
import type { RunResult } from '../engine/simulation.js';
import { CHANNEL_FIELDS, COUNTRY_FIELDS, LEG_FIELDS, ROUTE_FIELDS } from '../metrics/counters.js';
import type { Table } from '../metrics/table.js';
import type { Scenario } from '../scenario/types.js';
import { ObservedDataError, type ObservedData, type ObservedIssue, type ObservedSeries, type ObservedTable } from './observed.js';

/** Where an observed series is read in a run: the run's table, its id column, the ids summed, the ticks of each point. */
export interface SeriesReading {
  table: string;
  column: string;
  ids: string[];
  figure: string;
  /** Per point, the ticks it covers. */
  ticks: number[][];
}

const TABLES: Record<ObservedTable, { table: string; column: string; fields: readonly string[]; ids: (s: Scenario) => string[] }> = {
  route: { table: 'routes', column: 'route', fields: ROUTE_FIELDS, ids: (s) => s.routes.map((r) => r.id) },
  corridor: { table: 'routes', column: 'corridor', fields: ROUTE_FIELDS, ids: (s) => [...new Set(s.routes.map((r) => r.corridor))] },
  leg: { table: 'legs', column: 'leg', fields: LEG_FIELDS, ids: (s) => s.legs.map((l) => l.id) },
  country: { table: 'countries', column: 'country', fields: COUNTRY_FIELDS, ids: (s) => s.countries.map((c) => c.id) },
  channel: { table: 'channels', column: 'channel', fields: CHANNEL_FIELDS, ids: (s) => s.channels.map((c) => c.id) },
};

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * How each observed series is read from runs of this scenario. Every key must
 * name an id of the scenario, every figure a count of its table, and every
 * point a period the run covers whole, tick for tick; otherwise an
 * ObservedDataError names the line.
 */
export function seriesReadings(observed: ObservedData, scenario: Scenario): SeriesReading[] {
  const clock = new Clock(scenario.start, scenario.ticksPerYear);
  const months = Array.from({ length: scenario.ticks + 1 }, (_, k) => clock.date(k).slice(0, 7));
  const issues: ObservedIssue[] = [];
  const readings = observed.series.map((s: ObservedSeries) => {
    const spec = TABLES[s.table];
    const known = spec.ids(scenario);
    const ids = s.key.split('+').map((k) => k.trim());
    const line = s.points[0].line;
    for (const id of ids) if (!known.includes(id)) issues.push({ line, column: 'key', expected: `a ${s.table} of scenario ${scenario.name} (${known.join(', ')})`, found: `"${id}"` });
    if (!spec.fields.includes(s.figure)) issues.push({ line, column: 'figure', expected: `a column of the ${spec.table} table (${spec.fields.join(', ')})`, found: `"${s.figure}"` });
    const ticks = s.points.map((p) => {
      const inside = months.slice(0, scenario.ticks).flatMap((m, k) => (m >= p.from && m <= p.to ? [k] : []));
      const first = inside[0];
      const last = inside.at(-1);
      if (first === undefined || last === undefined || months[first] !== p.from || months[last + 1] !== nextMonth(p.to) || last + 1 > scenario.ticks) {
        issues.push({ line: p.line, column: 'date', expected: `a period the run covers whole, tick for tick (the run: ${months[0]} to ${months[scenario.ticks - 1]}, ${scenario.ticksPerYear} ticks a year)`, found: `"${p.date}"` });
      }
      return inside;
    });
    return { table: spec.table, column: spec.column, ids, figure: s.figure, ticks };
  });
  if (issues.length > 0) throw new ObservedDataError(observed.file, issues);
  return readings;
}

/** The simulated value of every point of every series in one run, in the observed data's order. */
export function simulatedSeries(readings: readonly SeriesReading[], result: RunResult): number[][] {
  const tables = new Map<string, Table>(result.tables.map((t) => [t.name, t]));
  return readings.map((r) => {
    const table = tables.get(r.table)!;
    const tick = table.columns.indexOf('tick');
    const id = table.columns.indexOf(r.column);
    const value = table.columns.indexOf(r.figure);
    const ids = new Set(r.ids);
    const byTick = new Map<number, number>();
    for (const row of table.rows) if (ids.has(row[id] as string)) byTick.set(row[tick] as number, (byTick.get(row[tick] as number) ?? 0) + (row[value] as number));
    return r.ticks.map((ticks) => ticks.reduce((sum, k) => sum + (byTick.get(k) ?? 0), 0));
  });
}
