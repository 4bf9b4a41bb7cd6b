import { indicatorsNamed, runTable, type IndicatorRun, type RunIndicator } from '../metrics/indicators.js';
import { total } from '../metrics/table.js';
import {
  comparison, elasticity, inArm, indicator, ratioOf, relativeChange, share, sum, type Fact, type FactWorld,
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
  { id: 'gatekeeper', baseline: 'us-mexico-1994-baseline.yaml', variant: 'us-mexico-1994-gatekeeper.yaml' },
  { id: 'us-tripled', baseline: 'us-mexico-1994-baseline.yaml', variant: 'us-mexico-1994-tripled.yaml' },
  { id: 'us-deadlier', baseline: 'us-mexico-1994-baseline.yaml', variant: 'us-mexico-1994-deadlier.yaml' },
  { id: 'spain-morocco', baseline: 'spain-morocco-2019-baseline.yaml', variant: 'spain-morocco-2019-cooperation.yaml' },
  { id: 'mare-nostrum', baseline: 'mare-nostrum-2014-baseline.yaml', variant: 'mare-nostrum-2014-ended.yaml' },
  { id: 'korea-eps', baseline: 'korea-eps-2010-baseline.yaml', variant: 'korea-eps-2010-reform.yaml' },
  { id: 'nz-rse', baseline: 'nz-rse-2010-baseline.yaml', variant: 'nz-rse-2010-tonga-fees.yaml' },
  { id: 'hump', baseline: 'hump-baseline.yaml', variant: 'hump-growth.yaml' },
  { id: 'senegal-diaspora', baseline: 'senegal-2015-baseline.yaml', variant: 'senegal-2015-diaspora.yaml' },
  { id: 'senegal-richer-spain', baseline: 'senegal-2015-baseline.yaml', variant: 'senegal-2015-richer-spain.yaml' },
  { id: 'italy-no-humanitarian', baseline: 'africa-europe-2017-baseline.yaml', variant: 'africa-europe-2017-no-humanitarian.yaml' },
  { id: 'albania-safe-origin', baseline: 'albania-2015-baseline.yaml', variant: 'albania-2015-safe-origin.yaml' },
  { id: 'italy-libya', baseline: 'africa-europe-2017-baseline.yaml', variant: 'africa-europe-2017-italy-libya.yaml' },
  { id: 'syria-processing', baseline: 'syria-2015-baseline.yaml', variant: 'syria-2015-processing.yaml' },
  { id: 'afghan-germany-tightens', baseline: 'afghan-2016-baseline.yaml', variant: 'afghan-2016-germany-tightens.yaml' },
  { id: 'afghan-cluster-tightens', baseline: 'afghan-2016-baseline.yaml', variant: 'afghan-2016-cluster-tightens.yaml' },
  { id: 'us-india-students', baseline: 'us-india-2016-visitors.yaml', variant: 'us-india-2016-students.yaml' },
];

const NEG = Number.NEGATIVE_INFINITY;
const POS = Number.POSITIVE_INFINITY;

const aegeanArrivals = indicator('crossingsByLeg', 'tur-grc');
const arrivalsIn = (country: string) => indicator('irregularArrivalsByDestination', country);
/** Expected deaths per attempt (attempts × mortality per attempt, over legs). */
const expectedDeathRate = (...legs: string[]) => share(sum(...legs.map((l) => indicator('expectedDeathsByLeg', l))), sum(...legs.map((l) => indicator('attemptsByLeg', l))));
const borderCrossings = sum(indicator('crossingsByLeg', 'san-diego'), indicator('crossingsByLeg', 'arizona'));
const fy1998 = { from: '1997-10', until: '1998-10' };
/** A destination's asylum rejection rate: rejections over first decisions. */
const rejectionRate = (country: string) => (run: IndicatorRun) => {
  const countries = runTable(run.result, 'countries');
  const rejected = total(countries, 'rejected', { country });
  const decisions = rejected + total(countries, 'recognised', { country });
  return decisions > 0 ? rejected / decisions : Number.NaN;
};
/** Migrants without papers in a destination, summed over the months (their mean number × months). */
const irregularPopulation = (country: string) => (run: IndicatorRun) => total(runTable(run.result, 'countries'), 'irregular', { country });
/** Senegalese setting out for Spain: applying for a Spanish work or family permit, or leaving on the route to Spain (quotas cap admissions, not the choice). */
const towardsSpain = sum(indicator('applications', 'esp-work'), indicator('applications', 'esp-family'), indicator('departuresByRoute', 'sen-spain'));
const year2018 = { from: '2018-01', until: '2019-01' };

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
      measure: 'Δ% expected deaths on tur-grc (expectedDeathsByLeg), Apr 2016-Mar 2018', unit: 'percent', band: [-1, -0.8],
      window: { from: '2016-04', until: '2018-04' }, value: relativeChange(indicator('expectedDeathsByLeg', 'tur-grc')),
    }],
  },
  {
    id: 'D3', world: 'aegean', title: 'Returns under the EU-Turkey deal were tiny',
    observed: '1,280 returned to Turkey by Feb 2017 against 173,450 arrivals in 2016 (<1%)',
    checks: [{
      measure: 'returns from Greece, home or to Turkey (returnsExecuted GRC + readmissionsByLeg tur-grc) ÷ fall in Greek sea arrivals, Apr 2016-Mar 2017', unit: 'share', band: [0, 0.05],
      window: { from: '2016-04', until: '2017-04' },
      value: (b, v) => {
        const drop = aegeanArrivals(b) - aegeanArrivals(v);
        return drop > 0 ? sum(indicator('returnsExecuted', 'GRC'), indicator('readmissionsByLeg', 'tur-grc'))(v) / drop : Number.NaN;
      },
    }],
  },
  {
    id: 'A4', world: 'italy-libya', title: 'Spain takes up part of the flow after Italy-Libya',
    observed: '2017→2018: Italy −96,000, Spain (sea) +35,500 (offset ≈0.37); total Med −32%',
    checks: [
      { measure: 'diversion ratio (diversionRatio), 2018', unit: 'ratio', band: [0.2, 0.5], window: year2018, value: comparison('diversionRatio') },
      {
        measure: 'Δ% irregular arrivals in Italy + Spain (irregularArrivalsByDestination), 2018', unit: 'percent', band: [-1, -0.01], window: year2018,
        value: relativeChange(sum(arrivalsIn('ITA'), arrivalsIn('ESP'))),
      },
    ],
  },
  {
    id: 'C2', world: 'italy-libya', title: 'The death rate rises as flows fall and rescue shrinks',
    observed: 'C-Med 1 in 42 (Jan-Jul 2017) → 1 in 18 (Jan-Jul 2018); 1 per 38 arrivals (2017) → 1 per 14 (2018)',
    checks: [
      { measure: 'ratio of expected deaths per attempt on trp-ita, Jul-Dec 2018', unit: 'ratio', band: [2, 8], window: { from: '2018-07' }, value: ratioOf(expectedDeathRate('trp-ita')) },
      { measure: 'expected deaths per attempt on trp-ita with the policy, Jul-Dec 2018', unit: 'share', band: [0.03, 0.07], window: { from: '2018-07' }, value: inArm('variant', expectedDeathRate('trp-ita')) },
    ],
  },
  {
    id: 'C3', world: 'italy-libya', title: 'Diversion raises deaths on the receiving route',
    observed: 'W-Med deaths 224 (2017) → 744 (2018)',
    checks: [{ measure: 'Δ% expected deaths on mar-esp (expectedDeathsByLeg), 2018', unit: 'percent', band: [0.1, POS], window: year2018, value: relativeChange(indicator('expectedDeathsByLeg', 'mar-esp')) }],
  },
  {
    id: 'A5', world: 'spain-morocco', title: 'Blocking the Strait re-grows the Atlantic route',
    observed: 'Spain sea arrivals 2019 26,168 vs 57,498 (−54.5%); Canaries 2,162 vs 1,266 (+70%)',
    checks: [
      {
        measure: 'Δ% arrivals in the Canaries (crossingsByLeg mar-can + sen-can), Mar-Dec 2019', unit: 'percent', band: [0.1, POS], window: { from: '2019-03', until: '2020-01' },
        value: relativeChange(sum(indicator('crossingsByLeg', 'mar-can'), indicator('crossingsByLeg', 'sen-can'))),
      },
      { measure: 'Δ% irregular arrivals in Spain, all routes, Mar-Dec 2019', unit: 'percent', band: [-1, -0.01], window: { from: '2019-03', until: '2020-01' }, value: relativeChange(arrivalsIn('ESP')) },
    ],
  },
  {
    id: 'A11', world: 'mare-nostrum', title: 'Ending rescue changes deaths, not crossings',
    observed: 'Italy Q1-2015 10,165 arrivals vs 10,965 in Q1-2014; deaths 480 vs <50',
    checks: [
      { measure: 'Δ% sea arrivals in Italy (crossingsByLeg trp-ita), Q1 2015', unit: 'percent', band: [-0.1, 0.1], window: { from: '2015-01', until: '2015-04' }, value: relativeChange(indicator('crossingsByLeg', 'trp-ita')) },
      { measure: 'ratio of expected deaths per attempt on trp-ita, Q1 2015', unit: 'ratio', band: [3, POS], window: { from: '2015-01', until: '2015-04' }, value: ratioOf(expectedDeathRate('trp-ita')) },
    ],
  },
  {
    id: 'A7', world: 'gatekeeper', title: 'Operation Gatekeeper displaces, it does not deter',
    observed: 'San Diego ≈50% of SW-border apprehensions (FY94) → 16% (FY98); total apprehensions FY99 +20% on FY95',
    checks: [
      {
        measure: 'San Diego\'s share of apprehensions (interceptionsByLeg), FY1998, variant ÷ baseline', unit: 'ratio', band: [0.2, 0.5], window: fy1998,
        value: ratioOf(share(indicator('interceptionsByLeg', 'san-diego'), sum(indicator('interceptionsByLeg', 'san-diego'), indicator('interceptionsByLeg', 'arizona')))),
      },
      { measure: 'Δ% border crossings, both segments (crossingsByLeg), FY1995-FY1999', unit: 'percent', band: [-0.1, POS], window: { from: '1994-10', until: '1999-10' }, value: relativeChange(borderCrossings) },
    ],
  },
  {
    id: 'A8', world: 'gatekeeper', title: 'Border deaths per crossing rise after Gatekeeper',
    observed: 'deaths more than doubled 1995-2005 without a matching rise in entries; ¾ of the rise in the Arizona desert',
    checks: [{
      measure: 'ratio of expected deaths per attempt (expectedDeathsByLeg ÷ attemptsByLeg), 1997-2000', unit: 'ratio', band: [2, POS], window: { from: '1997-01' },
      value: ratioOf(expectedDeathRate('san-diego', 'arizona')),
    }],
  },
  {
    id: 'A9', world: 'gatekeeper', title: 'Nearly all who try eventually enter',
    observed: 'apprehension ≈0.35 per attempt (1965-89), so P(success) ≈0.65 per attempt; nearly all eventually enter',
    checks: [{ measure: 'share of ended journeys that arrived (journeySuccessRate), with Gatekeeper', unit: 'share', band: [0.85, 1], value: inArm('variant', indicator('journeySuccessRate', 'all')) }],
  },
  {
    id: 'A10', world: 'us-tripled', title: 'Enforcement "cages in" the undocumented',
    observed: 'return migration of undocumented Mexicans fell as enforcement rose; cost of entry more than quadrupled, stays lengthened',
    checks: [{ measure: 'Δ% yearly voluntary-return hazard of Mexicans in the US (voluntaryReturnRate), 1997-2000', unit: 'percent', band: [-1, -0.05], window: { from: '1997-01' }, value: relativeChange(indicator('voluntaryReturnRate', 'USA')) }],
  },
  {
    id: 'B1', world: 'us-tripled', title: 'Coyote prices respond little to tripled enforcement',
    observed: 'enforcement ×3+: coyote prices +17% (at most +30%), illegal migration about −10%',
    checks: [
      {
        measure: 'Δ% coyote price, mean of both segments (smugglingPrice), 1998-2000', unit: 'percent', band: [0.15, 0.30], window: { from: '1998-01' },
        value: relativeChange(sum(indicator('smugglingPrice', 'san-diego'), indicator('smugglingPrice', 'arizona'))),
      },
      { measure: 'Δ% border crossings (crossingsByLeg), 1998-2000', unit: 'percent', band: [-0.15, -0.05], window: { from: '1998-01' }, value: relativeChange(borderCrossings) },
    ],
  },
  {
    id: 'I9', world: 'us-deadlier', title: 'Border deterrence is weak: intent barely responds to risk',
    observed: 'tougher controls had "remarkably little influence" on intent (Cornelius & Salehyan 2007); 64% still intend to go when told routes move to the desert (Wong et al. 2019)',
    checks: [{
      measure: 'Δ% departures when crossings are twice as deadly (departuresByRoute), 1995-2000', unit: 'percent', band: [-0.36, 0], window: { from: '1995-01' },
      value: relativeChange(sum(indicator('departuresByRoute', 'via-san-diego'), indicator('departuresByRoute', 'via-arizona'))),
    }],
  },
  {
    id: 'E3', world: 'korea-eps', title: 'Multi-year schemes without a return incentive see much overstay',
    observed: 'Korea EPS: 1,260 of 5,243 expiring in 2010 stayed illegally (24%); 37.3% in Jan-Oct 2012',
    checks: [{ measure: 'overstay rate of the EPS (overstayRateByChannel), without the 2012 reform', unit: 'share', band: [0.15, 0.40], value: inArm('baseline', indicator('overstayRateByChannel', 'eps-vietnam')) }],
  },
  {
    id: 'E4', world: 'nz-rse', title: 'Seasonal employer-tied schemes see very little overstay',
    observed: 'NZ RSE 2010/11: Tonga 24 absconders of about 1,000 (2.4%), Vanuatu 2, Samoa 2; "very low" overall',
    checks: [{ measure: 'overstay rate of the RSE (overstayRateByChannel)', unit: 'share', band: [0, 0.01], value: inArm('baseline', indicator('overstayRateByChannel', 'rse-pacific')) }],
  },
  {
    id: 'F4', world: 'nz-rse', title: 'Remittances respond more than proportionately to their cost',
    observed: 'Tongans in NZ: remittances fall with the fixed fee; a cost cut brings a "more than proportionate" rise (MTO cost 15-20%)',
    checks: [{
      measure: 'elasticity of remittances received by Tonga to the transfer cost (remittances; cost 18% → 9%), 2011-2014', unit: 'ratio', band: [NEG, -1], window: { from: '2011-01' },
      value: elasticity(indicator('remittances', 'TON'), 0.09 / 0.18),
    }],
  },
  {
    id: 'G1', world: 'hump', title: 'The migration hump: emigration peaks at middle income',
    observed: 'emigration rises with income up to about $6,000-8,000 PPP and falls beyond (Clemens 2014)',
    checks: [{
      measure: 'income per head of the origin with the highest emigration rate (emigrationRate), cross-section', unit: 'dollars', band: [5000, 10000],
      value: inArm('baseline', (run) => {
        const rates = (indicatorsNamed(['emigrationRate'])[0] as RunIndicator).compute(run);
        const incomes = new Map(run.scenario.countries.map((c) => [c.id, Number(c.gdpPerCapita)]));
        const peak = Object.entries(rates).filter(([, r]) => !Number.isNaN(r)).sort((a, b) => b[1] - a[1])[0];
        return peak ? incomes.get(peak[0])! : Number.NaN;
      }),
    }],
  },
  {
    id: 'G2', world: 'hump', title: 'Richer poor origins send more emigrants',
    observed: 'within-country elasticity of emigration to GDP per head +0.35 (all destinations), +0.74 (rich ones) (Clemens 2020)',
    checks: [{
      measure: 'elasticity of emigrants to income, the $2,000 origin doubled to $4,000 (emigrants I02), 2001-2004', unit: 'ratio', band: [0.3, 0.7], window: { from: '2001-01' },
      value: elasticity(indicator('emigrants', 'I02'), 2),
    }],
  },
  {
    id: 'H2', world: 'senegal-diaspora', title: 'Flows rise with the diaspora',
    observed: 'diasporas explain most of the variation in bilateral flows; elasticity about 0.6-0.7 (0.4 with IV/FE; U)',
    checks: [{ measure: 'elasticity of moves towards Spain (applications esp-work + esp-family + departuresByRoute sen-spain) to the Senegalese stock there (×2)', unit: 'ratio', band: [0.2, 1.0], value: elasticity(towardsSpain, 2) }],
  },
  {
    id: 'H3', world: 'senegal-richer-spain', title: 'Flows respond to destination income',
    observed: 'flows "highly responsive" to destination income per head (15 OECD destinations, 1980-2006); elasticity about 0.6-0.7 (U)',
    checks: [{ measure: 'elasticity of moves towards Spain (applications esp-work + esp-family + departuresByRoute sen-spain) to Spanish wages (×1.2)', unit: 'ratio', band: [0.1, 2.0], value: elasticity(towardsSpain, 1.2) }],
  },
  {
    id: 'I6', world: 'italy-no-humanitarian', title: 'Asylum rejections deflect into irregularity',
    observed: '10% more asylum rejections → 2-4% more irregular migrants; 10% more visa refusals → 4-7% more irregular border entries (Czaika & Hobolth 2016)',
    checks: [{
      measure: 'elasticity of the irregular population of Italy (irregular, monthly) to its asylum rejection rate (rejected ÷ first decisions), 2017-2018', unit: 'ratio', band: [0.2, 0.7], window: { from: '2017-01' },
      value: (b, v) => {
        const [ib, iv, rb, rv] = [irregularPopulation('ITA')(b), irregularPopulation('ITA')(v), rejectionRate('ITA')(b), rejectionRate('ITA')(v)];
        return ib > 0 && iv > 0 && rb > 0 && rv > 0 && rv !== rb ? Math.log(iv / ib) / Math.log(rv / rb) : Number.NaN;
      },
    }],
  },
  {
    id: 'I4', world: 'albania-safe-origin', title: 'Safe-origin lists cut applications and divert them',
    observed: 'listing an origin as safe cuts its applications there by 29% and diverts them to other destinations (Guichard & Machado 2024)',
    checks: [
      { measure: 'Δ% Albanian asylum claims in Germany (asylumClaims DEU), Nov 2015-Dec 2016', unit: 'percent', band: [-0.39, -0.19], window: { from: '2015-11' }, value: relativeChange(indicator('asylumClaims', 'DEU')) },
      { measure: 'Δ% Albanian asylum claims in France (asylumClaims FRA), Nov 2015-Dec 2016', unit: 'percent', band: [0.01, POS], window: { from: '2015-11' }, value: relativeChange(indicator('asylumClaims', 'FRA')) },
    ],
  },

  // Facts of FACTS.md the first scorecard did not measure (each on a new world of its own).
  {
    id: 'I5', world: 'syria-processing', title: 'Processing times divert asylum seekers between destinations',
    observed: 'changes in processing times raised Syrian applications in Germany by 16.1% and cut them in Sweden by 35.3% (2014-15; Bertoli, Brücker & Fernández-Huertas Moraga 2022)',
    checks: [
      { measure: 'Δ% Syrian asylum claims in Germany (asylumClaims DEU), decided faster, 2015', unit: 'percent', band: [0.01, POS], window: { from: '2015-01' }, value: relativeChange(indicator('asylumClaims', 'DEU')) },
      { measure: 'Δ% Syrian asylum claims in Sweden (asylumClaims SWE), decided slower, 2015', unit: 'percent', band: [-1, -0.01], window: { from: '2015-01' }, value: relativeChange(indicator('asylumClaims', 'SWE')) },
    ],
  },
  {
    // FACTS.md: "about −6% per measure" of an index of measures; a fall in recognition is not one index
    // measure of known size, so the own effect is tested by its sign, with the cross effect's.
    id: 'I2', world: 'afghan-germany-tightens', title: 'A tightening cuts own applications and raises others\'',
    observed: 'each asylum tightening cuts applications by about 6%; tightening elsewhere in Europe has the opposite effect (Rockwool Foundation Research Unit 2016)',
    checks: [
      { measure: 'Δ% Afghan asylum claims in Germany (asylumClaims DEU), 2016-2017', unit: 'percent', band: [-1, -0.01], window: { from: '2016-01' }, value: relativeChange(indicator('asylumClaims', 'DEU')) },
      { measure: 'Δ% Afghan asylum claims in Sweden + Italy (asylumClaims), 2016-2017', unit: 'percent', band: [0.01, POS], window: { from: '2016-01' }, value: relativeChange(sum(indicator('asylumClaims', 'SWE'), indicator('asylumClaims', 'ITA'))) },
    ],
  },
  {
    id: 'I3', world: 'afghan-cluster-tightens', title: 'Tightening reduces and deflects',
    observed: 'stricter asylum policy (9 NW-European destinations, 1985-2010) has a direct effect and a deflection to other destinations; cluster-wide tightening lowers the total (Brekke, Røed & Schøne 2017)',
    checks: [{
      measure: 'change in Afghan claims in all three destinations ÷ change in Germany + Sweden (asylumClaims), 2016-2017: the total falls, by less than the tightening countries\' own falls', unit: 'ratio', band: [0, 0.99], window: { from: '2016-01' },
      value: (b, v) => {
        const cluster = sum(indicator('asylumClaims', 'DEU'), indicator('asylumClaims', 'SWE'));
        const all = sum(cluster, indicator('asylumClaims', 'ITA'));
        const own = cluster(v) - cluster(b);
        return own < 0 ? (all(v) - all(b)) / own : Number.NaN;
      },
    }],
  },
  {
    id: 'E1', world: 'us-india-students', title: 'Few visitors overstay',
    observed: 'US FY2016: 1.47% of air and sea non-immigrants overstayed (1.25% still in the country); non-VWP visitors 1.90% (DHS Entry/Exit Overstay Report)',
    checks: [{ measure: 'overstay rate of Indian visitors to the US (overstayRateByChannel us-visitor)', unit: 'share', band: [0.01, 0.02], value: inArm('baseline', indicator('overstayRateByChannel', 'us-visitor')) }],
  },
  {
    id: 'E2', world: 'us-india-students', title: 'Students overstay more than visitors',
    observed: 'student and exchange visitors overstay 3.67% (FY2023; 2.86% in the country), against about 1-2% of visitors (DHS)',
    checks: [{
      measure: 'overstay rate of Indian students (us-student, variant) ÷ that of Indian visitors (us-visitor, baseline)', unit: 'ratio', band: [2, 3],
      value: (b, v) => {
        const visitors = indicator('overstayRateByChannel', 'us-visitor')(b);
        return visitors > 0 ? indicator('overstayRateByChannel', 'us-student')(v) / visitors : Number.NaN;
      },
    }],
  },
];
