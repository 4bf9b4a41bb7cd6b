import type { BehaviourParameters } from '../behaviour/parameters.js';
import type { PolicySpec } from '../policies/policy-type.js';

/**
 * A value that may change over time, as written in a scenario:
 * - a number (constant);
 * - a string: a mathjs expression of `t` (years since the start), `tick` and `year`;
 * - an object of calendar years to values: a yearly series, interpolated linearly
 *   between years and held flat before the first and after the last.
 */
export type Quantity = number | string | { readonly [year: string]: number };

export type Skill = 'low' | 'high';
export const SKILLS: readonly Skill[] = ['low', 'high'];

export type ChannelType = 'work' | 'seasonal' | 'family' | 'study' | 'visit' | 'humanitarian';
export const CHANNEL_TYPES: readonly ChannelType[] = ['work', 'seasonal', 'family', 'study', 'visit', 'humanitarian'];

export type LegMode = 'land' | 'sea' | 'air';
export const LEG_MODES: readonly LegMode[] = ['land', 'sea', 'air'];

/** What happens to a migrant intercepted on a leg. */
/** pushback: back to the leg's start; return: detained and returned home; release: let through with an order to leave. */
export type InterceptionOutcome = 'pushback' | 'return' | 'release';
export const INTERCEPTION_OUTCOMES: readonly InterceptionOutcome[] = ['pushback', 'return', 'release'];

/** What a smuggling fee buys: see docs/behaviour.md. */
export type SmugglingContract = 'per-attempt' | 'package' | 'on-success';
export const SMUGGLING_CONTRACTS: readonly SmugglingContract[] = ['per-attempt', 'package', 'on-success'];

export type PlaceKind = 'city' | 'hub' | 'border' | 'camp' | 'conflict-zone';
export const PLACE_KINDS: readonly PlaceKind[] = ['city', 'hub', 'border', 'camp', 'conflict-zone'];

export const TICKS_PER_YEAR = [4, 12, 52, 365] as const;
export type TicksPerYear = (typeof TICKS_PER_YEAR)[number];

export interface PlaceSpec {
  id: string;
  name: string;
  kind: PlaceKind;
  /** Share of the country's population living here (used to place agents at home). */
  populationShare: number;
}

export interface AsylumSpec {
  /** Months from claim to first-instance decision. */
  decisionMonths: number;
  /** Recognition rate by origin id; `default` applies to origins not listed. */
  recognition: { readonly default: number; readonly [origin: string]: number };
  /**
   * What a claimant's reception support (allowance, housing, care) is worth a
   * year while the claim is pending, PPP dollars; 0 (the default): none, and
   * claimants live on irregular work meanwhile.
   */
  receptionPerYear?: number;
}

export interface EnforcementSpec {
  /** Share of irregular residents apprehended per year. */
  apprehensionPerYear: Quantity;
  /** Forced returns the country can carry out per year, in persons. */
  returnCapacityPerYear: Quantity;
}

/** Jobs open to migrants, by skill, in persons. */
export interface LabourDemandSpec {
  low: Quantity;
  high: Quantity;
}

/** The recruitment industry of an origin: licensed and unlicensed recruiters filling legal labour channels. */
export interface RecruitmentSpec {
  /** Most a licensed recruiter may charge a worker, PPP dollars; null for no cap. */
  feeCap: Quantity | null;
  /** Deposit a licensed recruiter must lodge with the regulator, PPP dollars. */
  licenceDeposit: Quantity;
  licensedRecruiters: number;
  unlicensedRecruiters: number;
  /** Placements one recruiter can make per year, persons. */
  placementsPerYear: number;
  /** What one placement costs a recruiter (search, paperwork, travel), PPP dollars. */
  costPerPlacement: number;
}

export interface CountrySpec {
  id: string;
  name: string;
  /** Persons. */
  population: Quantity;
  /** Constant international dollars (PPP) per person per year. */
  gdpPerCapita: Quantity;
  /** Annual wage by skill, PPP dollars. */
  wages: { low: Quantity; high: Quantity };
  /** 0..1 */
  unemployment: Quantity;
  /** 0..1 */
  conflict: Quantity;
  /** 0..1 */
  climateStress: Quantity;
  /** State capacity / governance, 0..1. */
  governance: Quantity;
  /** Cost of sending remittances to this country, as a fraction of the amount. */
  remittanceCost: Quantity;
  /** Fixed charge per transfer home, PPP dollars, on top of remittanceCost (default 0: the cost is all proportional). */
  remittanceFee: Quantity;
  /** Share of the population with high skills, 0..1. */
  highSkillShare: number;
  /** Share of the origin's return attempts this country accepts (travel documents), 0..1. */
  returnCooperation: Quantity;
  /** Persons from each origin living here at the start. */
  diaspora: { readonly [origin: string]: number };
  asylum: AsylumSpec;
  enforcement: EnforcementSpec;
  /** Jobs open to migrants; null: employment is 1 - unemployment whatever the number of migrants. */
  labourDemand: LabourDemandSpec | null;
  /** Recruiters in this country (as an origin); null: workers apply directly. */
  recruitment: RecruitmentSpec | null;
  places: PlaceSpec[];
  /** A government that reviews its instruments (absent: the country's levers follow the scenario alone). */
  government?: GovernmentSpec;
}

export interface ChannelSpec {
  id: string;
  type: ChannelType;
  destination: string;
  /** `all` is most-favoured-nation; a list makes the channel preferential. */
  origins: 'all' | string[];
  skills: 'all' | Skill[];
  /** Persons per calendar year, or null for no quota. */
  quotaPerYear: Quantity | null;
  /** PPP dollars paid by the migrant. */
  fee: Quantity;
  processingMonths: number;
  /** Length of stay granted, or null for permanent. */
  stayMonths: number | null;
  /** How many times a permit may be renewed. */
  renewals: number;
  /** Whether compliant returners get priority for a next stay. */
  circular: boolean;
  /** Whether workers from origins with recruiters are placed through them. */
  recruited: boolean;
  /** What employers pay a recruiter per placement, PPP dollars. */
  employerFee: Quantity;
  /** Each admission needs a job open to migrants of that skill in the destination (employer-sponsored schemes). */
  demandDriven: boolean;
  /** How hard applicants likely to overstay are screened out, 0..1. */
  screening: number;
  /** Held wages or a bond paid to workers who leave on time, PPP dollars. */
  returnBonus: Quantity;
  /**
   * A country whose guests apply (resettlement from a transit country): people of its origins staying there,
   * in transit or settled, apply instead of people at home. Absent: applicants are at home.
   */
  from?: string;
}

/** Smugglers working a leg. Without them a leg is crossed at its cost, with no limit on numbers. */
export interface SmugglingSpec {
  /** Smugglers at the start. */
  smugglers: number;
  /** Persons one smuggler can take across per year. */
  capacityPerYear: number;
  /** Whether migrants may travel now and pay later (the unpaid price becomes debt to the smugglers). */
  payLater: boolean;
  /** What a fee buys (default `package`): one try, `attempts` tries, or a crossing paid for only on success. */
  contract: SmugglingContract;
  /** Tries a package includes (default 3). */
  attempts: number;
}

export interface LegSpec {
  id: string;
  /** Place id, or a country id for a country with one place. */
  from: string;
  to: string;
  mode: LegMode;
  durationDays: number;
  /** Smuggling price per attempt, PPP dollars. */
  cost: Quantity;
  /** Probability of dying per attempt. */
  mortality: Quantity;
  /** Probability of being intercepted per attempt. */
  interception: Quantity;
  onInterception: InterceptionOutcome;
  smuggling: SmugglingSpec | null;
}

export interface RouteSpec {
  id: string;
  /** Reporting group, e.g. `central-med`; defaults to the route id. */
  corridor: string;
  legs: string[];
}

export interface AgentsSpec {
  /** Persons each agent stands for. */
  scale: number;
  /** Countries whose residents are simulated as agents. */
  origins: string[];
}

/** A validated scenario: every field present, every reference resolved by name. */
export interface Scenario {
  name: string;
  description: string;
  /** First month, `YYYY-MM`. */
  start: string;
  ticks: number;
  ticksPerYear: TicksPerYear;
  seed: number;
  agents: AgentsSpec;
  behaviour: BehaviourParameters;
  countries: CountrySpec[];
  channels: ChannelSpec[];
  legs: LegSpec[];
  routes: RouteSpec[];
  /** Policies applied in every run of this scenario, each made into a plugin by its type. */
  policies: PolicySpec[];
  /** Agreements between states (absent when the scenario has none). */
  agreements?: AgreementSpec[];
  /** Every government's instruments frozen at their start values: the passive counterpart of a scenario. */
  passiveGovernments?: boolean;
}

type Loose<T> = { [K in keyof T]?: T[K] extends object ? T[K] | Loose<T[K]> : T[K] };

/** What a script passes to the builder, or a file holds: optional fields may be left out. */
export type ScenarioInput = {
  name: string;
  description?: string;
  start: string;
  ticks: number;
  ticksPerYear?: TicksPerYear;
  seed?: number;
  agents: AgentsSpec;
  behaviour?: Partial<BehaviourParameters>;
  countries: CountryInput[];
  channels?: ChannelInput[];
  legs?: LegInput[];
  routes?: RouteInput[];
  policies?: PolicyInput[];
  agreements?: unknown[];
  passiveGovernments?: boolean;
};
export type PolicyInput = { plugin: string; name?: string } & Record<string, unknown>;
export type CountryInput = Pick<CountrySpec, 'id' | 'gdpPerCapita' | 'wages'> & Loose<Omit<CountrySpec, 'id' | 'gdpPerCapita' | 'wages' | 'places' | 'government'>>
  & { places?: Array<Pick<PlaceSpec, 'id'> & Partial<PlaceSpec>>; government?: unknown };
export type ChannelInput = Pick<ChannelSpec, 'id' | 'type' | 'destination' | 'quotaPerYear'> & Partial<ChannelSpec>;
export type LegInput = Pick<LegSpec, 'id' | 'from' | 'to' | 'mode' | 'durationDays' | 'cost' | 'mortality' | 'interception'> & Partial<Omit<LegSpec, 'smuggling'>>
  & { smuggling?: (Pick<SmugglingSpec, 'smugglers' | 'capacityPerYear'> & Partial<SmugglingSpec>) | null };
export type RouteInput = Pick<RouteSpec, 'id' | 'legs'> & Partial<RouteSpec>;

/**
 * What a government may move. `interception` and `returnCooperation` are
 * capacities bought with its budget through a production function; the others
 * are settings that act at once.
 */
export type InstrumentKind = 'interception' | 'returnCooperation' | 'recognition' | 'quota' | 'visa' | 'aid' | 'inspection';
export const INSTRUMENT_KINDS: readonly InstrumentKind[] = ['interception', 'returnCooperation', 'recognition', 'quota', 'visa', 'aid', 'inspection'];

export interface InstrumentSpec {
  kind: InstrumentKind;
  /** interception: the legs it works on (default: every leg that starts in the country). */
  legs: string[];
  /** quota and visa: one of the country's own channels. */
  channel: string | null;
  /** quota: the origin whose quota it sets (null: the channel's); visa: the origin whose nationals need one; aid: the recipient. */
  origin: string | null;
  /**
   * The level at the start, the bounds it stays within, and the most it moves at one review. For a capacity
   * (interception, returnCooperation) the level is spending as a multiple of `costPerYear`.
   */
  start: number;
  min: number;
  max: number;
  step: number;
  /** interception, returnCooperation, inspection: what full effort (level 1) costs a year, PPP dollars; capacity is 1 - 1/e of its ceiling when this much is spent. */
  costPerYear: number;
}

/** Weights of a government's payoff on the figures it observes (per year, lagged); units in the README. */
export interface ObjectiveWeights {
  arrivals: number;
  deaths: number;
  spending: number;
  paymentsReceived: number;
  remittances: number;
  returnsReceived: number;
  borderIncome: number;
  pressure: number;
  workers: number;
  overstays: number;
  /** What its nationals abroad owe recruiters and lenders, M$ (a stock). */
  migrantDebt: number;
}
export const OBJECTIVE_NAMES: ReadonlyArray<keyof ObjectiveWeights> = [
  'arrivals', 'deaths', 'spending', 'paymentsReceived', 'remittances', 'returnsReceived', 'borderIncome', 'pressure', 'workers', 'overstays', 'migrantDebt',
];

export interface GovernmentSpec {
  /** Months between reviews of its instruments. */
  reviewMonths: number;
  /** Own money for its instruments, PPP dollars per year. */
  budgetPerYear: number;
  instruments: InstrumentSpec[];
  objectives: ObjectiveWeights;
  /** Countries whose tightening adds to public pressure here (default: every other country with a government). */
  neighbours: string[] | null;
}

export type AgreementTermKind = 'payment' | 'interception' | 'cooperation' | 'readmission' | 'quota' | 'visaFree' | 'resettlement';
export const AGREEMENT_TERM_KINDS: readonly AgreementTermKind[] = ['payment', 'interception', 'cooperation', 'readmission', 'quota', 'visaFree', 'resettlement'];

/**
 * One obligation of an agreement, owed by the party `by`:
 * payment: pay `perYear` to `to`; interception: hold interception on its legs at least `atLeast`;
 * cooperation: hold its return cooperation at least `atLeast`; readmission: take back up to `perYear` a year of those
 * who reached the other party by a leg from its territory (returns to a transit country); quota: `perYear` places in `channel` for `origin`;
 * visaFree: no visa for `origin` in its visit `channel`; resettlement: `perReadmitted` places in `channel` for `origin`
 * per person the other party readmitted.
 */
export interface AgreementTerm {
  kind: AgreementTermKind;
  by: string;
  to: string | null;
  perYear: number | null;
  atLeast: number | null;
  channel: string | null;
  origin: string | null;
  perReadmitted: number | null;
}

export interface AgreementSpec {
  id: string;
  parties: [string, string];
  terms: AgreementTerm[];
  /** A term is breached when its indicator falls below the promise by more than this share. */
  tolerance: number;
  /** Reviews for which the other party suspends its own terms after a breach. */
  suspendReviews: number;
  /** Months between reviews of compliance. */
  reviewMonths: number;
  /** Whether a party whose leverage has grown asks for more pay. */
  renegotiate: boolean;
  /** When it is signed: a tick, or a month `YYYY-MM` (default the first tick). How it ends is up to the parties. */
  from: number | string;
}
