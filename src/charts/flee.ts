import * as Plot from '@observablehq/plot';
import type { Table } from '../metrics/table.js';
import { columnIndex, day, draw, type Chart, type ChartOptions } from './render.js';

/**
 * Flee: each camp's simulated persons (line) against UNHCR's observed counts
 * (dots), one panel per camp, from the `camps` table of `migsim flee`
 * (replication 0 when there are several).
 */
export function campsChart(camps: Table, options: ChartOptions = {}): Chart {
  const [replication, date, camp, simulated, observed] = ['replication', 'date', 'camp', 'simulated', 'observed'].map((c) => columnIndex(camps, c));
  const first = camps.rows.length > 0 ? camps.rows[0][replication] : 0;
  const rows = camps.rows.filter((r) => r[replication] === first).map((r) => ({ date: day(r[date]), camp: String(r[camp]), simulated: Number(r[simulated]), observed: Number(r[observed]) }));
  const names = [...new Set(rows.map((r) => r.camp))];
  // A dot a week keeps the observed series readable (and the file small).
  const observedDots = rows.filter((_, k) => Math.floor(k / names.length) % 7 === 0);
  return draw('flee-camps', 'Persons in each camp: simulated (line) and UNHCR observed (dots)', {
    height: options.height ?? 40 + 110 * names.length,
    marginRight: 120,
    x: { label: null, type: 'utc' },
    y: { label: 'persons', grid: true },
    fy: { label: null },
    marks: [
      Plot.dot(observedDots, { x: 'date', y: 'observed', fy: 'camp', r: 1.5, fill: '#999', stroke: null }),
      Plot.line(rows, { x: 'date', y: 'simulated', fy: 'camp', stroke: '#4269d0' }),
    ],
  }, { line: names.length, dot: observedDots.length }, options);
}
