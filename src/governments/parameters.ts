/**
 * Defaults of the government model: how fast money becomes capacity, how much
 * of it leaks, how governments read their figures and choose, and how trust
 * in an agreement moves. They sit here rather than among the migrant model's
 * parameters so that scenarios without governments are written out exactly
 * as before; each says where its value comes from. Scenarios set the world
 * (budgets, objectives, instruments, terms), never these.
 */
export const GOVERNMENT_PARAMETERS = {
  capacityLagMonths: {
    value: 6,
    doc: 'Time constant, months, for money to become (or stop being) achieved enforcement or documents: boats, crews and training take months (MPI 2017 on EU support to the Libyan coastguard; arrivals in Italy fell within months of mid-2017).',
  },
  baseLeakage: {
    value: 0.2,
    doc: 'Share of spending lost to corruption in a state with no governance at all before any bribes (scaled by 1 - governance); the rest of the leak is what smugglers\' revenue buys (MPI 2011 and 2017: smugglers and officials collude where the state is weak).',
  },
  observationLagMonths: {
    value: 1,
    doc: 'Months before a government sees a month\'s figures (arrivals and returns statistics are published with about a month\'s delay: UNHCR, Frontex).',
  },
  reviewNoise: {
    value: 0.25,
    doc: 'Scale of the logit noise in a review, in payoff units (Gumbel noise of bounded-rational choice, McFadden 1974; small against the stakes the scenarios give, so governments usually take the better step but not always).',
  },
  returnHorizonYears: {
    value: 3,
    doc: 'Years of remittances an origin expects to lose with each national returned (mean stay abroad of returnees is a few years: Dustmann and Görlach 2016).',
  },
  trustGain: {
    value: 0.2,
    doc: 'Share of the way to full trust a party moves after a review in which its partner kept every term (trust builds slowly: Sykes 2013 on repeated games in enforcement cooperation).',
  },
  trustLoss: {
    value: 0.4,
    doc: 'Share of trust a party loses when its partner breaches a term (breaches weigh more than compliance: grim-trigger-like punishment in repeated games, softened).',
  },
  collapseTrust: {
    value: 0.25,
    doc: 'Trust below which a party walks out of an agreement.',
  },
  patienceReviews: {
    value: 3,
    doc: 'Reviews in a row in which an agreement is worth less than nothing to a party before it withdraws.',
  },
  salienceThreshold: {
    value: 3,
    doc: 'Deaths in a month beyond this multiple of the mean month of the year before are a shock to public attention (a shipwreck like Lampedusa, October 2013, against a year of crossings); below it, attention does not move. A judgement: a doubling is within the month-to-month noise of deaths at sea (IOM Missing Migrants), a tripling is news.',
  },
  salienceNewsDeaths: {
    value: 100,
    doc: 'Deaths beyond the threshold in one month that raise public attention by one (doubling the weight a government puts on deaths): a disaster of a hundred or more dead makes the news beyond the region (Lampedusa, 3 October 2013: 368 dead; IOM Missing Migrants counts most months\' deaths in the Central Mediterranean in tens to low hundreds).',
  },
  salienceHalfLifeMonths: {
    value: 3,
    doc: 'Half-life, months, of the public attention a shock raises: the issue-attention cycle (Downs 1972) runs its course in months; media coverage of migrant deaths after a disaster falls to its earlier level within a season.',
  },
  bargainShare: {
    value: 0.5,
    doc: 'Share of the value of the would-be migrants it hosts that a partner can claim when it renegotiates (the symmetric Nash bargaining split).',
  },
} as const;

export type GovernmentParameterName = keyof typeof GOVERNMENT_PARAMETERS;
export const GOVERNMENT_DEFAULTS: Record<GovernmentParameterName, number> = Object.fromEntries(
  Object.entries(GOVERNMENT_PARAMETERS).map(([k, v]) => [k, v.value]),
) as Record<GovernmentParameterName, number>;
