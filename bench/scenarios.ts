/**
 * The scenario suite: every variant in scenarios/ (a file with `extends:`)
 * compared with the scenario it extends, with common random numbers, over
 * every core. Prints each comparison's scorecard: every indicator with its
 * mean difference and 95% interval.
 *
 *   npx tsx bench/scenarios.ts            (MIGSIM_BENCH_REPS, MIGSIM_BENCH_RUN_AGENTS)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Clock } from '../src/engine/clock.js';
import { formatScorecard } from '../src/experiment/scorecard.js';
import { compareInWorkers } from '../src/node/experiment.js';
import { readScenarioFile } from '../src/node/files.js';
import { WorkerPool } from '../src/node/pool.js';
import type { Scenario } from '../src/scenario/types.js';
import { validateScenario } from '../src/scenario/validate.js';
import { compileQuantity } from '../src/world/quantity.js';

const SCENARIOS = fileURLToPath(new URL('../scenarios', import.meta.url));

export interface ScenarioSuiteOptions {
  replications: number;
  /** Agents per run at most: the scale is raised (never lowered) to keep runs this size. */
  agentsPerRun: number;
  workers?: number;
  log?: (line: string) => void;
}

/** Every variant scenario file with the file it extends, found by reading `extends:`. */
export function variantPairs(folder = SCENARIOS): Array<{ baseline: string; variant: string }> {
  return readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort().flatMap((f) => {
    const file = join(folder, f);
    const extendsPath = (parse(readFileSync(file, 'utf8')) as { extends?: unknown } | null)?.extends;
    return typeof extendsPath === 'string' ? [{ baseline: resolve(dirname(file), extendsPath), variant: file }] : [];
  });
}

/** The scale at which a scenario has at most `agents` agents (people simulated are its origins' populations at the start). */
function scaleFor(s: Scenario, agents: number): number {
  const start = new Clock(s.start, s.ticksPerYear).at(0);
  const persons = s.countries.filter((c) => s.agents.origins.includes(c.id)).reduce((sum, c) => sum + compileQuantity(c.population)(start), 0);
  return Math.max(s.agents.scale, persons / agents);
}

export async function scenarioSuite(options: ScenarioSuiteOptions): Promise<{ markdown: string; json: unknown }> {
  const log = options.log ?? (() => {});
  const sections: string[] = [];
  const results: unknown[] = [];
  const pool = new WorkerPool(options.workers); // started once for every comparison
  try {
    for (const pair of variantPairs()) {
      const baseline = readScenarioFile(pair.baseline);
      const variant = readScenarioFile(pair.variant);
      const scale = scaleFor(baseline, options.agentsPerRun);
      const resize = (s: Scenario, source: string) => validateScenario({ ...s, agents: { ...s.agents, scale } }, source);
      const started = performance.now();
      const c = await compareInWorkers(resize(baseline, pair.baseline), resize(variant, pair.variant), { replications: options.replications, pool });
      const seconds = (performance.now() - started) / 1000;
      const name = (f: string) => f.slice(SCENARIOS.length + 1);
      const card = formatScorecard(c);
      log(`\n${name(pair.variant)} against ${name(pair.baseline)} (one agent for ${Math.round(scale).toLocaleString('en-US')} people, ${seconds.toFixed(1)} s):\n${card}`);
      sections.push(`### ${variant.name} against ${baseline.name}\n\n\`${name(pair.variant)}\` against \`${name(pair.baseline)}\`, one agent for ${Math.round(scale).toLocaleString('en-US')} people, ${c.replications} paired replications (${seconds.toFixed(1)} s).\n\n\`\`\`\n${card}\n\`\`\``);
      results.push({
        baseline: name(pair.baseline), variant: name(pair.variant), scale, replications: c.replications, seed: c.seed, seconds,
        rows: c.rows.map((r) => ({ indicator: r.indicator, key: r.key, level: r.level, unit: r.unit, estimate: r.estimate })),
      });
    }
  } finally {
    await pool.close();
  }
  const markdown = `## Scenario suite\n\nEach variant scenario against the one it extends, with common random numbers; effect = variant − baseline (for the diversion ratio, the ratio itself), with its paired 95% interval; \`*\` marks an interval that excludes zero. Rows where nothing happened in either arm are left out.\n\n${sections.join('\n\n')}\n`;
  return { markdown, json: results };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await scenarioSuite({ replications: Number(process.env.MIGSIM_BENCH_REPS ?? 6), agentsPerRun: Number(process.env.MIGSIM_BENCH_RUN_AGENTS ?? 100_000), log: console.log });
}
