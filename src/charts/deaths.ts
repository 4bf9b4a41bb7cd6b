import * as Plot from '@observablehq/plot';
import type { Table } from '../metrics/table.js';
import { columnIndex, draw, type Chart, type ChartOptions } from './render.js';

/** Each leg crossed or died on during the run, with its totals, from a run's `legs` table. */
function legTotals(legs: Table): Array<{ leg: string; deaths: number; perThousand: number }> {
  const leg = columnIndex(legs, 'leg');
  const deaths = columnIndex(legs, 'deaths');
  const crossings = columnIndex(legs, 'crossings');
  const sums = new Map<string, { deaths: number; crossings: number }>();
  for (const row of legs.rows) {
    const s = sums.get(String(row[leg])) ?? { deaths: 0, crossings: 0 };
    s.deaths += Number(row[deaths]) || 0;
    s.crossings += Number(row[crossings]) || 0;
    sums.set(String(row[leg]), s);
  }
  return [...sums].filter(([, s]) => s.deaths + s.crossings > 0)
    // The indicator's formula: deaths per thousand who tried, 1000 × deaths / (crossings + deaths).
    .map(([id, s]) => ({ leg: id, deaths: s.deaths, perThousand: (1000 * s.deaths) / (s.crossings + s.deaths) }));
}

function bars(id: string, title: string, rows: Array<{ leg: string; value: number }>, label: string, options: ChartOptions): Chart {
  return draw(id, title, {
    marginLeft: 90,
    height: options.height ?? 40 + 22 * rows.length,
    x: { label, grid: true },
    y: { label: null },
    marks: [Plot.barX(rows, { y: 'leg', x: 'value', fill: 'steelblue', sort: { y: '-x' } }), Plot.ruleX([0])],
  }, { bar: rows.length }, options);
}

/** Deaths en route on each leg over the whole run. */
export function deathsByLegChart(legs: Table, options: ChartOptions = {}): Chart {
  const rows = legTotals(legs).map((l) => ({ leg: l.leg, value: l.deaths }));
  return bars('deaths-by-leg', 'Deaths en route by leg, persons over the run', rows, 'persons', options);
}

/** Deaths per thousand who tried each leg (crossed or died) over the whole run. */
export function deathRateByLegChart(legs: Table, options: ChartOptions = {}): Chart {
  const rows = legTotals(legs).map((l) => ({ leg: l.leg, value: l.perThousand }));
  return bars('deaths-per-thousand-by-leg', 'Deaths per thousand crossings by leg (1000 × deaths / (crossings + deaths))', rows, 'per thousand', options);
}
