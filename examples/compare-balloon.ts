/**
 * What does enforcement on the central Mediterranean change, and how sure are we?
 *
 * Cells are separated by `// %%`: paste each into a cell of a Jupyter
 * TypeScript notebook (tslab), or run the whole file as a script from the
 * repository root:
 *
 *   npx tsx examples/compare-balloon.ts
 */

// %% Load the baseline and the variant (balloon.yaml extends mediterranean.yaml and adds one policy)
import { mkdirSync, writeFileSync } from 'node:fs';
import { compare, comparisonTables, formatScorecard, records, validateScenario, type Scenario } from 'migsim';
import { effectsChart } from 'migsim/charts';
import { chartDocument, readScenarioFile } from 'migsim/node';

/** A scenario file with one agent for `scale` people: coarser, so a run takes a second or two. */
function coarse(file: string, scale = 4000): Scenario {
  const s = readScenarioFile(file);
  return validateScenario({ ...s, agents: { ...s.agents, scale } }, file);
}
const baseline = coarse('scenarios/mediterranean.yaml');
const variant = coarse('scenarios/balloon.yaml');

// %% Run both, 8 paired replications with common random numbers (same seed and replication number)
const comparison = compare(baseline, variant, { replications: 8 });
console.log(formatScorecard(comparison));

// %% Tabulate: arrivals by corridor and the diversion ratio, with their 95% intervals
const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x) : Number(x.toPrecision(3)));
const table = comparison.rows
  .filter((r) => r.indicator === 'arrivalsByCorridor' || r.indicator === 'diversionRatio' || r.indicator === 'deaths')
  .map((r) => ({
    indicator: r.key === '' ? r.indicator : `${r.indicator} ${r.key}`,
    effect: round(r.estimate.mean),
    low: round(r.estimate.low),
    high: round(r.estimate.high),
  }));
console.table(table);

// %% Every replication's values as records (objects keyed by column), which a notebook shows as a labelled table
const [summary, replications] = comparisonTables(comparison);
console.table(records(replications).filter((r) => r.indicator === 'diversionRatio'));

// %% The forest plot: each indicator's effect, its 95% interval and every replication.
// In a notebook, show it inline: import * as tslab from 'tslab'; tslab.display.html(forest.svg);
const forest = effectsChart(summary, replications, { document: await chartDocument() });
mkdirSync('out', { recursive: true });
writeFileSync('out/compare-balloon-effects.svg', forest.svg);
console.log(`${forest.title}: ${forest.marks.tick} indicators, ${forest.marks.dot} replication dots (out/compare-balloon-effects.svg)`);
