/**
 * Flee's eight validation conflicts under migsim's displacement rules: the
 * score (ARD against UNHCR camp counts, rescaled) with its spread over
 * replications, next to Flee's own score and the naive baseline, and the
 * speed in agent-days per second on one core.
 *
 *   npx tsx bench/flee.ts [--reps N] [--data DIR] [conflict ...]
 *
 * Writes bench/results/flee.md and bench/results/flee.json. `fleeSuite` is
 * the same for `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { averagedRelativeDifference, baselineScore, scoreSpread, type ScoreSpread } from '../src/flee/score.js';
import { FleeSimulation } from '../src/flee/simulation.js';
import { readFleeFolder, readFleeSettingsFile } from '../src/node/flee-files.js';
import { writeFilesAtomically } from '../src/node/files.js';

/** Flee's own speed on one core, as its validation data's README gives it. */
const FLEE_AGENT_DAYS_PER_SECOND = [150_000, 450_000] as const;
const DEFAULT_DATA = fileURLToPath(new URL('../../shared/data/flee-validation', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results', import.meta.url));

export interface FleeBenchOptions {
  /** The folder of conflicts with simsetting.yml and a README holding Flee's scores. */
  data?: string;
  /** Replications per conflict (different random streams, same seed). */
  reps?: number;
  seed?: number;
  /** Conflicts to run; all of the README's table when left out. */
  conflicts?: readonly string[];
  /** Where progress lines go (default: nowhere). */
  log?: (line: string) => void;
}

export interface FleeBenchRow {
  conflict: string;
  days: number;
  camps: number;
  agents: number;
  score: ScoreSpread;
  /** Flee's own ARD from the README's table (null when it has none). */
  flee: number | null;
  baseline: number;
  agentDays: number;
  /** CPU seconds of this process over the replications, and wall seconds. */
  cpuSeconds: number;
  wallSeconds: number;
  agentDaysPerSecond: number;
}

export interface FleeBenchResult {
  seed: number;
  reps: number;
  settings: string;
  rows: FleeBenchRow[];
  /** Conflicts where migsim's mean ARD is at or below Flee's. */
  atOrBelowFlee: number;
  largest: { conflict: string; agentDaysPerSecond: number; timesFlee: [number, number] };
}

/** Flee's scores from the README's markdown table (`| conflict | ARD |`). */
export function fleeScores(readme: string): Map<string, number> {
  const scores = new Map<string, number>();
  for (const m of readme.matchAll(/^\|\s*([A-Za-z0-9_]+)\s*\|\s*([0-9.]+)\s*\|\s*$/gm)) scores.set(m[1], Number(m[2]));
  return scores;
}

export async function fleeSuite(options: FleeBenchOptions = {}): Promise<{ markdown: string; json: FleeBenchResult }> {
  const data = options.data ?? DEFAULT_DATA;
  const reps = options.reps ?? 3;
  const seed = options.seed ?? 1;
  const log = options.log ?? (() => {});
  const flee = fleeScores(readFileSync(join(data, 'README.md'), 'utf8'));
  const settingsFile = join(data, 'simsetting.yml');
  const settings = readFleeSettingsFile(settingsFile);
  const conflicts = options.conflicts ?? [...flee.keys()];

  const rows: FleeBenchRow[] = [];
  for (const conflict of conflicts) {
    const scenario = readFleeFolder(join(data, conflict));
    const scores: number[] = [];
    let agentDays = 0;
    let cpuSeconds = 0;
    let wallSeconds = 0;
    let baseline = 0;
    let agents = 0;
    let camps = 0;
    for (let replication = 0; replication < reps; replication++) {
      const cpu = process.cpuUsage();
      const wall = performance.now();
      const result = new FleeSimulation(scenario, { settings, seed, replication }).runFor();
      const used = process.cpuUsage(cpu);
      cpuSeconds += (used.user + used.system) / 1e6;
      wallSeconds += (performance.now() - wall) / 1e3;
      agentDays += result.agentDays;
      scores.push(averagedRelativeDifference(result.simulated, result.observed));
      baseline = baselineScore(result.observed);
      agents = result.agents;
      camps = result.camps.length;
      log(`${conflict} replication ${replication}: ARD ${scores[replication].toFixed(3)}, ${(result.agentDays / 1e6).toFixed(0)} million agent-days`);
    }
    rows.push({
      conflict, days: scenario.days, camps, agents, score: scoreSpread(scores), flee: flee.get(conflict) ?? null, baseline,
      agentDays, cpuSeconds, wallSeconds, agentDaysPerSecond: agentDays / cpuSeconds,
    });
  }
  const largestRow = rows.reduce((a, b) => (b.agents > a.agents ? b : a));
  const json: FleeBenchResult = {
    seed, reps, settings: settingsFile, rows,
    atOrBelowFlee: rows.filter((r) => r.flee !== null && r.score.mean <= r.flee).length,
    largest: {
      conflict: largestRow.conflict,
      agentDaysPerSecond: largestRow.agentDaysPerSecond,
      timesFlee: [largestRow.agentDaysPerSecond / FLEE_AGENT_DAYS_PER_SECOND[1], largestRow.agentDaysPerSecond / FLEE_AGENT_DAYS_PER_SECOND[0]],
    },
  };
  return { markdown: formatMarkdown(json), json };
}

function formatMarkdown(r: FleeBenchResult): string {
  const millions = (n: number) => (n / 1e6).toFixed(1);
  const lines = [
    `Flee's validation conflicts, migsim's rule set with the same simsetting.yml, no per-conflict tuning; seed ${r.seed}, ${r.reps} replication${r.reps === 1 ? '' : 's'} each.`,
    'ARD: averaged relative difference to UNHCR camp counts, rescaled; lower is better. Speed: agent-days per CPU second of one core.',
    '',
    '| conflict | days | camps | people displaced | migsim ARD (mean ± sd) | Flee ARD | naive baseline | million agent-days | million agent-days/s |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
    ...r.rows.map((x) => `| ${x.conflict} | ${x.days} | ${x.camps} | ${x.agents.toLocaleString('en-US')} | ${x.score.mean.toFixed(3)} ± ${x.score.sd.toFixed(4)} | `
      + `${x.flee === null ? '–' : x.flee.toFixed(3)} | ${x.baseline.toFixed(3)} | ${millions(x.agentDays / r.reps)} | ${millions(x.agentDaysPerSecond)} |`),
    '',
    `migsim's mean ARD is at or below Flee's on ${r.atOrBelowFlee} of ${r.rows.filter((x) => x.flee !== null).length} conflicts.`,
    `On the largest conflict (${r.largest.conflict}), ${millions(r.largest.agentDaysPerSecond)} million agent-days/s: `
      + `${r.largest.timesFlee[0].toFixed(0)}–${r.largest.timesFlee[1].toFixed(0)}× Flee's ${FLEE_AGENT_DAYS_PER_SECOND.map((n) => n.toLocaleString('en-US')).join('–')}.`,
  ];
  return lines.join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const option = (name: string) => {
    const k = argv.indexOf(`--${name}`);
    return k < 0 ? undefined : argv.splice(k, 2)[1];
  };
  const reps = option('reps');
  const data = option('data');
  const { markdown, json } = await fleeSuite({
    reps: reps === undefined ? undefined : Number(reps), data, conflicts: argv.length > 0 ? argv : undefined, log: (line) => console.error(line),
  });
  console.log(markdown);
  writeFilesAtomically(RESULTS, [
    { name: 'flee.md', content: markdown },
    { name: 'flee.json', content: JSON.stringify(json, null, 2) + '\n' },
  ], false);
  console.log(`Wrote ${join(RESULTS, 'flee.md')} and flee.json`);
}
