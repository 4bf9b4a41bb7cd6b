/**
 * Calibration of the built-in Mediterranean scenario against the shipped
 * observed data (data/observed/mediterranean-2014-2019.csv) by ABC, on every
 * core: the fit before and after, series by series, and the posterior of the
 * world fields calibrated. Behaviour defaults are not touched: the calibrated
 * values go into a scenario file (bench/results/mediterranean-calibrated.yaml).
 *
 *   npx tsx bench/calibration.ts
 *
 * Sizes come from the environment:
 *   MIGSIM_BENCH_CAL_SCALE        2000  persons per agent
 *   MIGSIM_BENCH_CAL_PARTICLES    40
 *   MIGSIM_BENCH_CAL_GENERATIONS  4
 * Runs are kept in out/bench-calibration-SCALE (rerun to resume). Writes
 * bench/results/calibration.md and calibration.json.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seriesErrors } from '../src/calibration/distance.js';
import { posteriorSummary } from '../src/calibration/tables.js';
import { jsonText } from '../src/io/json.js';
import { calibrateInWorkers } from '../src/node/calibrate.js';
import { readScenarioFile, writeFilesAtomically } from '../src/node/files.js';
import { readObservedFile } from '../src/node/observed-files.js';
import { validateScenario } from '../src/scenario/validate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results');
const OBSERVED = join(ROOT, 'data', 'observed', 'mediterranean-2014-2019.csv');

/** World fields only: the routes' risks and capacities, which the scenario gives as rounded stylised values. */
export const CALIBRATED = [
  { path: 'legs[id=tur-grc].interception', low: 0, high: 0.6 },
  { path: 'legs[id=lby-ita].smuggling.capacityPerYear', low: 1000, high: 20000 },
  { path: 'legs[id=mar-esp].interception', low: 0, high: 0.6 },
  { path: 'legs[id=lby-ita].mortality', low: 0.005, high: 0.05 },
];

export async function calibrationSuite(options: { scale: number; particles: number; generations: number; log: (line: string) => void }): Promise<{ markdown: string; json: unknown }> {
  const file = join(ROOT, 'scenarios', 'mediterranean.yaml');
  const given = readScenarioFile(file);
  const scenario = validateScenario({ ...given, agents: { ...given.agents, scale: options.scale } }, file);
  // Named as a user would name it, so result files carry no machine's paths.
  const observed = { ...readObservedFile(OBSERVED), file: 'data/observed/mediterranean-2014-2019.csv' };
  const out = join(ROOT, 'out', `bench-calibration-${options.scale}`);
  const started = performance.now();
  let last = '';
  const result = await calibrateInWorkers(scenario, observed, CALIBRATED, {
    abc: { particles: options.particles, maxGenerations: options.generations }, out,
    onProgress: (p) => {
      if (p.done === p.of && p.stage !== last) options.log(`  ${(last = p.stage)}: ${p.of} runs (${p.resumed} resumed)`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  copyFileSync(join(out, 'best.yaml'), join(RESULTS, 'mediterranean-calibrated.yaml'));
  const before = seriesErrors(observed, result.asGiven.series);
  const after = seriesErrors(observed, result.best.series);
  const summary = posteriorSummary(result.parameters, result.populations.at(-1)!.particles);
  const fmt = (n: number) => (Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : String(Number(n.toPrecision(3))));
  const md = [
    '## Calibration suite',
    '',
    `The built-in scenario (scenarios/mediterranean.yaml at ${options.scale.toLocaleString('en-US')} persons per agent, default behaviour) against data/observed/mediterranean-2014-2019.csv, `
      + `by ABC (adaptive population Monte Carlo, ${options.particles} particles, ${result.populations.length} generations, ${result.populations.reduce((n, p) => n + p.proposals, 0) + 1} runs, ${seconds.toFixed(0)} s). `
      + 'Distance: root mean square over series of each series\' RMS error divided by its mean observed value (0 is a perfect fit; 1 an error as large as the data).',
    '',
    `**Distance as given ${fmt(result.asGiven.distance)}; best particle ${fmt(result.best.distance)}.** Calibrated world fields only; the behaviour defaults are unchanged. The best particle's scenario is bench/results/mediterranean-calibrated.yaml.`,
    '',
    '| series | points | error as given | error calibrated |',
    '|---|---:|---:|---:|',
    ...observed.series.map((s, k) => `| ${s.name} | ${s.points.length} | ${fmt(before[k])} | ${fmt(after[k])} |`),
    '',
    '| parameter | prior | as given | posterior mean | 90% interval | best |',
    '|---|---|---:|---:|---|---:|',
    ...summary.rows.map((r) => {
      const path = r[0] as string;
      const givenValue = path.split('.').reduce<unknown>((node, step) => {
        const m = /^(\w+)\[id=([^\]]+)\]$/.exec(step);
        if (m) return ((node as Record<string, Array<{ id: string }>>)[m[1]]).find((x) => x.id === m[2]);
        return (node as Record<string, unknown>)[step];
      }, scenario) as number;
      return `| ${path} | ${r[1]}:${r[2]} | ${fmt(givenValue)} | ${fmt(r[3] as number)} | ${fmt(r[4] as number)} – ${fmt(r[6] as number)} | ${fmt(result.best.values[path])} |`;
    }),
    '',
    'Every yearly series against its data (as given → calibrated):',
    '',
    '| series | year | observed | as given | calibrated |',
    '|---|---|---:|---:|---:|',
    ...observed.series.flatMap((s, k) => (s.monthly ? [] : s.points.map((p, t) => `| ${s.name} | ${p.date} | ${fmt(p.value)} | ${fmt(result.asGiven.series[k][t])} | ${fmt(result.best.series[k][t])} |`))),
    '',
    'Monthly series are in the predictive table of a run of `migsim calibrate` (command in the README).',
  ].join('\n');
  const json = {
    scale: options.scale, particles: options.particles, generations: result.populations.length, seconds,
    distance: { asGiven: result.asGiven.distance, best: result.best.distance },
    series: observed.series.map((s, k) => ({ series: s.name, asGiven: before[k], best: after[k] })),
    best: result.best.values,
    posterior: summary.rows,
  };
  return { markdown: md, json };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const env = process.env;
  const r = await calibrationSuite({
    scale: Number(env.MIGSIM_BENCH_CAL_SCALE ?? 2000), particles: Number(env.MIGSIM_BENCH_CAL_PARTICLES ?? 40),
    generations: Number(env.MIGSIM_BENCH_CAL_GENERATIONS ?? 4), log: (l) => console.log(l),
  });
  writeFilesAtomically(RESULTS, [{ name: 'calibration.md', content: r.markdown + '\n' }, { name: 'calibration.json', content: jsonText(r.json) }]);
  console.log(r.markdown);
}
