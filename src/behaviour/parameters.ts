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
    value: -1.7, min: -20, max: 20,
    doc: 'Log-odds of aspiring to move with no income gap, conflict or ties. Set so that, with aspirationIncomeGap, about 38% of adults aspire where the gap to the best destination is about log 12 and unemployment about 15% (sub-Saharan Africa to Europe in the Gallup World Poll: Esipova, Ray & Pugliese 2011) and about 20% where there is no gap (Europe, ibid.). Was -3.2 with a gap weight of 0.9, which put three times fewer aspirants in rich origins than Gallup finds.',
  },
  aspirationIncomeGap: {
    value: 0.37, min: 0, max: 10,
    doc: 'Weight of the log income ratio between the best reachable destination and home on aspiration. The desire to emigrate falls only gently with origin income: about 38% of adults in sub-Saharan Africa (GDP about $3,000 PPP) against about 20% in Europe (about $35,000) in the Gallup World Poll (Esipova, Ray & Pugliese 2011; Migali & Scipioni 2018, JRC): log-odds fall about 0.9 as the gap narrows by log 12 ≈ 2.5, so 0.37. Langella & Manning 2021 (CEP DP1794) find the same gentle fall across origins. Was 0.9 (unsourced), which made aspiration fall as steeply as choice and put the migration hump at $2,000-3,000.',
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
  familyReunificationPerResident: {
    value: 0.027, min: 0, max: 1, doc: 'Relatives a resident of the diaspora brings each year through a family channel (spouses, children, parents), which sets that channel\'s places for an origin at this share of its stock in the destination. Italy 2015: 107,000 first permits for family reasons (44.8% of 238,936) against 3.93 million non-EU citizens resident (ISTAT 2016, "Cittadini non comunitari, anni 2015-2016"), 2.7% a year.',
  },
  choiceNestSimilarity: {
    value: 0.5, min: 0.05, max: 1, doc: 'Scale of the nest of ways to move in the nested-logit choice (1: plain logit, where a closed route sends people home in proportion to how many stay; lower: routes and channels are closer substitutes, as in destination-choice studies).',
  },
  choiceIncome: {
    value: 1.2, min: 0, max: 20, doc: 'Utility per unit of log expected-income ratio (destination over home).',
  },
  choiceCost: {
    value: 2, min: 0, max: 50, doc: 'Utility lost per unit of cost relative to the person\'s means (savings plus credit).',
  },
  choiceDeath: {
    value: 10, min: 0, max: 5000, doc: 'Utility lost per unit of probability of dying on the way, scaled by (1 - risk tolerance). Small: intentions barely respond to the risk of death (Cornelius & Salehyan 2007, 603 rural Mexicans: "remarkably little influence"; Wong et al. 2019: 64% still intend to go when told the route is deadlier; Mbaye 2014, Senegal: would-be migrants who expect a high risk of dying still intend to leave). At 10, a 5% risk of death costs as much as halving a doubling of income (0.5 x 1.2 log 2 with average risk tolerance).',
  },
  choiceInterception: {
    value: 0.5, min: 0, max: 100, doc: 'Utility lost per unit of probability of being intercepted at least once on the way, beyond what it costs in fees paid again and months lost (counted in cost and travel time): the fear and hardship of detention. Small: the chance of apprehension barely deters first trips (Espenshade 1994; Massey & Espinosa 1997, Mexican Migration Project: no significant effect of apprehension probability on departures).',
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
    value: 12, min: 0.1, max: 240, doc: 'How long, on average, an applicant waits for a quota place before giving up (a steady hazard, not a deadline).',
  },
  transitPatienceMonths: {
    value: 18, min: 0, max: 240, doc: 'No longer used: people in transit re-decide (docs/behaviour.md). Accepted so that older files still validate.',
  },
  giveUpAfterInterception: {
    value: 0.15, min: 0, max: 1, doc: 'No longer used: after an interception people re-decide (docs/behaviour.md). Accepted so that older files still validate.',
  },
  settleInTransitShare: {
    value: 0.35, min: 0, max: 1, doc: 'No longer used: settling in transit is one of the choices of a re-decision (docs/behaviour.md). Accepted so that older files still validate.',
  },
  transitSettleConstant: {
    value: -1, min: -50, max: 50, doc: 'Utility of settling without papers in a transit country against going on, beyond the income there: few plan it, and transit countries are often hostile to those who stay (de Haas 2008, "The myth of invasion": many who fail to reach Europe do settle in the Maghreb; IOM 2017 on abuse in Libya). Going home is worth staying\'s utility; costs already paid are sunk.',
  },
  returnHorizonYears: {
    value: 5, min: 0.1, max: 50, doc: 'Years over which a would-be migrant weighs the chance of being returned: the typical length of a temporary stay abroad (Dustmann & Görlach 2016, "The economics of temporary migration", JEL: most migrations are temporary, stays of a few years to a decade).',
  },
  transitSavingRate: {
    value: 0.3, min: 0, max: 1, doc: 'Share of transit-country income saved by a migrant working to pay for the next leg.',
  },
  asylumClaimBase: {
    value: 0.4, min: 0, max: 1, doc: 'No longer used: an arrival claims asylum as the worth of a claim against staying without papers decides (asylum-stay.ts, docs/behaviour.md). Accepted so that older files still validate.',
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
  tiesAbroadPerYear: {
    value: 0.2, min: 0, max: 12, doc: 'Yearly hazard that someone staying abroad forms a close tie there (friends, a partner, a job offer, a relative joined): location-specific capital that grows with time spent in a place and makes leaving it costlier (DaVanzo 1981, "Repeat migration, information costs, and location-specific capital"; Massey 1985, NRC, "The settlement process among Mexican migrants": ties form progressively with US experience, and with them the propensity to settle). No estimate of the rate in this form exists; 0.2: a tie within five years on average, the typical length of a temporary stay (returnHorizonYears: Dustmann & Görlach 2016). A tie counts as one at home does: aspirationNetwork on the wish to stay on, choiceNetwork on staying.',
  },
  circularPriorityValue: {
    value: 2, min: 0, max: 50, doc: 'Utility of leaving on time when compliance earns priority for the next season (circular schemes).',
  },
  overstayDebt: {
    value: 1.5, min: 0, max: 100, doc: 'Utility of overstaying per unit of debt (in years of home income): indebted workers stay on to repay (ILO 2017 on recruitment debt).',
  },
  debtRepaymentShare: {
    value: 0.3, min: 0, max: 1, doc: 'Share of income abroad that goes to repaying debt while any is owed.',
  },
  remittanceShare: {
    value: 0.15, min: 0, max: 1, doc: 'Share of income abroad sent home when sending is free (World Bank: migrants send roughly 10-20% of earnings).',
  },
  remittanceCostSemiElasticity: {
    value: 2, min: 0, max: 100, doc: 'How much less is sent as the transfer cost rises: the amount falls by this fraction per unit of cost (2: 2% less per percentage point; Ahmed, Mughal and Martinez-Zarzoso 2021 find about 1.6%).',
  },
  destinationWageElasticity: {
    value: 0.3, min: 0, max: 5, doc: 'Destination wages fall by this elasticity with (1 + migrant share of population): a mild effect (Card 2001; Borjas 2003 finds more for the low-skilled).',
  },
  originWageElasticity: {
    value: 0.5, min: 0, max: 5, doc: 'Origin wages rise by this elasticity with (1 + emigrant share of population) (Mishra 2007: about 4% for a 10% emigration rate).',
  },
  irregularJobCompetition: {
    value: 0.7, min: 0, max: 5, doc: 'How much one irregular migrant weighs on the jobs open to migrants, against one regular migrant.',
  },
  smugglerRiskPremium: {
    value: 1, min: 0, max: 50, doc: 'Price markup per unit of interception probability: smugglers charge for the risk of losing boats and being caught.',
  },
  smugglerScarcityElasticity: {
    value: 0.5, min: 0, max: 5, doc: 'Elasticity of the smugglers\' rent (price above running cost) with the ratio of waiting migrants to capacity; with idle capacity the rent goes to zero and the price to running cost (Bertrand competition among many small operators: Campana & Varese 2016; UNODC 2018 on Aegean prices falling with demand in 2016).',
  },
  smugglerPriceAdjustment: {
    value: 0.3, min: 0.01, max: 1, doc: 'Share of the gap to the market price closed each month: prices move, but not overnight.',
  },
  smugglerOperatingCost: {
    value: 0.2, min: 0, max: 1, doc: 'A crossing\'s running cost (boat, fuel, guides, bribes), as a share of the leg\'s base price. Most of a fare is the smugglers\' rent: a dinghy with an engine costs a few thousand dollars and carries 40-60 people, some $50-100 a seat against fares of $1,000-1,500 (UNODC GloSOM 2018; Europol-Interpol 2016); with fuel, guides, safe houses and bribes, about a fifth.',
  },
  smugglerCostSpread: {
    value: 0.5, min: 0, max: 5, doc: 'Log-normal sigma of operating costs across smugglers: some are much leaner than others.',
  },
  smugglerArrestPerInterception: {
    value: 2, min: 0, max: 100, doc: 'Yearly hazard of a smuggler\'s arrest per unit of interception probability on the leg.',
  },
  smugglerArrestPenaltyYears: {
    value: 3, min: 0, max: 100, doc: 'What an arrest costs a smuggler, in years of the outside wage (a prison term: Italian and Greek sentences for facilitation run from one to many years; Becker 1968: crime responds to the expected penalty). Entry and staying in weigh profit net of this risk.',
  },
  riskyArrestFactor: {
    value: 0.3, min: 0, max: 1, doc: 'Arrest hazard of a smuggler running risky crossings, as a share of one running standard boats: migrants steer the dinghy and the organiser stays ashore (UNODC GloSOM 2018; Europol-Interpol 2016 on self-steered boats), though some who steer are arrested as smugglers. What makes enforcement push smugglers to cheaper, deadlier boats.',
  },
  smugglerArrestCost: {
    value: 1, min: 0, max: 1000, doc: 'No longer used: the risk of arrest is weighed through smugglerArrestPenaltyYears in entry and exit, not per seat (counting it in both would count it twice). Accepted so that older files still validate.',
  },
  smugglerEntryPerYear: {
    value: 1, min: 0, max: 100, doc: 'Yearly entry of new smugglers, per active one, per unit of profit above the outside wage (relative to it).',
  },
  smugglerExitPerYear: {
    value: 1, min: 0, max: 100, doc: 'Yearly hazard that a smuggler earning less than the outside wage quits.',
  },
  riskyCostShare: {
    value: 0.5, min: 0, max: 1, doc: 'Operating cost of a cheap, risky crossing (rubber dinghy, no pilot) as a share of a standard one.',
  },
  riskyMortalityFactor: {
    value: 3, min: 1, max: 100, doc: 'Mortality of a risky crossing as a multiple of the leg\'s standard mortality (IOM: deaths rose as boats got worse).',
  },
  riskyInterceptionFactor: {
    value: 1, min: 0, max: 2, doc: 'Interception of a risky crossing as a multiple of a standard one. 1: overcrowded dinghies are spotted and stopped as readily as other boats (Frontex and Libyan coastguard interceptions rose as boats got worse), so cheap boats trade cost for deaths and do not escape interdiction.',
  },
  riskyPriceDiscount: {
    value: 0.5, min: 0, max: 1, doc: 'Discount migrants get for a risky crossing, as a share of the leg\'s base price (UNODC: dinghy places sold for far less than places on wooden boats).',
  },
  recruiterMarkup: {
    value: 0.3, min: 0, max: 10, doc: 'Markup of a licensed recruiter over its cost per placement.',
  },
  unlicensedMarkup: {
    value: 1.6, min: 1, max: 20, doc: 'Fee of an unlicensed recruiter as a multiple of the uncapped licensed fee (World Bank KNOMAD surveys: irregular recruiters charge far more).',
  },
  recruiterMisinformation: {
    value: 0.4, min: 0, max: 1, doc: 'Share by which unlicensed recruiters make their fee look smaller than it is: workers compare fees as advertised.',
  },
  licensedMatchQuality: {
    value: 0.9, min: 0, max: 1, doc: 'Chance a licensed recruiter places a worker in the job promised.',
  },
  unlicensedMatchQuality: {
    value: 0.6, min: 0, max: 1, doc: 'Chance an unlicensed recruiter places a worker in the job promised (KNOMAD surveys: contract substitution is common through irregular intermediaries).',
  },
  mismatchWagePenalty: {
    value: 0.3, min: 0, max: 1, doc: 'Share of the wage a worker in a worse job than promised loses.',
  },
  recruiterChoiceFee: {
    value: 3, min: 0, max: 100, doc: 'Weight of the fee difference, relative to means, when a worker picks a licensed or an unlicensed recruiter.',
  },
  licenceDepositCostPerYear: {
    value: 0.1, min: 0, max: 1, doc: 'Yearly cost to a licensed recruiter of its deposit, as a share of it (the interest it forgoes).',
  },
  unlicensedPenaltyPerYear: {
    value: 2000, min: 0, max: 1e9, doc: 'Expected yearly cost to an unlicensed recruiter of fines and bribes.',
  },
  recruiterEntryPerYear: {
    value: 1, min: 0, max: 100, doc: 'Yearly entry of recruiters, per active one, per unit of profit margin; unlicensed ones also enter where workers go unserved.',
  },
  recruiterExitPerYear: {
    value: 1, min: 0, max: 100, doc: 'Yearly hazard that a recruiter making a loss leaves the market.',
  },
  recruiterDiscountPerYear: {
    value: 0.68, min: 0.01, max: 100, doc: 'Rate at which a would-be recruiter discounts a year of future profit: the return to capital of small firms in developing countries (about 5% a month, so 0.6 a year: de Mel, McKenzie & Woodruff 2008, QJE) plus their yearly death rate (8.3%: McKenzie & Paffhausen 2019, RESTAT). An unlicensed entrant values its business at profit / (this + the yearly chance of being shut down by inspection), so inspection deters entry (Becker 1968).',
  },
  aidIncomeReturn: {
    value: 2, min: 0, max: 100, doc: 'Long-run rise of incomes per unit of aid as a share of GDP per year, under perfect governance (aid of 5% of GDP a year: incomes up to 10% higher).',
  },
  aidGovernanceElasticity: {
    value: 1, min: 0, max: 10, doc: 'How strongly aid\'s effect depends on governance: the effect scales with governance to this power (Burnside and Dollar 2000; contested, hence a parameter).',
  },
  aidLagYears: {
    value: 2, min: 0, max: 50, doc: 'Years for aid to reach most of its effect: projects take time to raise incomes and jobs.',
  },
  aidJobEffect: {
    value: 1, min: 0, max: 20, doc: 'Relative fall of unemployment per unit of relative rise in incomes from aid.',
  },
  // Displacement (issue 9, s2-9b): how close substitutes the routes into one country are.
  choiceRouteSimilarity: {
    value: 0.5, min: 0.05, max: 1, doc: 'Scale of the nest of irregular routes into one destination, relative to the nest of ways to move (choiceNestSimilarity); used at home and in transit. Crossings into the same country differ in cost, risk and time, not in what one goes for, so they are closer substitutes than ways to different places: the US border wall of 2007-2010 changed migrants\' choice of route and hardly whether they migrated (Allen, Dobbin & Morten 2019, NBER w25267); fence construction made migrants substitute towards other crossing locations (Feigenberg 2020, AEJ Applied); route substitution cost migrants 2-3 times what higher coyote prices did (Gathmann 2008). 0.5: one more level of closeness, as much as the ways to move are closer to one another than to staying (no estimate of this scale exists for irregular routes; 1 gives back the single nest).',
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
