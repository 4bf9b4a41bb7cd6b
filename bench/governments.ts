/**
 * What governments cost a run: each government scenario run with its
 * governments active, timing the whole run and the governments plugin's hooks
 * within it (CPU time, fastest of MIGSIM_BENCH_TRIALS trials); agents per run
 * MIGSIM_BENCH_GOV_AGENTS (default 200000). What the engine's additions cost
 * runs without governments is the main-against-branch comparison in the README.
 *
 *   npx tsx bench/governments.ts
 */
import { fileURLToPath } from 'node:url';
import { Simulation } from '../src/engine/simulation.js';
import { readScenarioFile } from '../src/node/files.js';
import type { Scenario } from '../src/scenario/types.js';
import type { Plugin } from '../src/engine/plugin.js';
import type { PolicyApi } from '../src/engine/policy-api.js';
import { GOVERNMENTS_PLUGIN } from '../src/governments/plugin.js';
import { validateScenario } from '../src/scenario/validate.js';

const SCENARIOS = fileURLToPath(new URL('../scenarios', import.meta.url));
const FILES = ['eu-turkey-deal', 'italy-libya', 'spain-morocco', 'canada-jamaica'];

export interface GovernmentsSuiteOptions {
  agents: number;
  trials: number;
  log?: (line: string) => void;
}

/**
 * Fastest of `trials` runs, in CPU milliseconds of this process (other
 * engineers' work on a shared machine counts less than in wall time), with the
 * CPU time spent in the governments plugin's own hooks in that run.
 */
function fastest(s: Scenario, trials: number): { run: number; governments: number } {
  let best = { run: Number.POSITIVE_INFINITY, governments: 0 };
  for (let k = 0; k < trials; k++) {
    const sim = new Simulation(s);
    let inside = 0;
    // Bench-only: time the plugin's hooks from outside, without changing the engine.
    for (const plugin of (sim as unknown as { plugins: Plugin[] }).plugins) {
      if (plugin.name !== GOVERNMENTS_PLUGIN || !plugin.hooks) continue;
      const hooks = plugin.hooks as Record<string, (api: PolicyApi) => void>;
      for (const [phase, hook] of Object.entries(hooks)) {
        hooks[phase] = (api) => {
          const t = process.cpuUsage();
          hook(api);
          const d = process.cpuUsage(t);
          inside += (d.user + d.system) / 1000;
        };
      }
    }
    const t0 = process.cpuUsage();
    sim.runFor();
    const t = process.cpuUsage(t0);
    const run = (t.user + t.system) / 1000;
    if (run < best.run) best = { run, governments: inside };
  }
  return best;
}

export function governmentsSuite(options: GovernmentsSuiteOptions): { markdown: string; json: unknown } {
  const log = options.log ?? (() => {});
  const rows: Array<{ scenario: string; agents: number; activeMs: number; governmentsMs: number; share: number }> = [];
  for (const name of FILES) {
    const s = readScenarioFile(`${SCENARIOS}/${name}.yaml`);
    const people = s.countries.filter((c) => s.agents.origins.includes(c.id)).reduce((sum, c) => sum + Number(c.population), 0);
    const sized = validateScenario({ ...s, agents: { ...s.agents, scale: people / options.agents } }, name);
    const t = fastest(sized, options.trials);
    const row = { scenario: name, agents: new Simulation(sized).store.size, activeMs: t.run, governmentsMs: t.governments, share: t.governments / (t.run - t.governments) };
    rows.push(row);
    log(`  ${name.padEnd(16)} ${String(row.agents).padStart(8)} agents: run ${row.activeMs.toFixed(0)} CPU ms, of which governments ${row.governmentsMs.toFixed(1)} ms (+${(row.share * 100).toFixed(2)}% on the rest)`);
  }
  const markdown = [
    '## Governments suite', '',
    'Each government scenario, active: CPU time of the run (fastest of the trials) and of the governments plugin\'s hooks within it, as a share',
    'of the rest of the run. (Against the same scenario without governments the migrants\' work differs, as governments change what they do.)', '',
    '| scenario | agents | run CPU ms | governments CPU ms | governments / rest |', '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.scenario} | ${r.agents} | ${r.activeMs.toFixed(0)} | ${r.governmentsMs.toFixed(1)} | ${(r.share * 100).toFixed(2)}% |`), '',
  ].join('\n');
  return { markdown, json: rows };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = governmentsSuite({ agents: Number(process.env.MIGSIM_BENCH_GOV_AGENTS ?? 200_000), trials: Number(process.env.MIGSIM_BENCH_TRIALS ?? 3), log: console.log });
  console.log(r.markdown);
}
