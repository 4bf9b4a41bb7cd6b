import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  armsOverTimeChart, arrivalsChart, campsChart, deathRateByLegChart, deathsByLegChart, effectsChart, flowsChart, populationChart,
  remittancesChart, routeFlows, smugglingCapacityChart, smugglingPriceChart, sweepCharts, type Chart,
} from '../src/charts/index.js';
import type { Table } from '../src/metrics/table.js';
import { chartDocument } from '../src/node/dom.js';

let document: Document;
beforeAll(async () => {
  document = await chartDocument();
});

/** The elements Plot drew for one kind of mark (inside facet groups too), parsed back from the chart's markup. */
function drawn(chart: Chart, mark: string, element: string): Element[] {
  const { document: page } = parseHTML(`<html><body>${chart.svg}</body></html>`);
  return [...page.querySelectorAll(`g[aria-label="${mark}"]`)].flatMap((g) => [...g.children].flatMap((c) => (c.tagName.toLowerCase() === 'g' ? [...c.children] : [c])))
    .filter((e) => e.tagName.toLowerCase() === element);
}

const texts = (chart: Chart) => [...parseHTML(`<html><body>${chart.svg}</body></html>`).document.querySelectorAll('text, span')].map((t) => (t.textContent ?? '').replace('\u2212', '-'));

const routes: Table = {
  name: 'routes',
  columns: ['tick', 'date', 'route', 'corridor', 'departures', 'arrivals', 'deaths'],
  rows: [
    [0, '2020-01-01', 'a1', 'east', 5, 10, 1], [0, '2020-01-01', 'a2', 'east', 5, 20, 0], [0, '2020-01-01', 'b', 'west', 1, 5, 2],
    [1, '2020-02-01', 'a1', 'east', 5, 30, 0], [1, '2020-02-01', 'a2', 'east', 5, 0, 0], [1, '2020-02-01', 'b', 'west', 1, 7, 0],
  ],
};

describe('charts', () => {
  it('arrivals: one line per corridor (or route), labelled in the legend, with the sums the table holds', () => {
    const byCorridor = arrivalsChart(routes, { document });
    expect(byCorridor.marks).toEqual({ line: 2 });
    expect(drawn(byCorridor, 'line', 'path')).toHaveLength(2);
    expect(texts(byCorridor)).toEqual(expect.arrayContaining(['east', 'west']));
    // The y axis reaches the largest sum over a corridor's routes in one tick: 30 (east, February).
    expect(Math.max(...texts(byCorridor).map(Number).filter(Number.isFinite))).toBe(30);
    expect(drawn(arrivalsChart(routes, { document, by: 'route' }), 'line', 'path')).toHaveLength(3);
  });

  it('everybody by status: one line per status away from home', () => {
    const population: Table = { name: 'population', columns: ['tick', 'date', 'home', 'inTransit', 'dead', 'total'], rows: [[0, '2020-01-01', 90, 8, 2, 100], [1, '2020-02-01', 80, 15, 5, 100]] };
    const c = populationChart(population, { document });
    expect(drawn(c, 'line', 'path')).toHaveLength(2);
    expect(texts(c)).toEqual(expect.arrayContaining(['inTransit', 'dead']));
    expect(texts(c)).not.toContain('home');
  });

  const legs: Table = {
    name: 'legs',
    columns: ['tick', 'date', 'leg', 'crossings', 'deaths', 'price', 'capacity', 'smugglers'],
    rows: [
      [0, '2020-01-01', 'sea', 90, 10, 1000, 50, 3], [0, '2020-01-01', 'land', 100, 0, 300, Number.NaN, 0], [0, '2020-01-01', 'unused', 0, 0, 10, Number.NaN, 0],
      [1, '2020-02-01', 'sea', 190, 10, 1200, 40, 2], [1, '2020-02-01', 'land', 100, 0, 300, Number.NaN, 0], [1, '2020-02-01', 'unused', 0, 0, 10, Number.NaN, 0],
    ],
  };

  it('deaths by leg: a bar for each leg tried, and per thousand crossings as the indicator defines it', () => {
    expect(drawn(deathsByLegChart(legs, { document }), 'bar', 'rect')).toHaveLength(2);
    const rate = deathRateByLegChart(legs, { document });
    expect(rate.marks).toEqual({ bar: 2 });
    // sea: 1000 × 20 / (280 + 20) = 66.7 per thousand; the axis runs to at least 60.
    expect(Math.max(...texts(rate).map(Number).filter(Number.isFinite))).toBeGreaterThanOrEqual(60);
  });

  it('smuggling price and capacity: only legs with smugglers', () => {
    for (const c of [smugglingPriceChart(legs, { document }), smugglingCapacityChart(legs, { document })]) {
      expect(drawn(c, 'line', 'path')).toHaveLength(1);
      expect(texts(c)).toContain('sea');
    }
  });

  it('remittances: one line per origin that received any', () => {
    const countries: Table = { name: 'countries', columns: ['tick', 'date', 'country', 'remittancesReceived'], rows: [[0, '2020-01-01', 'SEN', 5], [0, '2020-01-01', 'ESP', 0], [0, '2020-01-01', 'MLI', 1]] };
    expect(drawn(remittancesChart(countries, { document }), 'line', 'path')).toHaveLength(2);
  });

  it('flows: a band from each origin to each route and from each route to its destination', () => {
    const scenario = {
      countries: [{ id: 'SEN', places: [] }, { id: 'MAR', places: [{ id: 'MAR-N' }] }, { id: 'ESP', places: [] }],
      legs: [{ id: 'l1', from: 'SEN', to: 'MAR-N' }, { id: 'l2', from: 'MAR-N', to: 'ESP' }],
      routes: [{ id: 'r1', corridor: 'x', legs: ['l1', 'l2'] }, { id: 'r2', corridor: 'x', legs: ['l2'] }],
    } as unknown as Parameters<typeof routeFlows>[0];
    const table: Table = { name: 'routes', columns: ['tick', 'date', 'route', 'arrivals'], rows: [[0, '2020-01-01', 'r1', 40], [1, '2020-02-01', 'r1', 60], [0, '2020-01-01', 'r2', 0]] };
    const flows = routeFlows(scenario, table);
    expect(flows).toEqual([{ origin: 'SEN', route: 'r1', destination: 'ESP', persons: 100 }, { origin: 'MAR', route: 'r2', destination: 'ESP', persons: 0 }]);
    const c = flowsChart(flows, { document });
    expect(drawn(c, 'link', 'path')).toHaveLength(2);
    expect(drawn(c, 'rect', 'rect')).toHaveLength(3);
    expect(texts(c)).toEqual(expect.arrayContaining(['SEN 100', 'r1 100', 'ESP 100']));
  });

  const comparison: Table = {
    name: 'comparison',
    columns: ['indicator', 'key', 'level', 'unit', 'n', 'baseline', 'variant', 'estimate', 'ciLow', 'ciHigh', 'excludesZero'],
    rows: [
      ['arrivals', 'east', 'run', 'persons', 2, 100, 80, -20, -30, -10, 1],
      ['deaths', '', 'run', 'persons', 2, 0, 0, 0, 0, 0, 0],
      ['diversionRatio', '', 'comparison', 'ratio', 2, Number.NaN, Number.NaN, 0.4, 0.1, 0.7, 1],
    ],
  };
  const replications: Table = {
    name: 'replications',
    columns: ['indicator', 'key', 'replication', 'seed', 'baseline', 'variant', 'estimate'],
    rows: [['arrivals', 'east', 0, 1, 90, 75, -15], ['arrivals', 'east', 1, 1, 110, 85, -25], ['diversionRatio', '', 0, 1, Number.NaN, Number.NaN, 0.3], ['diversionRatio', '', 1, 1, Number.NaN, Number.NaN, 0.5]],
  };

  it('effects: a forest plot with the mean, the interval and every replication, relative to the baseline', () => {
    const relative = effectsChart(comparison, replications, { document });
    // Only arrivals has a baseline other than 0: one row, two replications.
    expect(relative.marks).toEqual({ dot: 2, rule: 2, tick: 1 });
    expect(drawn(relative, 'dot', 'circle')).toHaveLength(2);
    expect(drawn(relative, 'tick', 'line')).toHaveLength(1);
    expect(texts(relative)).toContain('arrivals east');
    // −20 of 100 is −20%: the axis covers the interval, −30% to −10%.
    expect(texts(relative).map(Number).filter(Number.isFinite)).toEqual(expect.arrayContaining([-30, -10]));
    const absolute = effectsChart(comparison, replications, { document, scale: 'absolute' });
    expect(absolute.marks).toEqual({ dot: 2, rule: 2, tick: 1 });
    expect(texts(absolute)).toContain('diversionRatio');
  });

  it('baseline against variant: a line and a band per arm and corridor', () => {
    const stacked: Table = {
      name: 'routes', columns: ['arm', 'replication', ...routes.columns],
      rows: ['baseline', 'variant'].flatMap((arm) => [0, 1].flatMap((r) => routes.rows.map((row) => [arm, r, ...row]))),
    };
    const c = armsOverTimeChart(stacked, { document });
    expect(c.marks).toEqual({ line: 4, area: 4 });
    expect(drawn(c, 'line', 'path')).toHaveLength(4);
    expect(drawn(c, 'area', 'path')).toHaveLength(4);
  });

  it('sweeps: each indicator against its parameter, or a heatmap for a grid of two', () => {
    const one: Table = { name: 'points', columns: ['point', 'legs[0].interception', 'indicator', 'key', 'n', 'mean', 'ciLow', 'ciHigh'], rows: [[0, 0.1, 'deaths', '', 3, 10, 8, 12], [1, 0.5, 'deaths', '', 3, 6, 5, 7], [2, 0.9, 'deaths', '', 3, 2, Number.NaN, Number.NaN]] };
    const [line] = sweepCharts(one, { document });
    expect(line.marks).toEqual({ dot: 3, rule: 2, line: 1 });
    expect(drawn(line, 'dot', 'circle')).toHaveLength(3);
    const two: Table = {
      name: 'points', columns: ['point', 'a', 'b', 'indicator', 'key', 'n', 'mean', 'ciLow', 'ciHigh'],
      rows: [[0, 1, 1, 'deaths', '', 2, 1, 0, 2], [1, 1, 2, 'deaths', '', 2, 2, 1, 3], [2, 2, 1, 'deaths', '', 2, 3, 2, 4], [3, 2, 2, 'deaths', '', 2, 4, 3, 5]],
    };
    const [heatmap] = sweepCharts(two, { document });
    expect(drawn(heatmap, 'cell', 'rect')).toHaveLength(4);
  });

  it('Flee camps: one panel and line per camp, observed counts as dots', () => {
    const camps: Table = {
      name: 'camps', columns: ['replication', 'day', 'date', 'camp', 'simulated', 'observed'],
      rows: [0, 1].flatMap((day) => ['A', 'B'].map((camp) => [0, day, `2020-01-0${day + 1}`, camp, 10 * day, 12 * day])),
    };
    const c = campsChart(camps, { document });
    expect(drawn(c, 'line', 'path')).toHaveLength(2);
    expect(c.marks.dot).toBe(drawn(c, 'dot', 'circle').length);
  });

  it('need a document: in Node without one, the error says where to get it', () => {
    expect(() => arrivalsChart(routes)).toThrow(/chartDocument\(\)/);
  });
});
