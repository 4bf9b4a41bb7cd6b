/**
 * Where the Flee mode's work lies on one conflict: agent-days by the role of
 * the place people end the day at (camp, town, conflict zone, hub or marker)
 * or on the way, the run's cost, and what that cost per agent-day means at
 * full scale (hasten 1) against a CPU budget. People in a camp mostly stay
 * and cost a decrement; people in towns and conflict zones, and those on the
 * way, decide and travel, often over several links a day. The share of them
 * is why one conflict costs several times another per agent-day.
 *
 *   npx tsx bench/flee-work.ts [conflict=ukraine2022] [hasten=10] [budget CPU-s=60]
 *
 * Uses the data's simsetting.yml with `hasten` set; prints CPU seconds, wall
 * seconds and load with the figures.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Role } from '../src/flee/rules.js';
import { FleeSimulation } from '../src/flee/simulation.js';
import { readFleeFolder, readFleeSettingsFile } from '../src/node/flee-files.js';
import { costSince, costText } from './cost.js';

const DATA = fileURLToPath(new URL('../../shared/data/flee-validation', import.meta.url));
const ROLE_NAMES: Record<number, string> = { [Role.Town]: 'towns', [Role.Conflict]: 'conflict zones', [Role.Camp]: 'camps', [Role.IdpCamp]: 'IDP camps', [Role.Hub]: 'hubs', [Role.Marker]: 'markers' };

const [conflict = 'ukraine2022', hastenText = '10', budgetText = '60'] = process.argv.slice(2);
const hasten = Number(hastenText);
const budget = Number(budgetText);
const read = { strict: false, warnings: [] };
const base = readFleeSettingsFile(join(DATA, 'simsetting.yml'), read);
const settings = { ...base, optimisations: { ...base.optimisations, hasten } };
const scenario = readFleeFolder(join(DATA, conflict), read);
const simulation = new FleeSimulation(scenario, { settings });

const byRole = new Map<string, number>();
let onTheWay = 0;
const cpu = process.cpuUsage();
const wall = performance.now();
let accounting = 0;
while (!simulation.finished) {
  simulation.step();
  const t = performance.now();
  const role = simulation.dayState.role;
  scenario.places.forEach((p, k) => {
    const name = ROLE_NAMES[role[k]];
    byRole.set(name, (byRole.get(name) ?? 0) + simulation.personsAt(p.name) / hasten);
  });
  onTheWay += simulation.personsOnTheWay / hasten;
  accounting += performance.now() - t;
}
const cost = costSince(cpu, wall);
const result = simulation.result();
const agentDays = result.agentDays;
const perAgentDay = (cost.cpuSeconds - accounting / 1e3) / agentDays;
const share = (n: number) => `${((100 * n) / agentDays).toFixed(1)}%`;

console.log(`${conflict} at hasten ${hasten}: ${scenario.days} days, ${result.agents.toLocaleString('en-US')} agents at the end, ${agentDays.toLocaleString('en-US')} agent-days`);
console.log(`Cost: ${costText(cost)} (of which this script's accounting ${(accounting / 1e3).toFixed(2)} s wall)`);
console.log(`Agent-days by where people ended the day: ${[...byRole].filter(([, n]) => n > 0).map(([name, n]) => `${name} ${share(n)}`).join(', ')}, on the way ${share(onTheWay)}`);
console.log(`Per agent-day: ${(perAgentDay * 1e9).toFixed(1)} ns, ${(1 / perAgentDay / 1e6).toFixed(1)} million agent-days per CPU second`);
const full = agentDays * hasten;
console.log(`At hasten 1 (about ${(full / 1e9).toFixed(2)} G agent-days): about ${(full * perAgentDay).toFixed(0)} CPU-s at this cost; ${budget} CPU-s needs ${((budget / full) * 1e9).toFixed(1)} ns per agent-day`);
