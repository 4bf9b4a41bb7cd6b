import {
  comparison, difference, elasticity, inArm, indicator, ratioOf, relativeChange, share, sum, type Fact, type FactWorld,
} from './facts.js';

/**
 * The facts of FACTS.md the scorecard measures, each on a world of
 * scenarios/facts/ (a baseline and the variant with the policy or shock),
 * with the band of FACTS.md's "Sim test" column. Bands are the published
 * tolerances, not chosen from results; where FACTS.md gives only a sign,
 * the band is that sign.
 */
export const FACT_WORLDS: readonly FactWorld[] = [
  { id: 'aegean', baseline: 'aegean-2016-baseline.yaml', variant: 'aegean-2016-statement.yaml' },
];

const NEG = Number.NEGATIVE_INFINITY;
const POS = Number.POSITIVE_INFINITY;

const aegeanArrivals = indicator('crossingsByLeg', 'tur-grc');

export const FACTS: readonly Fact[] = [
  {
    id: 'A1', world: 'aegean', title: 'EU-Turkey Statement: Aegean arrivals collapse',
    observed: 'Greek sea arrivals Feb-16 55,633 → Apr-16 3,360 (−88% m/m; −94% against Feb)',
    checks: [{
      measure: 'Δ% sea arrivals in Greece (crossingsByLeg tur-grc), Apr-May 2016', unit: 'percent', band: [-1, -0.85],
      window: { from: '2016-04', until: '2016-06' }, value: relativeChange(aegeanArrivals),
    }],
  },
  {
    id: 'A2', world: 'aegean', title: 'The Aegean stays closed for years',
    observed: 'Greek sea arrivals 856,723 (2015) → 29,718 (2017); 97% below pre-Statement two years on (EC)',
    checks: [{
      measure: 'Δ% sea arrivals in Greece, Jun 2016-Dec 2018', unit: 'percent', band: [-1, -0.90],
      window: { from: '2016-06' }, value: relativeChange(aegeanArrivals),
    }],
  },
  {
    id: 'B6', world: 'aegean', title: 'A fall in demand lowers the smuggling price',
    observed: 'Turkey→Greece $1,000-1,500 (2015) → about $250 (Sep 2016)',
    checks: [{
      measure: 'Δ% smuggling price tur-grc (smugglingPrice), Jun-Dec 2016', unit: 'percent', band: [-1, -0.2],
      window: { from: '2016-06', until: '2017-01' }, value: relativeChange(indicator('smugglingPrice', 'tur-grc')),
    }],
  },
  {
    id: 'C4', world: 'aegean', title: 'Closure lowers deaths on the closed route',
    observed: 'Aegean deaths: 1,175 in the 20 months before vs 130 in the 24 months after (−91% a month)',
    checks: [{
      measure: 'Δ% deaths on tur-grc (deathsByLeg), Apr 2016-Mar 2018', unit: 'percent', band: [-1, -0.8],
      window: { from: '2016-04', until: '2018-04' }, value: relativeChange(indicator('deathsByLeg', 'tur-grc')),
    }],
  },
  {
    id: 'D3', world: 'aegean', title: 'Returns under the EU-Turkey deal were tiny',
    observed: '1,280 returned to Turkey by Feb 2017 against 173,450 arrivals in 2016 (<1%)',
    checks: [{
      measure: 'returns executed from Greece ÷ fall in Greek sea arrivals, Apr 2016-Mar 2017', unit: 'share', band: [0, 0.05],
      window: { from: '2016-04', until: '2017-04' },
      value: (b, v) => {
        const drop = aegeanArrivals(b) - aegeanArrivals(v);
        return drop > 0 ? indicator('returnsExecuted', 'GRC')(v) / drop : Number.NaN;
      },
    }],
  },
];

// Kept for the facts of the other sections, which use every measure.
void [comparison, difference, elasticity, inArm, ratioOf, share, sum, NEG, POS];
