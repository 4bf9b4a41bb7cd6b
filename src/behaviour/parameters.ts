/**
 * Every behavioural parameter of the migrant model, in one place, with its
 * default, its allowed range and why it has that value. A scenario's
 * `behaviour:` block may override any of them by name; unknown names are errors.
 *
 * Rates are per year and converted to the scenario's tick; durations are in months.
 */
interface ParameterInfo {
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly doc: string;
}

const define = <T extends Record<string, ParameterInfo>>(table: T) => table;

export const BEHAVIOUR_PARAMETERS = define({
  reconsiderPerYear: {
    value: 1, min: 0, max: 365,
    doc: 'How often a person at home reconsiders moving, per year (Carling 2002: aspiration is re-formed as conditions change).',
  },
  aspirationBase: {
    value: -3.2, min: -20, max: 20,
    doc: 'Log-odds of aspiring to move with no income gap, conflict or ties. Calibrated so that roughly a third of adults in poor, conflict-free origins aspire (Gallup potential-migration surveys report 15-40%).',
  },
  aspirationIncomeGap: {
    value: 0.9, min: 0, max: 10,
    doc: 'Weight of the log income ratio between the best reachable destination and home on aspiration.',
  },
  aspirationUnemployment: {
    value: 2, min: 0, max: 20, doc: 'Weight of the home unemployment rate on aspiration.',
  },
  aspirationConflict: {
    value: 4, min: 0, max: 50, doc: 'Weight of home conflict intensity (0..1) on aspiration: conflict is the strongest push.',
  },
  aspirationClimate: {
    value: 1, min: 0, max: 20, doc: 'Weight of home climate stress (0..1) on aspiration.',
  },
  aspirationChild: {
    value: -1.5, min: -20, max: 20, doc: 'Added log-odds for people under 20, who mostly move with their families, not on their own decision.',
  },
  aspirationYoung: {
    value: 0.6, min: -20, max: 20, doc: 'Added log-odds for people aged 20-34, the peak ages of migration (Rogers-Castro schedule).',
  },
  aspirationOld: {
    value: -1.5, min: -20, max: 20, doc: 'Added log-odds for people aged 55 and over.',
  },
  aspirationNetwork: {
    value: 1, min: 0, max: 20, doc: 'Added log-odds for a person with a tie abroad (Massey et al. 1993: networks lower costs and risks).',
  },
  tiesPerEmigrant: {
    value: 3, min: 0, max: 100, doc: 'People at home with a close tie to each person of the diaspora: sets the chance that a person has a tie abroad.',
  },
  choiceIncome: {
    value: 1.2, min: 0, max: 20, doc: 'Utility per unit of log expected-income ratio (destination over home).',
  },
  choiceCost: {
    value: 2, min: 0, max: 50, doc: 'Utility lost per unit of cost relative to the person\'s means (savings plus credit).',
  },
  choiceDeath: {
    value: 60, min: 0, max: 5000, doc: 'Utility lost per unit of probability of dying on the way, scaled by (1 - risk tolerance).',
  },
  choiceInterception: {
    value: 2, min: 0, max: 100, doc: 'Utility lost per unit of probability of being intercepted at least once on the way.',
  },
  choiceNetwork: {
    value: 1.5, min: 0, max: 20, doc: 'Utility of going where one has a tie.',
  },
  choiceTravelMonth: {
    value: 0.1, min: 0, max: 10, doc: 'Utility lost per month of expected travel or processing time.',
  },
  choiceLegalConstant: {
    value: -2.5, min: -50, max: 50, doc: 'Alternative-specific constant of a legal channel against staying (paperwork, uncertainty).',
  },
  choiceIrregularConstant: {
    value: -4.5, min: -50, max: 50, doc: 'Alternative-specific constant of an irregular route against staying (fear, illegality, leaving family).',
  },
  choiceStayConflict: {
    value: -3, min: -50, max: 0, doc: 'Utility of staying per unit of home conflict intensity (danger at home).',
  },
  savingRateHome: {
    value: 0.05, min: 0, max: 1, doc: 'Share of income a person at home saves.',
  },
  savingRateAbroad: {
    value: 0.2, min: 0, max: 1, doc: 'Share of income a migrant abroad saves (target earners save much more than at home).',
  },
  initialSavingsMonths: {
    value: 3, min: 0, max: 600, doc: 'Median savings at the start, in months of home income.',
  },
  savingsSpread: {
    value: 1.3, min: 0, max: 5, doc: 'Log-normal sigma of savings across people: wealth is very unequal in origin countries.',
  },
  creditMonths: {
    value: 2, min: 0, max: 600, doc: 'Credit from family and lenders, in months of home income, for a person without a tie abroad.',
  },
  creditMonthsWithTie: {
    value: 8, min: 0, max: 600, doc: 'Credit for a person with a tie abroad, who can borrow from relatives there.',
  },
  arrangeMonths: {
    value: 1, min: 0, max: 60, doc: 'Time to arrange an irregular journey before setting off.',
  },
  quotaPatienceMonths: {
    value: 12, min: 0, max: 240, doc: 'How long an applicant waits for a quota place before giving up.',
  },
  transitPatienceMonths: {
    value: 18, min: 0, max: 240, doc: 'How long a migrant without the money for the next leg works in transit before giving up.',
  },
  giveUpAfterInterception: {
    value: 0.15, min: 0, max: 1, doc: 'Probability of giving up the journey after an interception.',
  },
  settleInTransitShare: {
    value: 0.35, min: 0, max: 1, doc: 'Of those who give up in a transit country, the share who stay there rather than go home.',
  },
  transitSavingRate: {
    value: 0.3, min: 0, max: 1, doc: 'Share of transit-country income saved by a migrant working to pay for the next leg.',
  },
  asylumClaimBase: {
    value: 0.4, min: 0, max: 1, doc: 'Probability an irregular arrival claims asylum even where recognition is zero; the rest of the probability scales with the recognition rate.',
  },
  irregularWageShare: {
    value: 0.6, min: 0, max: 1, doc: 'Irregular work pays this share of the regular wage (informal-sector wage penalty).',
  },
  irregularEmployment: {
    value: 0.7, min: 0, max: 1, doc: 'Employment chance of irregular migrants relative to regular ones.',
  },
  renewalApproval: {
    value: 0.8, min: 0, max: 1, doc: 'Probability a renewable permit is renewed when it expires.',
  },
  overstayConstant: {
    value: -2, min: -50, max: 50, doc: 'Utility of overstaying against leaving when a permit expires, before income and risk (most comply: norms, future access).',
  },
  overstayApprehension: {
    value: 4, min: 0, max: 100, doc: 'Utility lost per unit of yearly apprehension probability when weighing an overstay.',
  },
  circularPriorityValue: {
    value: 2, min: 0, max: 50, doc: 'Utility of leaving on time when compliance earns priority for the next season (circular schemes).',
  },
  voluntaryReturnPerYear: {
    value: 0.04, min: 0, max: 12, doc: 'Yearly hazard that a migrant abroad returns home of their own accord, before home conflict.',
  },
});

export type BehaviourParameterName = keyof typeof BEHAVIOUR_PARAMETERS;
export type BehaviourParameters = { readonly [K in BehaviourParameterName]: number };

export const DEFAULT_BEHAVIOUR: BehaviourParameters = Object.fromEntries(
  Object.entries(BEHAVIOUR_PARAMETERS).map(([k, v]) => [k, v.value]),
) as BehaviourParameters;
