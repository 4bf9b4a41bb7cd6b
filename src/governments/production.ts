/**
 * The production function of a state's capacity. Spending, less what leaks,
 * becomes capacity with a lag; capacity becomes an achieved level (an
 * interception probability, a share of return requests answered with travel
 * documents) with decreasing returns, up to a ceiling set by governance:
 *
 *   leak     = (1 - g) * (leak0 + (1 - leak0) * R / (R + S))
 *   K'       = K + (1 - exp(-1 / lag)) * (S * (1 - leak) - K)
 *   achieved = base + (1 - base) * g * (1 - exp(-K / C))
 *
 * g is governance, S spending and R smugglers' revenue on the state's legs
 * (both per year), K capacity per year, C what full effort costs a year and
 * base the level the scenario gives with no government effort. R counts
 * the takings on the legs the state polices (its interception instruments'):
 * smugglers elsewhere have nothing to buy from its officials. The part of the
 * leak their revenue buys, (1 - g) (1 - leak0) R / (R + S), is bought with
 * money: the smugglers pay its officials that share of S as bribes (see
 * bribed), or what looking away is worth to them if that is less
 * (lookingAwayWorth).
 */
export function leakage(governance: number, spending: number, smugglerRevenue: number, baseLeakage: number): number {
  return (1 - governance) * baseLeakage + bribed(governance, spending, smugglerRevenue, baseLeakage);
}

/** Share of spending that smugglers' bribes divert. */
export function bribed(governance: number, spending: number, smugglerRevenue: number, baseLeakage: number): number {
  const bought = spending + smugglerRevenue > 0 ? smugglerRevenue / (spending + smugglerRevenue) : 0;
  return (1 - governance) * (1 - baseLeakage) * bought;
}

export function nextCapacity(capacity: number, effective: number, lagTicks: number): number {
  return capacity + (1 - Math.exp(-1 / Math.max(lagTicks, 1e-9))) * (effective - capacity);
}

export function achieved(base: number, governance: number, capacity: number, costPerYear: number): number {
  return base + (1 - base) * governance * (1 - Math.exp(-Math.max(0, capacity) / costPerYear));
}

/** The level reached once capacity has caught up with a steady spending. */
export function steadyAchieved(base: number, governance: number, spending: number, leak: number, costPerYear: number): number {
  return achieved(base, governance, spending * (1 - leak), costPerYear);
}

/**
 * The most smugglers would pay a year for officials' looking away: the
 * takings (a year, on the legs an interception capacity polices) that the
 * interception the bought spending would have added stops. Money buys little
 * interception where governance caps it, so there looking away is worth
 * little, however much is spent.
 */
export function lookingAwayWorth(base: number, governance: number, capacity: number, bought: number, costPerYear: number, takings: number): number {
  return (achieved(base, governance, capacity + bought, costPerYear) - achieved(base, governance, capacity, costPerYear)) * takings;
}
