import { STATE_NAMES } from '../agents/states.js';
import type { RunResult } from '../engine/simulation.js';
import { total, type Table } from '../metrics/table.js';
import type { Scenario } from '../scenario/types.js';
import { eventsTable, tableToCsv } from './csv.js';
import { jsonText } from './json.js';

/** The files a run writes: one CSV per table, the policy events, and a JSON record to reproduce it. */
export function runFiles(scenario: Scenario, result: RunResult, version: string): Array<{ name: string; content: string }> {
  const files = result.tables.map((t) => ({ name: `${t.name}.csv`, content: tableToCsv(t) }));
  files.push({ name: 'events.csv', content: tableToCsv(eventsTable(result.events)) });
  const record = {
    library: 'migsim', version, scenario, seed: result.seed, replication: result.replication, ticksRun: result.ticksRun,
    agents: result.agents, scale: result.scale, plugins: result.plugins, roles: result.roles, events: result.events,
  };
  files.push({ name: 'run.json', content: jsonText(record) });
  return files;
}

/** A short, readable account of a run: arrivals by corridor, route and destination, deaths, stocks by status. */
export function summarise(result: RunResult): string {
  const find = (name: string) => result.tables.find((t) => t.name === name) as Table;
  const routes = find('routes');
  const population = find('population');
  const fmt = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const lines: string[] = [];
  const first = population.rows[0];
  const last = population.rows[population.rows.length - 1];
  lines.push(`${result.scenario}: seed ${result.seed}, replication ${result.replication}, ${result.ticksRun} ticks (${first?.[1]} to ${last?.[1]}), ${fmt(result.agents)} agents x ${result.scale} persons`);

  const corridors = [...new Set(routes.rows.map((r) => String(r[3])))];
  lines.push('', 'Irregular arrivals and deaths by corridor and route:');
  for (const corridor of corridors) {
    lines.push(`  ${corridor.padEnd(22)} arrivals ${fmt(total(routes, 'arrivals', { corridor })).padStart(11)}   deaths ${fmt(total(routes, 'deaths', { corridor })).padStart(9)}`);
    const ids = [...new Set(routes.rows.filter((r) => r[3] === corridor).map((r) => String(r[2])))];
    for (const route of ids) {
      lines.push(`    ${route.padEnd(20)} arrivals ${fmt(total(routes, 'arrivals', { route })).padStart(11)}   deaths ${fmt(total(routes, 'deaths', { route })).padStart(9)}`);
    }
  }
  lines.push('', 'Arrivals by destination (legal and irregular; settling in transit counts where it happens):');
  for (const role of result.roles.filter((r) => r.arrivals > 0)) lines.push(`  ${role.country.padEnd(22)} ${fmt(role.arrivals).padStart(11)}`);
  lines.push('', `Deaths en route: ${fmt(total(routes, 'deaths'))}`);
  lines.push('', 'Everybody at the end, by status:');
  STATE_NAMES.forEach((s, k) => lines.push(`  ${s.padEnd(22)} ${fmt(Number(last?.[2 + k] ?? 0)).padStart(13)}`));
  lines.push('', 'Roles from flows: ' + result.roles.filter((r) => r.roles.length > 0).map((r) => `${r.country} ${r.roles.join('+')}`).join(', '));
  return lines.join('\n');
}
