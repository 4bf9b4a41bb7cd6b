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
import { compare, comparisonTables, formatScorecard, validateScenario, type Scenario } from 'migsim';
import { readScenarioFile } from 'migsim/node';

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

// %% Every replication's values, as a plain table (columns and rows) ready for a data frame
const [, replications] = comparisonTables(comparison);
console.log(replications.columns.join('\t'));
for (const row of replications.rows.filter((r) => r[0] === 'diversionRatio')) console.log(row.join('\t'));
