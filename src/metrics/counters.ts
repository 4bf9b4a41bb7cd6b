/**
 * Counts of one tick for one dimension (routes, legs, channels, countries):
 * `count[field][entity]`. Flows are added during the tick; gauges (stocks,
 * quota left) are set by the metrics phase. The recorder copies and resets them.
 */
export class CounterTable<F extends string> {
  readonly count: Record<F, Float64Array>;

  constructor(readonly dimension: string, readonly ids: readonly string[], readonly fields: readonly F[]) {
    this.count = {} as Record<F, Float64Array>;
    for (const f of fields) this.count[f] = new Float64Array(ids.length);
  }

  reset(): void {
    for (const f of this.fields) this.count[f].fill(0);
  }
}

export const ROUTE_FIELDS = ['departures', 'arrivals', 'deaths', 'interceptions', 'returnedAfterInterception', 'releasedAfterInterception', 'gaveUp', 'settledInTransit', 'switchedAway'] as const;
export const LEG_FIELDS = [
  'waiting', 'attempts', 'crossings', 'interceptions', 'deaths', 'readmissions',
  // the smuggling market: price per person, capacity in persons per tick, smugglers active, arrested, entering and leaving
  'revenue', 'price', 'riskyShare', 'effectiveMortality', 'capacity', 'smugglers', 'smugglersArrested', 'smugglersEntered', 'smugglersLeft',
] as const;
export const CHANNEL_FIELDS = [
  'applications', 'admissions', 'quotaUsed', 'quotaLeft', 'queued', 'gaveUp', 'renewals', 'leftOnTime', 'overstaysBegun',
  'placedLicensed', 'placedUnlicensed', 'mismatched', 'recruiterFees', 'screenedOut', 'returnBonusesPaid', 'switchedAway',
] as const;
export const COUNTRY_FIELDS = [
  // as an origin
  'emigrants', 'admittedLegally', 'deathsEnRoute', 'returnsReceived', 'atHome', 'preparing', 'returnees',
  'remittancesSent', 'remittanceFees', 'remittancesReceived', 'remittancesShareOfGdp', 'savingsBroughtHome', 'migrantDebt', 'debtWrittenOff',
  'licensedRecruiters', 'unlicensedRecruiters', 'recruitersEntered', 'recruitersLeft', 'licensedFee', 'unlicensedFee',
  'aidReceived', 'aidIncomeEffect', 'reintegrationSupported',
  // as a transit country
  'transitCrossings', 'inTransit', 'readmissionsReceived',
  // as a destination
  'arrivals', 'asylumClaims', 'recognised', 'rejected', 'apprehensions', 'returnOrders', 'returnAttempts', 'returnsExecuted', 'returnsFailed',
  'voluntaryReturns', 'overstaysBegun', 'regular', 'asylumPending', 'protected', 'irregular', 'overstaying',
  'employedRegular', 'employedIrregular', 'wageLow', 'wageHigh',
] as const;

/**
 * Fields that are levels, not counts of agents or their money: prices, fees,
 * wages, shares, and the few (smugglers, recruiters) who are not scaled.
 * Every other field is multiplied by the scale when recorded.
 */
export const LEVEL_FIELDS: ReadonlySet<string> = new Set([
  'price', 'riskyShare', 'effectiveMortality', 'capacity', 'smugglers', 'smugglersArrested', 'smugglersEntered', 'smugglersLeft',
  'remittancesShareOfGdp', 'licensedRecruiters', 'unlicensedRecruiters', 'recruitersEntered', 'recruitersLeft',
  'licensedFee', 'unlicensedFee', 'wageLow', 'wageHigh', 'aidReceived', 'aidIncomeEffect',
]);

/** By channel and origin (ids `channel:origin`): what a per-origin quota and its monitoring read. */
export const CHANNEL_ORIGIN_FIELDS = ['applications', 'admissions', 'leftOnTime', 'overstaysBegun'] as const;
/** By destination and origin of the person (ids `destination:origin`); `abroad` is the stock of the origin's nationals there. */
export const RETURN_FIELDS = ['returnOrders', 'returnAttempts', 'returnsExecuted', 'returnsFailed', 'abroad'] as const;

export type RouteField = (typeof ROUTE_FIELDS)[number];
export type LegField = (typeof LEG_FIELDS)[number];
export type ChannelField = (typeof CHANNEL_FIELDS)[number];
export type CountryField = (typeof COUNTRY_FIELDS)[number];
export type ChannelOriginField = (typeof CHANNEL_ORIGIN_FIELDS)[number];
export type ReturnField = (typeof RETURN_FIELDS)[number];

/** Every counter of a tick, by dimension. Values are in agents until recorded. */
export class TickCounters {
  readonly route: CounterTable<RouteField>;
  readonly leg: CounterTable<LegField>;
  readonly channel: CounterTable<ChannelField>;
  readonly country: CounterTable<CountryField>;
  /** count[field][channel * countries + origin] */
  readonly channelOrigin: CounterTable<ChannelOriginField>;
  /** count[field][destination * countries + origin] */
  readonly returns: CounterTable<ReturnField>;

  constructor(ids: { routes: readonly string[]; legs: readonly string[]; channels: readonly string[]; countries: readonly string[] }) {
    this.route = new CounterTable('route', ids.routes, ROUTE_FIELDS);
    this.leg = new CounterTable('leg', ids.legs, LEG_FIELDS);
    this.channel = new CounterTable('channel', ids.channels, CHANNEL_FIELDS);
    this.country = new CounterTable('country', ids.countries, COUNTRY_FIELDS);
    const pairs = (a: readonly string[]) => a.flatMap((x) => ids.countries.map((o) => `${x}:${o}`));
    this.channelOrigin = new CounterTable('channelOrigin', pairs(ids.channels), CHANNEL_ORIGIN_FIELDS);
    this.returns = new CounterTable('return', pairs(ids.countries), RETURN_FIELDS);
  }

  /** The tables every run writes. */
  tables(): ReadonlyArray<CounterTable<string>> {
    return [this.route, this.leg, this.channel, this.country];
  }

  /** Figures by origin that governments monitor; written only by runs with governments. */
  byOrigin(): ReadonlyArray<CounterTable<string>> {
    return [this.channelOrigin, this.returns];
  }

  reset(): void {
    for (const t of this.tables()) t.reset();
    for (const t of this.byOrigin()) t.reset();
  }
}
