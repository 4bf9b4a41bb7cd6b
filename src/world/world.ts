import type { ChannelType, LegMode, PlaceKind, Quantity, RecruitmentSpec, Scenario, SmugglingSpec } from '../scenario/types.js';
import { AttributeTable } from './attributes.js';
import type { TimePoint } from './quantity.js';

export const COUNTRY_ATTRIBUTES = [
  'population', 'gdpPerCapita', 'wageLow', 'wageHigh', 'unemployment', 'conflict', 'climateStress', 'governance',
  'remittanceCost', 'remittanceFee', 'returnCooperation', 'apprehensionPerYear', 'returnCapacityPerYear',
  // Infinity where the scenario sets no limit or no cap
  'labourDemandLow', 'labourDemandHigh', 'recruiterFeeCap', 'licenceDeposit',
  'asylumDecisionMonths', 'recognitionMultiplier', 'asylumReceptionPerYear',
  // set by policies: aid received, and support for returnees (income boost for some months)
  'aidPerYear', 'reintegrationIncomeBoost', 'reintegrationMonths',
  // set by a government's inspection instrument: share of its unlicensed recruiters found and shut down a year
  'recruiterInspection',
] as const;
export type CountryAttribute = (typeof COUNTRY_ATTRIBUTES)[number];

/**
 * Of those intercepted, detentionShare are returned home and releaseShare let through with an order to leave; the rest are pushed back.
 * readmissionCapacityPerYear: persons a year the leg's start country takes back from the country it enters (0: no arrangement).
 * bribesPerYear: PPP dollars a year the leg's smugglers pay officials of its start country to look away (0: none).
 */
export const LEG_ATTRIBUTES = ['cost', 'mortality', 'interception', 'detentionShare', 'releaseShare', 'readmissionCapacityPerYear', 'bribesPerYear'] as const;
export type LegAttribute = (typeof LEG_ATTRIBUTES)[number];

/** `quotaPerYear` and `stayMonths` are Infinity for no quota and a permanent stay; `circular` is 1 or 0. */
export const CHANNEL_ATTRIBUTES = ['quotaPerYear', 'fee', 'employerFee', 'stayMonths', 'circular', 'screening', 'returnBonus'] as const;
export type ChannelAttribute = (typeof CHANNEL_ATTRIBUTES)[number];

/** Per-origin quota inside a channel (Infinity: none beyond the channel's), by `channel:origin`. */
export const CHANNEL_ORIGIN_ATTRIBUTES = ['quotaPerYear'] as const;
export type ChannelOriginAttribute = (typeof CHANNEL_ORIGIN_ATTRIBUTES)[number];

/** An agreement between states is in force (1) or ended (0); set-attribute can end one, as a court may. */
export const AGREEMENT_ATTRIBUTES = ['inForce'] as const;
export type AgreementAttribute = (typeof AGREEMENT_ATTRIBUTES)[number];

const SHARE = { min: 0, max: 1 } as const;
const NON_NEGATIVE = { min: 0, max: Number.POSITIVE_INFINITY } as const;

/** Allowed values of each attribute a policy may set. */
export const ATTRIBUTE_RANGES: {
  country: Record<CountryAttribute, { min: number; max: number }>;
  leg: Record<LegAttribute, { min: number; max: number }>;
  channel: Record<ChannelAttribute, { min: number; max: number }>;
  channelOrigin: Record<ChannelOriginAttribute, { min: number; max: number }>;
  agreement: Record<AgreementAttribute, { min: number; max: number }>;
} = {
  country: {
    population: NON_NEGATIVE, gdpPerCapita: NON_NEGATIVE, wageLow: NON_NEGATIVE, wageHigh: NON_NEGATIVE, unemployment: SHARE, conflict: SHARE,
    climateStress: SHARE, governance: SHARE, remittanceCost: SHARE, remittanceFee: NON_NEGATIVE, returnCooperation: SHARE, apprehensionPerYear: SHARE, returnCapacityPerYear: NON_NEGATIVE,
    labourDemandLow: NON_NEGATIVE, labourDemandHigh: NON_NEGATIVE, recruiterFeeCap: NON_NEGATIVE, licenceDeposit: NON_NEGATIVE,
    asylumDecisionMonths: NON_NEGATIVE, recognitionMultiplier: NON_NEGATIVE, asylumReceptionPerYear: NON_NEGATIVE, aidPerYear: NON_NEGATIVE, reintegrationIncomeBoost: NON_NEGATIVE,
    reintegrationMonths: NON_NEGATIVE, recruiterInspection: SHARE,
  },
  leg: { cost: NON_NEGATIVE, mortality: SHARE, interception: SHARE, detentionShare: SHARE, releaseShare: SHARE, readmissionCapacityPerYear: NON_NEGATIVE, bribesPerYear: NON_NEGATIVE },
  channel: {
    quotaPerYear: NON_NEGATIVE, fee: NON_NEGATIVE, employerFee: NON_NEGATIVE, stayMonths: { min: 1e-9, max: Number.POSITIVE_INFINITY }, circular: SHARE,
    screening: SHARE, returnBonus: NON_NEGATIVE,
  },
  channelOrigin: { quotaPerYear: NON_NEGATIVE },
  agreement: { inForce: SHARE },
};

export interface Place {
  id: string;
  name: string;
  kind: PlaceKind;
  country: number;
  populationShare: number;
}

export interface Leg {
  id: string;
  from: number;
  to: number;
  mode: LegMode;
  durationDays: number;
  smuggling: SmugglingSpec | null;
}

export interface Route {
  id: string;
  corridor: string;
  legs: number[];
  /** Place the route starts from. */
  start: number;
  /** Place it ends at. */
  end: number;
  destination: number;
}

export interface Channel {
  id: string;
  type: ChannelType;
  destination: number;
  /** eligibleOrigin[country] is 1 when that origin may use the channel. */
  eligibleOrigin: Uint8Array;
  /** eligibleSkill[skill] is 1 when that skill may use it. */
  eligibleSkill: Uint8Array;
  preferential: boolean;
  processingMonths: number;
  renewals: number;
  recruited: boolean;
  demandDriven: boolean;
  /** The country whose guests of eligible origins apply (resettlement from transit), or -1: applicants are at home. */
  from: number;
  /** Origins whose people may apply from `from` (all zero without it); eligibleOrigin is then all zero. */
  resettledOrigin: Uint8Array;
}

/**
 * The compiled world of a scenario: countries, places, legs, routes and legal
 * channels by index, with their time-varying attributes. Roles (sending,
 * transit, receiving) are not here: they come from a run's flows.
 */
export class World {
  readonly countryIds: string[];
  readonly countryNames: string[];
  readonly places: Place[];
  readonly legs: Leg[];
  readonly routes: Route[];
  readonly channels: Channel[];
  readonly country: AttributeTable<CountryAttribute>;
  readonly leg: AttributeTable<LegAttribute>;
  readonly channel: AttributeTable<ChannelAttribute>;
  /** channelOrigin entity channel * countries + origin. */
  readonly channelOrigin: AttributeTable<ChannelOriginAttribute>;
  readonly agreement: AttributeTable<AgreementAttribute>;
  /** The place a country's arrivals and residents are put at (its first place). */
  readonly mainPlace: Uint16Array;
  /** recognition[destination * countries + origin] */
  readonly recognition: Float64Array;
  /** diaspora[destination * countries + origin], persons at the start. */
  readonly diaspora: Float64Array;
  readonly highSkillShare: Float64Array;
  /** Routes that start at each place. */
  readonly routesFrom: number[][];
  /** Each country's recruitment industry (as an origin), or null. */
  readonly recruitment: ReadonlyArray<RecruitmentSpec | null>;

  constructor(scenario: Scenario) {
    const countries = scenario.countries;
    this.countryIds = countries.map((c) => c.id);
    this.countryNames = countries.map((c) => c.name);
    const n = countries.length;

    this.places = [];
    this.mainPlace = new Uint16Array(n);
    countries.forEach((c, ci) => {
      this.mainPlace[ci] = this.places.length;
      if (c.places.length === 0) this.places.push({ id: c.id, name: c.name, kind: 'city', country: ci, populationShare: 1 });
      else for (const p of c.places) this.places.push({ ...p, country: ci });
    });
    const placeIndex = new Map(this.places.map((p, i) => [p.id, i]));

    this.legs = scenario.legs.map((l) => ({
      id: l.id, from: placeIndex.get(l.from)!, to: placeIndex.get(l.to)!, mode: l.mode, durationDays: l.durationDays, smuggling: l.smuggling,
    }));
    const legIndex = new Map(this.legs.map((l, i) => [l.id, i]));
    this.routes = scenario.routes.map((r) => {
      const legs = r.legs.map((id) => legIndex.get(id)!);
      const end = this.legs[legs[legs.length - 1]].to;
      return { id: r.id, corridor: r.corridor, legs, start: this.legs[legs[0]].from, end, destination: this.places[end].country };
    });
    this.routesFrom = this.places.map(() => []);
    this.routes.forEach((r, ri) => this.routesFrom[r.start].push(ri));

    const countryIndex = new Map(this.countryIds.map((id, i) => [id, i]));
    this.channels = scenario.channels.map((ch) => {
      const eligibleOrigin = new Uint8Array(n);
      if (ch.origins === 'all') eligibleOrigin.fill(1);
      else for (const o of ch.origins) eligibleOrigin[countryIndex.get(o)!] = 1;
      const eligibleSkill = new Uint8Array(2);
      if (ch.skills === 'all') eligibleSkill.fill(1);
      else for (const s of ch.skills) eligibleSkill[s === 'low' ? 0 : 1] = 1;
      // A channel applied for from a transit country is closed to applicants at home.
      const from = ch.from === undefined ? -1 : countryIndex.get(ch.from)!;
      const resettledOrigin = new Uint8Array(n);
      if (from >= 0) {
        resettledOrigin.set(eligibleOrigin);
        eligibleOrigin.fill(0);
      }
      return {
        id: ch.id, type: ch.type, destination: countryIndex.get(ch.destination)!, eligibleOrigin, eligibleSkill, preferential: ch.origins !== 'all',
        processingMonths: ch.processingMonths, renewals: ch.renewals, recruited: ch.recruited, demandDriven: ch.demandDriven, from, resettledOrigin,
      };
    });

    this.recognition = new Float64Array(n * n);
    this.diaspora = new Float64Array(n * n);
    this.highSkillShare = new Float64Array(n);
    countries.forEach((c, d) => {
      this.highSkillShare[d] = c.highSkillShare;
      for (let o = 0; o < n; o++) this.recognition[d * n + o] = c.asylum.recognition[this.countryIds[o]] ?? c.asylum.recognition.default;
      for (const [origin, stock] of Object.entries(c.diaspora)) this.diaspora[d * n + countryIndex.get(origin)!] = stock;
    });

    this.country = new AttributeTable('country', this.countryIds, COUNTRY_ATTRIBUTES, (i, a) => countryQuantity(scenario, i, a));
    this.leg = new AttributeTable('leg', this.legs.map((l) => l.id), LEG_ATTRIBUTES, (i, a) => legQuantity(scenario, i, a));
    this.channel = new AttributeTable('channel', this.channels.map((c) => c.id), CHANNEL_ATTRIBUTES, (i, a) => channelQuantity(scenario, i, a));
    this.recruitment = countries.map((c) => c.recruitment);
    const pairs = this.channels.flatMap((c) => this.countryIds.map((o) => `${c.id}:${o}`));
    this.channelOrigin = new AttributeTable('channelOrigin', pairs, CHANNEL_ORIGIN_ATTRIBUTES, () => Number.POSITIVE_INFINITY);
    this.agreement = new AttributeTable('agreement', (scenario.agreements ?? []).map((a) => a.id), AGREEMENT_ATTRIBUTES, () => 1);
  }

  get countryCount(): number {
    return this.countryIds.length;
  }

  /** Reads every attribute's value for this moment (the drivers phase). */
  update(at: TimePoint): void {
    this.country.update(at);
    this.leg.update(at);
    this.channel.update(at);
    this.channelOrigin.update(at);
    this.agreement.update(at);
  }

  /** A destination's recognition rate for an origin, after any asylum policy's multiplier. */
  recognitionRate(destination: number, origin: number): number {
    return Math.min(1, this.recognition[destination * this.countryCount + origin] * this.country.values.recognitionMultiplier[destination]);
  }
}

function countryQuantity(scenario: Scenario, i: number, a: CountryAttribute): Quantity {
  const c = scenario.countries[i];
  switch (a) {
    case 'wageLow': return c.wages.low;
    case 'wageHigh': return c.wages.high;
    case 'apprehensionPerYear': return c.enforcement.apprehensionPerYear;
    case 'returnCapacityPerYear': return c.enforcement.returnCapacityPerYear;
    case 'labourDemandLow': return c.labourDemand?.low ?? Number.POSITIVE_INFINITY;
    case 'labourDemandHigh': return c.labourDemand?.high ?? Number.POSITIVE_INFINITY;
    case 'recruiterFeeCap': return c.recruitment?.feeCap ?? Number.POSITIVE_INFINITY;
    case 'licenceDeposit': return c.recruitment?.licenceDeposit ?? 0;
    case 'asylumDecisionMonths': return c.asylum.decisionMonths;
    case 'asylumReceptionPerYear': return c.asylum.receptionPerYear ?? 0;
    case 'recognitionMultiplier': return 1;
    case 'aidPerYear': case 'reintegrationIncomeBoost': case 'reintegrationMonths': case 'recruiterInspection': return 0;
    default: return c[a];
  }
}

function legQuantity(scenario: Scenario, i: number, a: LegAttribute): Quantity {
  const l = scenario.legs[i];
  switch (a) {
    case 'detentionShare': return l.onInterception === 'return' ? 1 : 0;
    case 'releaseShare': return l.onInterception === 'release' ? 1 : 0;
    case 'readmissionCapacityPerYear': case 'bribesPerYear': return 0;
    default: return l[a];
  }
}

function channelQuantity(scenario: Scenario, i: number, a: ChannelAttribute): Quantity {
  const ch = scenario.channels[i];
  switch (a) {
    case 'quotaPerYear': return ch.quotaPerYear ?? Number.POSITIVE_INFINITY;
    case 'stayMonths': return ch.stayMonths ?? Number.POSITIVE_INFINITY;
    case 'circular': return ch.circular ? 1 : 0;
    default: return ch[a];
  }
}
