/**
 * The engine's time in two or more builds, alternating, each in a fresh
 * process: `sim.runFor()` on the built scenario scaled to `agents`, in CPU and
 * wall seconds with the machine's load, so that builds compare within one
 * series on a shared machine (see the README's speed figures).
 *
 *   npx tsx bench/build-speed.ts [--agents 1000000] [--ticks 72] [--rounds 4] TREE...
 *
 * Each TREE is a checkout with its dist/ built (`npx tsc -p tsconfig.build.json`);
 * the scenario is that tree's own scenarios/mediterranean.yaml.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

function refuse(problem: string): never {
  console.error(`bench/build-speed.ts: ${problem}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { agents: { type: 'string', default: '1000000' }, ticks: { type: 'string', default: '72' }, rounds: { type: 'string', default: '4' }, child: { type: 'boolean', default: false } },
  });
} catch (e) {
  refuse((e as Error).message);
}
const { values, positionals } = parsed;
for (const option of ['agents', 'ticks', 'rounds'] as const) {
  if (!(Number(values[option]) >= 1)) refuse(`--${option}: expected a positive number, found "${values[option]}"`);
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

async function timeOne(tree: string, agents: number, ticks: number): Promise<void> {
  const lib = pathToFileURL(resolve(tree, 'dist')).href;
  const { Simulation } = await import(`${lib}/engine/simulation.js`);
  const { parseScenario } = await import(`${lib}/scenario/load.js`);
  const { validateScenario } = await import(`${lib}/scenario/validate.js`);
  const path = resolve(tree, 'scenarios/mediterranean.yaml');
  const s = parseScenario(readFileSync(path, 'utf8'), path);
  const persons = s.countries.filter((c: { id: string }) => s.agents.origins.includes(c.id)).reduce((sum: number, c: { population: number }) => sum + c.population, 0);
  const sim = new Simulation(validateScenario({ ...s, ticks, agents: { ...s.agents, scale: persons / agents } }, path));
  const cpu = process.cpuUsage();
  const start = performance.now();
  sim.runFor();
  const d = process.cpuUsage(cpu);
  console.log(`${tree}: ${((d.user + d.system) / 1e6).toFixed(2)} CPU-s, ${((performance.now() - start) / 1000).toFixed(2)} s wall, load ${load()}`);
}

if (values.child) await timeOne(positionals[0], Number(values.agents), Number(values.ticks));
else {
  if (positionals.length === 0) refuse('name at least one checkout (a folder with dist/ built)');
  for (const tree of positionals) if (!existsSync(resolve(tree, 'dist/engine/simulation.js'))) refuse(`${tree}: expected a checkout with dist/ built (npx tsc -p tsconfig.build.json), found no dist/engine/simulation.js`);
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const tree of positionals) {
      process.stdout.write(execFileSync(process.execPath, [...process.execArgv, process.argv[1], '--child', '--agents', values.agents!, '--ticks', values.ticks!, tree], { encoding: 'utf8' }));
    }
  }
}
