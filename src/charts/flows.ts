import * as Plot from '@observablehq/plot';
import type { Table } from '../metrics/table.js';
import type { Scenario } from '../scenario/types.js';
import { columnIndex, draw, type Chart, type ChartOptions } from './render.js';

/** Persons who reached the end of a route, with the route's origin and destination countries. */
export interface RouteFlow {
  origin: string;
  route: string;
  destination: string;
  persons: number;
}

/** Each route's arrivals over the run, with the countries its first leg leaves and its last leg enters. */
export function routeFlows(scenario: Pick<Scenario, 'countries' | 'legs' | 'routes'>, routes: Table): RouteFlow[] {
  const countryOf = new Map<string, string>();
  for (const c of scenario.countries) {
    countryOf.set(c.id, c.id);
    for (const p of c.places ?? []) countryOf.set(p.id, c.id);
  }
  const legs = new Map(scenario.legs.map((l) => [l.id, l]));
  const route = columnIndex(routes, 'route');
  const arrivals = columnIndex(routes, 'arrivals');
  const totals = new Map<string, number>();
  for (const row of routes.rows) totals.set(String(row[route]), (totals.get(String(row[route])) ?? 0) + (Number(row[arrivals]) || 0));
  return scenario.routes.map((r) => {
    const first = legs.get(r.legs[0])!;
    const last = legs.get(r.legs[r.legs.length - 1])!;
    return { origin: countryOf.get(first.from) ?? first.from, route: r.id, destination: countryOf.get(last.to) ?? last.to, persons: totals.get(r.id) ?? 0 };
  });
}

/**
 * Origin → route → destination, Sankey-style: each origin, route and
 * destination a bar as tall as the persons through it, each flow a band as
 * wide. Drawn from the flows alone, so it needs no coordinates.
 */
export function flowsChart(flows: readonly RouteFlow[], options: ChartOptions = {}): Chart {
  const moving = flows.filter((f) => f.persons > 0);
  const total = moving.reduce((s, f) => s + f.persons, 0);
  const height = options.height ?? 420;
  const columns = [
    { x: 0, of: (f: RouteFlow) => f.origin },
    { x: 1, of: (f: RouteFlow) => f.route },
    { x: 2, of: (f: RouteFlow) => f.destination },
  ];
  // Nodes stacked in each column with a gap between them, sized by persons.
  const gap = 0.02;
  type Node = { column: number; name: string; persons: number; y1: number; y2: number; inUsed: number; outUsed: number };
  const nodes = new Map<string, Node>();
  for (const { x, of } of columns) {
    const names = [...new Set(moving.map(of))];
    const room = 1 - gap * Math.max(0, names.length - 1);
    let y = 0;
    for (const name of names) {
      const persons = moving.filter((f) => of(f) === name).reduce((s, f) => s + f.persons, 0);
      const h = (room * persons) / total;
      nodes.set(`${x}:${name}`, { column: x, name, persons, y1: y, y2: y + h, inUsed: 0, outUsed: 0 });
      y += h + gap;
    }
  }
  const links: Array<{ x1: number; x2: number; y1: number; y2: number; width: number; label: string }> = [];
  for (const f of moving) {
    for (let c = 0; c < 2; c++) {
      const from = nodes.get(`${c}:${columns[c].of(f)}`)!;
      const to = nodes.get(`${c + 1}:${columns[c + 1].of(f)}`)!;
      const share = (to.y2 - to.y1) * (f.persons / to.persons);
      const outShare = (from.y2 - from.y1) * (f.persons / from.persons);
      links.push({
        x1: c + 0.02, x2: c + 0.98, y1: from.y1 + from.outUsed + outShare / 2, y2: to.y1 + to.inUsed + share / 2,
        width: Math.max(1, (height - 40) * (outShare + share) / 2), label: `${columns[c].of(f)} → ${columns[c + 1].of(f)}: ${Math.round(f.persons).toLocaleString('en-US')}`,
      });
      from.outUsed += outShare;
      to.inUsed += share;
    }
  }
  const boxes = [...nodes.values()];
  return draw('flows', 'Arrivals over the run: origin → route → destination (band width ∝ persons)', {
    height,
    marginLeft: 10,
    marginRight: 10,
    x: { axis: null, domain: [-0.05, 2.35] },
    y: { axis: null, domain: [1, 0] },
    marks: [
      Plot.link(links, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', strokeWidth: 'width', stroke: '#4269d0', strokeOpacity: 0.35, curve: 'bump-x', title: 'label' }),
      Plot.rect(boxes, { x1: (n: Node) => n.column - 0.02, x2: (n: Node) => n.column + 0.02, y1: 'y1', y2: 'y2', fill: '#333' }),
      Plot.text(boxes, { x: (n: Node) => n.column + 0.03, y: (n: Node) => (n.y1 + n.y2) / 2, text: (n: Node) => `${n.name} ${Math.round(n.persons).toLocaleString('en-US')}`, textAnchor: 'start' }),
    ],
  }, { link: links.length, rect: boxes.length }, { ...options, height });
}
