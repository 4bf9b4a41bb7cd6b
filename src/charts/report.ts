import { STATE_NAMES } from '../agents/states.js';
import { total, type Table } from '../metrics/table.js';
import type { Scenario } from '../scenario/types.js';
import { armsOverTimeChart, effectsChart } from './comparison.js';
import { deathRateByLegChart, deathsByLegChart } from './deaths.js';
import { campsChart } from './flee.js';
import { flowsChart, routeFlows } from './flows.js';
import { arrivalsChart, populationChart, remittancesChart, smugglingCapacityChart, smugglingPriceChart } from './over-time.js';
import { columnIndex, distinct, type Chart, type ChartOptions } from './render.js';
import { sweepCharts, sweepParameters } from './sweep.js';

/** What a result folder holds: its kind, its JSON record and its tables by name (`routes`, `comparison`, ...). */
export interface ReportInput {
  kind: 'run' | 'comparison' | 'sweep' | 'flee';
  record: Record<string, unknown>;
  tables: ReadonlyMap<string, Table>;
}

/** Every chart that applies to the results, in reading order. */
export function reportCharts(input: ReportInput, options: ChartOptions = {}): Chart[] {
  const t = (name: string) => input.tables.get(name);
  const charts: Chart[] = [];
  const add = (...names: string[]) => (draw: (...tables: Table[]) => Chart | Chart[]) => {
    const tables = names.map(t);
    if (tables.every((x): x is Table => x !== undefined && x.rows.length > 0)) charts.push(...[draw(...tables)].flat());
  };
  if (input.kind === 'run') {
    add('routes')((r) => arrivalsChart(r, options));
    add('routes')((r) => arrivalsChart(r, { ...options, by: 'route' }));
    add('routes')((r) => flowsChart(routeFlows(input.record.scenario as Scenario, r), options));
    add('population')((p) => populationChart(p, options));
    add('legs')((l) => deathsByLegChart(l, options));
    add('legs')((l) => deathRateByLegChart(l, options));
    add('legs')((l) => smugglingPriceChart(l, options));
    add('legs')((l) => smugglingCapacityChart(l, options));
    add('countries')((c) => remittancesChart(c, options));
  } else if (input.kind === 'comparison') {
    add('comparison', 'replications')((c, r) => effectsChart(c, r, options));
    add('comparison', 'replications')((c, r) => effectsChart(c, r, { ...options, scale: 'absolute' }));
    add('tables/routes')((r) => armsOverTimeChart(r, options));
    add('tables/routes')((r) => armsOverTimeChart(r, { ...options, value: 'deaths', by: 'corridor' }));
  } else if (input.kind === 'sweep') {
    add('points')((p) => sweepCharts(p, options));
  } else {
    add('camps')((c) => campsChart(c, options));
  }
  // A chart with nothing to draw (no smugglers, no comparison indicators) is left out.
  return charts.filter((c) => Object.values(c.marks).some((n) => n > 0));
}

/**
 * One self-contained HTML page: the record, a summary and every chart, as
 * inline SVG and CSS. No script, no font, no link: it opens offline.
 */
export function reportHtml(input: ReportInput, options: ChartOptions = {}): string {
  const title = reportTitle(input);
  const charts = reportCharts(input, options);
  const body = [
    `<h1>${escape(title)}</h1>`,
    `<section id="record"><h2>Record</h2>${recordList(input)}<details><summary>The full record (${escape(recordFile(input.kind))})</summary><pre>${escape(JSON.stringify(briefRecord(input.record), null, 2))}</pre></details></section>`,
    `<section id="summary"><h2>Summary</h2>${summary(input)}</section>`,
    `<section id="charts"><h2>Charts</h2>${charts.map(figure).join('\n')}</section>`,
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE}</style></head>
<body>
${body}
<footer>Written by migsim ${escape(String(input.record.version ?? ''))}. Charts drawn with Observable Plot.</footer>
</body></html>
`;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;max-width:820px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{border-bottom:1px solid #ddd;margin-top:2em}figure{margin:1.5em 0}figcaption{font-weight:600;margin-bottom:.4em}
table{border-collapse:collapse;font-size:12px}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:right}td:first-child,th:first-child{text-align:left}
pre{max-height:30em;overflow:auto;background:#f6f6f6;padding:.5em;font-size:11px}dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dt{font-weight:600}
footer{margin-top:3em;color:#777;font-size:12px}`;

function figure(c: Chart): string {
  return `<figure class="chart" id="chart-${c.id}" data-marks='${JSON.stringify(c.marks)}'><figcaption>${escape(c.title)}</figcaption>${c.svg}</figure>`;
}

function reportTitle(input: ReportInput): string {
  const r = input.record as { scenario?: { name?: string }; baseline?: { name?: string }; variant?: { name?: string }; conflict?: string };
  switch (input.kind) {
    case 'run': return `Run of ${r.scenario?.name}`;
    case 'comparison': return `Comparison: ${r.variant?.name} against ${r.baseline?.name}`;
    case 'sweep': return `Sweep of ${r.scenario?.name}`;
    default: return `Flee: ${r.conflict}`;
  }
}

function recordFile(kind: ReportInput['kind']): string {
  return { run: 'run.json', comparison: 'comparison.json', sweep: 'sweep.json', flee: 'run.json' }[kind];
}

/** The record without the longest parts (every run's events), which stay in the folder's JSON file. */
function briefRecord(record: Record<string, unknown>): Record<string, unknown> {
  const brief = { ...record };
  if (Array.isArray(brief.events)) brief.events = `${brief.events.length} policy events (in the JSON file)`;
  if (Array.isArray(brief.runs)) brief.runs = `${brief.runs.length} runs (seeds and events in the JSON file)`;
  return brief;
}

function recordList(input: ReportInput): string {
  const r = input.record as Record<string, unknown> & { scenario?: Scenario; baseline?: Scenario; design?: unknown };
  const items: Array<[string, unknown]> = [['library', `${r.library} ${r.version}`]];
  if (r.scenario) items.push(['scenario', `${r.scenario.name}: ${r.scenario.ticks} ticks from ${r.scenario.start}, one agent = ${r.scenario.agents?.scale} persons`]);
  if (r.baseline) items.push(['ticks', `${r.baseline.ticks} from ${r.baseline.start}`]);
  for (const k of ['conflict', 'seed', 'replication', 'replications', 'agents', 'days', 'startDate']) if (r[k] !== undefined) items.push([k, r[k]]);
  if (input.kind === 'sweep') items.push(['parameters', sweepParameters(input.tables.get('points') ?? { name: '', columns: ['point', 'indicator'], rows: [] }).join(', ')]);
  return `<dl>${items.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(String(v))}</dd>`).join('')}</dl>`;
}

function summary(input: ReportInput): string {
  const t = (name: string) => input.tables.get(name);
  if (input.kind === 'run') {
    const routes = t('routes');
    const population = t('population');
    const parts: string[] = [];
    if (routes) {
      parts.push('<h3>Irregular arrivals and deaths by corridor</h3>' + htmlTable(['corridor', 'arrivals', 'deaths'],
        distinct(routes, 'corridor').map((corridor) => [corridor, persons(total(routes, 'arrivals', { corridor })), persons(total(routes, 'deaths', { corridor }))])));
    }
    if (population && population.rows.length > 0) {
      const last = population.rows[population.rows.length - 1];
      parts.push(`<h3>Everybody at the end (${escape(String(last[1]))}), by status</h3>` + htmlTable(['status', 'persons'],
        STATE_NAMES.filter((s) => population.columns.includes(s)).map((s) => [s, persons(Number(last[columnIndex(population, s)]))])));
    }
    return parts.join('\n');
  }
  if (input.kind === 'comparison') {
    const c = t('comparison');
    if (!c) return '<p>No comparison table in the folder.</p>';
    const k = (name: string) => columnIndex(c, name);
    return '<p>Mean difference variant − baseline over paired replications, with its t-based 95% interval.</p>' + htmlTable(['indicator', 'key', 'n', 'baseline', 'variant', 'effect', '95% interval'],
      c.rows.map((r) => [r[k('indicator')], r[k('key')], r[k('n')], num(r[k('baseline')]), num(r[k('variant')]), num(r[k('estimate')]), `${num(r[k('ciLow')])} to ${num(r[k('ciHigh')])}`]));
  }
  if (input.kind === 'sweep') {
    const p = t('points');
    const r = input.record as { points?: unknown[]; replications?: number };
    return `<p>${r.points?.length ?? 0} points × ${r.replications} replications; ${p ? distinct(p, 'indicator').length : 0} indicators, each charted against each parameter below (the table is in points.csv).</p>`;
  }
  const r = input.record as { score?: { mean: number; sd: number }; baseline?: number };
  return `<p>Averaged relative difference to UNHCR camp counts (rescaled; lower is better): simulated ${num(r.score?.mean)} (sd ${num(r.score?.sd)}), naive baseline ${num(r.baseline)}.</p>`;
}

function htmlTable(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return `<table><thead><tr>${head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((v) => `<td>${escape(String(v))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const persons = (n: number) => Math.round(n).toLocaleString('en-US');

function num(v: unknown): string {
  const x = Number(v);
  if (v === '' || v === undefined || !Number.isFinite(x)) return '—';
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(3)).toString();
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
