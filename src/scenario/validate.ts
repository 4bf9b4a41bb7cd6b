import { BEHAVIOUR_PARAMETERS, DEFAULT_BEHAVIOUR, type BehaviourParameters } from '../behaviour/parameters.js';
import { Clock } from '../engine/clock.js';
import { compileQuantity } from '../world/quantity.js';
import { indexScenario, type PolicySpec, type ScenarioIndex } from '../policies/policy-type.js';
import { policyType, policyTypeNames } from '../policies/registry.js';
import { ScenarioError } from './errors.js';
import { readAgreements, readGovernment } from '../governments/read.js';
import { FieldReader, describeRange, inRange, type FieldPath, type NumberRange } from './fields.js';
import {
  CHANNEL_TYPES, INTERCEPTION_OUTCOMES, LEG_MODES, PLACE_KINDS, SKILLS, SMUGGLING_CONTRACTS, TICKS_PER_YEAR,
  type AgreementSpec, type AsylumSpec, type ChannelSpec, type CountrySpec, type EnforcementSpec, type LegSpec, type PlaceSpec,
  type Quantity, type RouteSpec, type Scenario, type Skill, type TicksPerYear,
} from './types.js';

const ID = { re: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, what: 'an id (up to 100 letters, digits, "_", "-" or ".")' };
const MONTH = { re: /^[1-9]\d{3}-(0[1-9]|1[0-2])$/, what: 'a month written YYYY-MM, in the year 1000 or later' };
/** Expressions are checked at every tick, and no study needs more (55 years of days). */
const MAX_TICKS = 20_000;
const YEAR_KEY = /^\d{4}$/;
const SHARE: NumberRange = { min: 0, max: 1 };
const NON_NEGATIVE: NumberRange = { min: 0 };

export const TOP_FIELDS = ['name', 'description', 'start', 'ticks', 'ticksPerYear', 'seed', 'agents', 'behaviour', 'countries', 'channels', 'legs', 'routes', 'policies', 'agreements', 'passiveGovernments'] as const;
const COUNTRY_FIELDS = ['id', 'name', 'population', 'gdpPerCapita', 'wages', 'unemployment', 'conflict', 'climateStress', 'governance', 'remittanceCost', 'remittanceFee', 'highSkillShare', 'returnCooperation', 'diaspora', 'asylum', 'enforcement', 'labourDemand', 'recruitment', 'places', 'government'] as const;
const CHANNEL_FIELDS = ['id', 'type', 'destination', 'origins', 'skills', 'quotaPerYear', 'fee', 'processingMonths', 'stayMonths', 'renewals', 'circular', 'recruited', 'employerFee', 'demandDriven', 'screening', 'returnBonus', 'from'] as const;
const LEG_FIELDS = ['id', 'from', 'to', 'mode', 'durationDays', 'cost', 'mortality', 'interception', 'onInterception', 'smuggling'] as const;
const ROUTE_FIELDS = ['id', 'corridor', 'legs'] as const;
const PLACE_FIELDS = ['id', 'name', 'kind', 'populationShare'] as const;

/**
 * Checks a scenario read from a file or built in a script and returns it complete,
 * with documented defaults filled in. Throws a ScenarioError listing every problem.
 * `source` names where the input came from (a file path, or "builder").
 */
export function validateScenario(input: unknown, source: string): Scenario {
  const r = new FieldReader();
  const scenario = readScenario(r, input);
  if (r.issues.length > 0 || scenario === undefined) throw new ScenarioError(source, r.issues);
  return scenario;
}

interface Context {
  r: FieldReader;
  clock?: Clock;
  ticks: number;
}

function readScenario(r: FieldReader, input: unknown): Scenario | undefined {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) {
    r.reportText([], 'a scenario (an object with name, start, ticks, agents and countries)', 'an empty document');
    return undefined;
  }
  const top = r.object(input, [], TOP_FIELDS);
  if (!top) return undefined;

  const name = r.string(top.name, ['name']);
  const description = top.description === undefined || top.description === '' ? '' : r.string(top.description, ['description']);
  const start = r.string(top.start, ['start'], MONTH);
  const ticks = r.number(top.ticks, ['ticks'], { min: 1, max: MAX_TICKS, integer: true });
  const ticksPerYear = (top.ticksPerYear === undefined ? 12 : r.oneOf(top.ticksPerYear, ['ticksPerYear'], TICKS_PER_YEAR)) as TicksPerYear | undefined;
  const seed = top.seed === undefined ? 1 : r.number(top.seed, ['seed'], { min: 0, integer: true });
  const ctx: Context = { r, ticks: ticks ?? 1, clock: start && ticksPerYear ? new Clock(start, ticksPerYear) : undefined };

  const behaviour = readBehaviour(r, top.behaviour);
  const countries = requiredList(r, top.countries, ['countries'], 'a list of at least one country', (v, p) => readCountry(ctx, v, p));
  const channels = optionalList(r, top.channels, ['channels'], (v, p) => readChannel(ctx, v, p));
  const legs = optionalList(r, top.legs, ['legs'], (v, p) => readLeg(ctx, v, p));
  const routes = optionalList(r, top.routes, ['routes'], (v, p) => readRoute(r, v, p));
  const agents = readAgents(r, top.agents);

  if (!countries || !channels || !legs || !routes) return undefined;
  const issuesBefore = r.issues.length;
  checkReferences(r, countries, channels, legs, routes, agents?.origins ?? []);
  if (r.issues.length > issuesBefore || !ctx.clock || ticks === undefined) return undefined;
  const states = readStates(r, top, countries, indexScenario({ countries, legs, channels, routes, origins: agents?.origins ?? [] }, ctx.clock, ticks));
  const index = indexScenario({ countries, legs, channels, routes, origins: agents?.origins ?? [], agreements: states?.agreements }, ctx.clock, ticks);
  const policies = optionalList(r, top.policies, ['policies'], (v, p) => readPolicy(r, v, p, index));
  if (policies) checkPolicyNames(r, policies);

  if (name === undefined || description === undefined || start === undefined || ticksPerYear === undefined || seed === undefined || !agents || !behaviour || !policies || !states) return undefined;
  return { name, description, start, ticks, ticksPerYear, seed, agents, behaviour, countries, channels, legs, routes, policies, ...states.fields };
}

/**
 * Governments (each country's `government:` block, attached to its country)
 * and agreements between them. Fields absent from the input stay absent, so a
 * scenario without governments is written out as it always was.
 */
function readStates(r: FieldReader, top: Record<string, unknown>, countries: CountrySpec[], index: ScenarioIndex):
  { agreements?: AgreementSpec[]; fields: Pick<Scenario, 'agreements' | 'passiveGovernments'> } | undefined {
  const raw = top.countries as Array<Record<string, unknown>>;
  let ok = true;
  countries.forEach((c, i) => {
    if (raw[i].government === undefined) return;
    const government = readGovernment(r, raw[i].government, ['countries', i, 'government'], c.id, index);
    if (government) c.government = government;
    else ok = false;
  });
  const fields: Pick<Scenario, 'agreements' | 'passiveGovernments'> = {};
  if (top.passiveGovernments !== undefined) {
    const passive = r.boolean(top.passiveGovernments, ['passiveGovernments']);
    if (passive === undefined) ok = false;
    else fields.passiveGovernments = passive;
  }
  if (top.agreements !== undefined) {
    const agreements = readAgreements(r, top.agreements, index, countries.filter((c, i) => raw[i].government !== undefined).map((c) => c.id));
    if (agreements) fields.agreements = agreements;
    else ok = false;
  }
  return ok ? { agreements: fields.agreements, fields } : undefined;
}

function requiredList<T>(r: FieldReader, value: unknown, path: FieldPath, what: string, read: (v: unknown, p: FieldPath) => T | undefined): T[] | undefined {
  const list = r.list(value, path, what);
  if (!list) return undefined;
  if (list.length === 0) {
    r.report(path, what, list);
    return undefined;
  }
  return readItems(list, path, read);
}

function optionalList<T>(r: FieldReader, value: unknown, path: FieldPath, read: (v: unknown, p: FieldPath) => T | undefined): T[] | undefined {
  if (value === undefined) return [];
  const list = r.list(value, path);
  return list && readItems(list, path, read);
}

function readItems<T>(list: unknown[], path: FieldPath, read: (v: unknown, p: FieldPath) => T | undefined): T[] | undefined {
  const out: T[] = [];
  let ok = true;
  list.forEach((item, i) => {
    const v = read(item, [...path, i]);
    if (v === undefined) ok = false;
    else out.push(v);
  });
  return ok ? out : undefined;
}

function readBehaviour(r: FieldReader, value: unknown): BehaviourParameters | undefined {
  if (value === undefined) return { ...DEFAULT_BEHAVIOUR };
  const names = Object.keys(BEHAVIOUR_PARAMETERS) as Array<keyof BehaviourParameters>;
  const obj = r.object(value, ['behaviour'], names);
  if (!obj) return undefined;
  const out: Record<string, number> = { ...DEFAULT_BEHAVIOUR };
  let ok = true;
  for (const key of names) {
    if (obj[key] === undefined) continue;
    const info = BEHAVIOUR_PARAMETERS[key];
    const v = r.number(obj[key], ['behaviour', key], { min: info.min, max: info.max });
    if (v === undefined) ok = false;
    else out[key] = v;
  }
  return ok ? (out as BehaviourParameters) : undefined;
}

function readAgents(r: FieldReader, value: unknown): Scenario['agents'] | undefined {
  const obj = r.object(value, ['agents'], ['scale', 'origins']);
  if (!obj) return undefined;
  const scale = r.number(obj.scale, ['agents', 'scale'], { min: 1e-9 });
  const list = r.list(obj.origins, ['agents', 'origins'], 'a list of country ids');
  const origins = list && readItems(list, ['agents', 'origins'], (v, p) => r.string(v, p, ID));
  if (scale === undefined || !origins) return undefined;
  return { scale, origins };
}

/** A quantity: a number, a mathjs expression of t, tick and year, or a yearly series. */
function readQuantity(ctx: Context, value: unknown, path: FieldPath, range: NumberRange): Quantity | undefined {
  const { r } = ctx;
  const expected = `${describeRange(range)}, an expression of t (text), or a series of years to values`;
  if (typeof value === 'number') return r.number(value, path, range);
  if (typeof value === 'string') return readExpression(ctx, value, path, range);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) {
      r.report(path, expected, value);
      return undefined;
    }
    const series: Record<string, number> = {};
    let ok = true;
    for (const [year, v] of entries) {
      if (!YEAR_KEY.test(year)) {
        r.reportText([...path, year], 'a calendar year (four digits) as the key of a series', `the key "${year}"`);
        ok = false;
        continue;
      }
      const n = r.number(v, [...path, year], range);
      if (n === undefined) ok = false;
      else series[year] = n;
    }
    return ok ? series : undefined;
  }
  r.report(path, expected, value);
  return undefined;
}

/**
 * An expression must give a finite number in range at every tick of the run
 * (0 to ticks), not only at its ends: the first tick where it does not is reported.
 */
function readExpression(ctx: Context, text: string, path: FieldPath, range: NumberRange): Quantity | undefined {
  const { r, clock } = ctx;
  let fn;
  try {
    fn = compileQuantity(text);
  } catch (e) {
    r.reportText(path, 'a valid expression of t, tick and year', `"${text}", which does not parse (${(e as Error).message})`);
    return undefined;
  }
  if (!clock) return text; // the start date is itself broken and already reported
  for (let tick = 0; tick <= ctx.ticks; tick++) {
    let v: number;
    try {
      v = fn(clock.at(tick));
    } catch (e) {
      r.reportText(path, 'a valid expression of t, tick and year', `"${text}", which fails at tick ${tick} (${(e as Error).message})`);
      return undefined;
    }
    if (!Number.isFinite(v) || !inRange(v, { ...range, integer: false })) {
      r.reportText(path, `an expression giving ${describeRange(range)} at every tick`, `"${text}", which gives ${v} at tick ${tick}`);
      return undefined;
    }
  }
  return text;
}

function readCountry(ctx: Context, value: unknown, path: FieldPath): CountrySpec | undefined {
  const { r } = ctx;
  const obj = r.object(value, path, COUNTRY_FIELDS);
  if (!obj) return undefined;
  const q = (key: string, range: NumberRange, fallback?: Quantity) =>
    obj[key] === undefined && fallback !== undefined ? fallback : readQuantity(ctx, obj[key], [...path, key], range);

  const id = r.string(obj.id, [...path, 'id'], ID);
  const name = obj.name === undefined ? id : r.string(obj.name, [...path, 'name']);
  const population = q('population', NON_NEGATIVE);
  const gdpPerCapita = q('gdpPerCapita', { min: 1e-9 });
  const wagesObj = r.object(obj.wages, [...path, 'wages'], ['low', 'high']);
  const wageLow = wagesObj && readQuantity(ctx, wagesObj.low, [...path, 'wages', 'low'], { min: 1e-9 });
  const wageHigh = wagesObj && readQuantity(ctx, wagesObj.high, [...path, 'wages', 'high'], { min: 1e-9 });
  const unemployment = q('unemployment', SHARE, 0);
  const conflict = q('conflict', SHARE, 0);
  const climateStress = q('climateStress', SHARE, 0);
  const governance = q('governance', SHARE, 0.5);
  const remittanceCost = q('remittanceCost', SHARE, 0.06);
  const remittanceFee = q('remittanceFee', NON_NEGATIVE, 0);
  const highSkillShare = obj.highSkillShare === undefined ? 0.1 : r.number(obj.highSkillShare, [...path, 'highSkillShare'], SHARE);
  const returnCooperation = q('returnCooperation', SHARE, 0.5);
  const diaspora = readNumberMap(r, obj.diaspora, [...path, 'diaspora'], NON_NEGATIVE);
  const asylum = readAsylum(r, obj.asylum, [...path, 'asylum']);
  const enforcement = readEnforcement(ctx, obj.enforcement, [...path, 'enforcement']);
  const labourDemand = readLabourDemand(ctx, obj.labourDemand, [...path, 'labourDemand']);
  const recruitment = readRecruitment(ctx, obj.recruitment, [...path, 'recruitment']);
  const places = optionalList(r, obj.places, [...path, 'places'], (v, p) => readPlace(r, v, p));
  if (places && places.length > 0) fillPlaceShares(r, places, obj.places as unknown[], [...path, 'places']);

  if (id === undefined || name === undefined || population === undefined || gdpPerCapita === undefined || wageLow === undefined || wageHigh === undefined
    || unemployment === undefined || conflict === undefined || climateStress === undefined || governance === undefined || remittanceCost === undefined || remittanceFee === undefined
    || highSkillShare === undefined || returnCooperation === undefined || !diaspora || !asylum || !enforcement || labourDemand === undefined
    || recruitment === undefined || !places) return undefined;
  return {
    id, name, population, gdpPerCapita, wages: { low: wageLow, high: wageHigh }, unemployment, conflict, climateStress, governance,
    remittanceCost, remittanceFee, highSkillShare, returnCooperation, diaspora, asylum, enforcement, labourDemand, recruitment, places,
  };
}

function readNumberMap(r: FieldReader, value: unknown, path: FieldPath, range: NumberRange): Record<string, number> | undefined {
  if (value === undefined) return {};
  const obj = r.map(value, path);
  if (!obj) return undefined;
  const out: Record<string, number> = {};
  let ok = true;
  for (const [key, v] of Object.entries(obj)) {
    const n = r.number(v, [...path, key], range);
    if (n === undefined) ok = false;
    else out[key] = n;
  }
  return ok ? out : undefined;
}

function readAsylum(r: FieldReader, value: unknown, path: FieldPath): AsylumSpec | undefined {
  if (value === undefined) return { decisionMonths: 8, recognition: { default: 0 } };
  const obj = r.object(value, path, ['decisionMonths', 'recognition', 'receptionPerYear']);
  if (!obj) return undefined;
  const decisionMonths = obj.decisionMonths === undefined ? 8 : r.number(obj.decisionMonths, [...path, 'decisionMonths'], NON_NEGATIVE);
  const receptionPerYear = obj.receptionPerYear === undefined ? null : r.number(obj.receptionPerYear, [...path, 'receptionPerYear'], NON_NEGATIVE);
  const recognition = readNumberMap(r, obj.recognition ?? { default: 0 }, [...path, 'recognition'], SHARE);
  if (recognition && recognition.default === undefined) {
    r.report([...path, 'recognition', 'default'], 'a recognition rate from 0 to 1 for origins not listed', undefined);
    return undefined;
  }
  if (decisionMonths === undefined || receptionPerYear === undefined || !recognition) return undefined;
  return { decisionMonths, recognition: recognition as AsylumSpec['recognition'], ...(receptionPerYear === null ? {} : { receptionPerYear }) };
}

function readEnforcement(ctx: Context, value: unknown, path: FieldPath): EnforcementSpec | undefined {
  if (value === undefined) return { apprehensionPerYear: 0, returnCapacityPerYear: 0 };
  const obj = ctx.r.object(value, path, ['apprehensionPerYear', 'returnCapacityPerYear']);
  if (!obj) return undefined;
  const apprehensionPerYear = obj.apprehensionPerYear === undefined ? 0 : readQuantity(ctx, obj.apprehensionPerYear, [...path, 'apprehensionPerYear'], SHARE);
  const returnCapacityPerYear = obj.returnCapacityPerYear === undefined ? 0 : readQuantity(ctx, obj.returnCapacityPerYear, [...path, 'returnCapacityPerYear'], NON_NEGATIVE);
  if (apprehensionPerYear === undefined || returnCapacityPerYear === undefined) return undefined;
  return { apprehensionPerYear, returnCapacityPerYear };
}

function readLabourDemand(ctx: Context, value: unknown, path: FieldPath): CountrySpec['labourDemand'] | undefined {
  if (value === undefined || value === null) return null;
  const obj = ctx.r.object(value, path, ['low', 'high']);
  if (!obj) return undefined;
  const low = readQuantity(ctx, obj.low, [...path, 'low'], NON_NEGATIVE);
  const high = readQuantity(ctx, obj.high, [...path, 'high'], NON_NEGATIVE);
  if (low === undefined || high === undefined) return undefined;
  return { low, high };
}

function readRecruitment(ctx: Context, value: unknown, path: FieldPath): CountrySpec['recruitment'] | undefined {
  if (value === undefined || value === null) return null;
  const { r } = ctx;
  const obj = r.object(value, path, ['feeCap', 'licenceDeposit', 'licensedRecruiters', 'unlicensedRecruiters', 'placementsPerYear', 'costPerPlacement']);
  if (!obj) return undefined;
  const feeCap = obj.feeCap === undefined || obj.feeCap === null ? null : readQuantity(ctx, obj.feeCap, [...path, 'feeCap'], NON_NEGATIVE);
  const licenceDeposit = obj.licenceDeposit === undefined ? 0 : readQuantity(ctx, obj.licenceDeposit, [...path, 'licenceDeposit'], NON_NEGATIVE);
  const count = { min: 0, integer: true, max: 100_000 };
  const licensedRecruiters = r.number(obj.licensedRecruiters, [...path, 'licensedRecruiters'], count);
  const unlicensedRecruiters = obj.unlicensedRecruiters === undefined ? 0 : r.number(obj.unlicensedRecruiters, [...path, 'unlicensedRecruiters'], count);
  const placementsPerYear = r.number(obj.placementsPerYear, [...path, 'placementsPerYear'], { min: 1e-9 });
  const costPerPlacement = r.number(obj.costPerPlacement, [...path, 'costPerPlacement'], NON_NEGATIVE);
  if (feeCap === undefined || licenceDeposit === undefined || licensedRecruiters === undefined || unlicensedRecruiters === undefined
    || placementsPerYear === undefined || costPerPlacement === undefined) return undefined;
  return { feeCap, licenceDeposit, licensedRecruiters, unlicensedRecruiters, placementsPerYear, costPerPlacement };
}

function readSmuggling(r: FieldReader, value: unknown, path: FieldPath): LegSpec['smuggling'] | undefined {
  if (value === undefined || value === null) return null;
  const obj = r.object(value, path, ['smugglers', 'capacityPerYear', 'payLater', 'contract', 'attempts']);
  if (!obj) return undefined;
  const smugglers = r.number(obj.smugglers, [...path, 'smugglers'], { min: 0, integer: true, max: 1_000_000 });
  const capacityPerYear = r.number(obj.capacityPerYear, [...path, 'capacityPerYear'], { min: 1e-9 });
  const payLater = obj.payLater === undefined ? false : r.boolean(obj.payLater, [...path, 'payLater']);
  // Defaults documented in docs/behaviour.md: a package of three tries.
  const contract = obj.contract === undefined ? 'package' : r.oneOf(obj.contract, [...path, 'contract'], SMUGGLING_CONTRACTS);
  const attempts = obj.attempts === undefined ? 3 : r.number(obj.attempts, [...path, 'attempts'], { min: 1, integer: true, max: 100 });
  if (smugglers === undefined || capacityPerYear === undefined || payLater === undefined || contract === undefined || attempts === undefined) return undefined;
  return { smugglers, capacityPerYear, payLater, contract, attempts };
}

function readPlace(r: FieldReader, value: unknown, path: FieldPath): PlaceSpec | undefined {
  const obj = r.object(value, path, PLACE_FIELDS);
  if (!obj) return undefined;
  const id = r.string(obj.id, [...path, 'id'], ID);
  const name = obj.name === undefined ? id : r.string(obj.name, [...path, 'name']);
  const kind = obj.kind === undefined ? 'city' : r.oneOf(obj.kind, [...path, 'kind'], PLACE_KINDS);
  const populationShare = obj.populationShare === undefined ? -1 : r.number(obj.populationShare, [...path, 'populationShare'], SHARE);
  if (id === undefined || name === undefined || kind === undefined || populationShare === undefined) return undefined;
  return { id, name, kind, populationShare };
}

/** Places without a share split the population equally; given shares must add up to 1. */
function fillPlaceShares(r: FieldReader, places: PlaceSpec[], raw: unknown[], path: FieldPath): void {
  const given = places.filter((p) => p.populationShare >= 0);
  if (given.length === 0) {
    for (const p of places) p.populationShare = 1 / places.length;
    return;
  }
  if (given.length < places.length) {
    places.forEach((p, i) => {
      if (p.populationShare < 0) r.report([...path, i, 'populationShare'], 'a population share (when one place of a country has one, all must)', (raw[i] as Record<string, unknown>).populationShare);
    });
    return;
  }
  const sum = given.reduce((s, p) => s + p.populationShare, 0);
  if (Math.abs(sum - 1) > 1e-6) r.reportText(path, 'population shares adding up to 1', `shares adding up to ${sum}`);
}

function readChannel(ctx: Context, value: unknown, path: FieldPath): ChannelSpec | undefined {
  const { r } = ctx;
  const obj = r.object(value, path, CHANNEL_FIELDS);
  if (!obj) return undefined;
  const id = r.string(obj.id, [...path, 'id'], ID);
  const type = r.oneOf(obj.type, [...path, 'type'], CHANNEL_TYPES);
  const destination = r.string(obj.destination, [...path, 'destination'], ID);
  const origins = obj.origins === undefined || obj.origins === 'all' ? 'all' : idList(r, obj.origins, [...path, 'origins'], '"all" or a list of country ids');
  const skills = obj.skills === undefined || obj.skills === 'all' ? 'all' : skillList(r, obj.skills, [...path, 'skills']);
  let quotaPerYear: Quantity | null | undefined;
  if (obj.quotaPerYear === null) quotaPerYear = null;
  else if (obj.quotaPerYear === undefined) r.report([...path, 'quotaPerYear'], 'a yearly quota in persons (0 or more), or null for no quota', undefined);
  else quotaPerYear = readQuantity(ctx, obj.quotaPerYear, [...path, 'quotaPerYear'], NON_NEGATIVE);
  const fee = obj.fee === undefined ? 0 : readQuantity(ctx, obj.fee, [...path, 'fee'], NON_NEGATIVE);
  const processingMonths = obj.processingMonths === undefined ? 3 : r.number(obj.processingMonths, [...path, 'processingMonths'], NON_NEGATIVE);
  const stayMonths = obj.stayMonths === undefined || obj.stayMonths === null ? null : r.number(obj.stayMonths, [...path, 'stayMonths'], { min: 1e-9 });
  const renewals = obj.renewals === undefined ? 0 : r.number(obj.renewals, [...path, 'renewals'], { min: 0, integer: true });
  const circular = obj.circular === undefined ? false : r.boolean(obj.circular, [...path, 'circular']);
  const recruited = obj.recruited === undefined ? false : r.boolean(obj.recruited, [...path, 'recruited']);
  const employerFee = obj.employerFee === undefined ? 0 : readQuantity(ctx, obj.employerFee, [...path, 'employerFee'], NON_NEGATIVE);
  const demandDriven = obj.demandDriven === undefined ? false : r.boolean(obj.demandDriven, [...path, 'demandDriven']);
  const screening = obj.screening === undefined ? 0 : r.number(obj.screening, [...path, 'screening'], SHARE);
  const returnBonus = obj.returnBonus === undefined ? 0 : readQuantity(ctx, obj.returnBonus, [...path, 'returnBonus'], NON_NEGATIVE);
  const from = obj.from === undefined ? undefined : r.string(obj.from, [...path, 'from'], ID);
  if (id === undefined || type === undefined || destination === undefined || origins === undefined || skills === undefined || quotaPerYear === undefined
    || fee === undefined || processingMonths === undefined || stayMonths === undefined || renewals === undefined || circular === undefined
    || recruited === undefined || employerFee === undefined || demandDriven === undefined || screening === undefined || returnBonus === undefined) return undefined;
  return {
    id, type, destination, origins, skills, quotaPerYear, fee, processingMonths, stayMonths, renewals, circular, recruited, employerFee, demandDriven, screening, returnBonus,
    ...(from === undefined ? {} : { from }),
  };
}

function idList(r: FieldReader, value: unknown, path: FieldPath, what: string): string[] | undefined {
  const list = r.list(value, path, what);
  return list && readItems(list, path, (v, p) => r.string(v, p, ID));
}

function skillList(r: FieldReader, value: unknown, path: FieldPath): Skill[] | undefined {
  const list = r.list(value, path, '"all" or a list of skills (low, high)');
  return list && readItems(list, path, (v, p) => r.oneOf(v, p, SKILLS));
}

function readLeg(ctx: Context, value: unknown, path: FieldPath): LegSpec | undefined {
  const { r } = ctx;
  const obj = r.object(value, path, LEG_FIELDS);
  if (!obj) return undefined;
  const id = r.string(obj.id, [...path, 'id'], ID);
  const from = r.string(obj.from, [...path, 'from'], ID);
  const to = r.string(obj.to, [...path, 'to'], ID);
  const mode = r.oneOf(obj.mode, [...path, 'mode'], LEG_MODES);
  const durationDays = r.number(obj.durationDays, [...path, 'durationDays'], { min: 1e-9 });
  const cost = readQuantity(ctx, obj.cost, [...path, 'cost'], NON_NEGATIVE);
  const mortality = readQuantity(ctx, obj.mortality, [...path, 'mortality'], SHARE);
  const interception = readQuantity(ctx, obj.interception, [...path, 'interception'], SHARE);
  const onInterception = obj.onInterception === undefined ? 'pushback' : r.oneOf(obj.onInterception, [...path, 'onInterception'], INTERCEPTION_OUTCOMES);
  const smuggling = readSmuggling(r, obj.smuggling, [...path, 'smuggling']);
  if (from !== undefined && from === to) r.report([...path, 'to'], 'a place other than the leg\'s start', to);
  if (id === undefined || from === undefined || to === undefined || mode === undefined || durationDays === undefined || cost === undefined
    || mortality === undefined || interception === undefined || onInterception === undefined || smuggling === undefined || from === to) return undefined;
  return { id, from, to, mode, durationDays, cost, mortality, interception, onInterception, smuggling };
}

function readRoute(r: FieldReader, value: unknown, path: FieldPath): RouteSpec | undefined {
  const obj = r.object(value, path, ROUTE_FIELDS);
  if (!obj) return undefined;
  const id = r.string(obj.id, [...path, 'id'], ID);
  const corridor = obj.corridor === undefined ? id : r.string(obj.corridor, [...path, 'corridor'], ID);
  const legs = idList(r, obj.legs, [...path, 'legs'], 'a list of leg ids');
  if (legs && legs.length === 0) r.report([...path, 'legs'], 'a list of at least one leg id', legs);
  if (id === undefined || corridor === undefined || !legs || legs.length === 0) return undefined;
  return { id, corridor, legs };
}

/** A policy: its type from the registry reads its own parameters. */
function readPolicy(r: FieldReader, value: unknown, path: FieldPath, index: ScenarioIndex): PolicySpec | undefined {
  const obj = r.map(value, path);
  if (!obj) return undefined;
  const { plugin, name, ...rest } = obj;
  const typeName = r.string(plugin, [...path, 'plugin'], { re: /./, what: `a policy type (one of ${policyTypeNames().join(', ')})` });
  const policyName = name === undefined ? typeName : r.string(name, [...path, 'name'], ID);
  if (typeName === undefined) return undefined;
  const type = policyType(typeName);
  if (!type) {
    r.report([...path, 'plugin'], `a policy type (one of ${policyTypeNames().join(', ')})`, plugin);
    return undefined;
  }
  const parameters = type.read(rest, path, r, index);
  if (!parameters || policyName === undefined) return undefined;
  return { plugin: typeName, name: policyName, ...parameters };
}

function checkPolicyNames(r: FieldReader, policies: PolicySpec[]): void {
  const seen = new Set<string>();
  policies.forEach((p, i) => {
    if (seen.has(p.name)) r.reportText(['policies', i, 'name'], 'a name not used by another policy (give each policy of the same type a name)', `"${p.name}"`);
    seen.add(p.name);
  });
}

/** Cross-field checks: unique ids, and every reference to a country, place or leg resolves. */
function checkReferences(r: FieldReader, countries: CountrySpec[], channels: ChannelSpec[], legs: LegSpec[], routes: RouteSpec[], origins: string[]): void {
  const countryIds = new Set<string>();
  const placeOwner = new Map<string, CountrySpec>(); // place id -> country
  const seen = new Map<string, string>(); // id -> where it was first defined

  const claim = (id: string, where: string, path: FieldPath) => {
    const first = seen.get(id);
    if (first !== undefined) r.reportText(path, `an id not used before (ids of countries, places, channels, legs and routes must be unique)`, `"${id}", already used by ${first}`);
    else seen.set(id, where);
  };

  countries.forEach((c, i) => {
    claim(c.id, `countries[${i}]`, ['countries', i, 'id']);
    countryIds.add(c.id);
    if (c.places.length === 0) placeOwner.set(c.id, c);
    c.places.forEach((p, j) => {
      claim(p.id, `countries[${i}].places[${j}]`, ['countries', i, 'places', j, 'id']);
      placeOwner.set(p.id, c);
    });
  });
  channels.forEach((ch, i) => claim(ch.id, `channels[${i}]`, ['channels', i, 'id']));
  legs.forEach((l, i) => claim(l.id, `legs[${i}]`, ['legs', i, 'id']));
  routes.forEach((rt, i) => claim(rt.id, `routes[${i}]`, ['routes', i, 'id']));

  const knownCountry = (id: string, path: FieldPath) => {
    if (!countryIds.has(id)) r.reportText(path, `a country id (one of ${[...countryIds].join(', ')})`, `"${id}", which is not a country in this scenario`);
  };
  origins.forEach((o, i) => knownCountry(o, ['agents', 'origins', i]));
  countries.forEach((c, i) => {
    for (const origin of Object.keys(c.diaspora)) knownCountry(origin, ['countries', i, 'diaspora', origin]);
    for (const origin of Object.keys(c.asylum.recognition)) if (origin !== 'default') knownCountry(origin, ['countries', i, 'asylum', 'recognition', origin]);
  });
  channels.forEach((ch, i) => {
    knownCountry(ch.destination, ['channels', i, 'destination']);
    if (ch.origins !== 'all') ch.origins.forEach((o, j) => knownCountry(o, ['channels', i, 'origins', j]));
    if (ch.from !== undefined) {
      knownCountry(ch.from, ['channels', i, 'from']);
      if (ch.from === ch.destination) r.reportText(['channels', i, 'from'], 'a country other than the channel\'s destination', `"${ch.from}", its destination`);
    }
  });

  const knownPlace = (id: string, path: FieldPath) => {
    if (placeOwner.has(id)) return;
    const country = countries.find((c) => c.id === id);
    if (country) r.reportText(path, `a place of ${id} (it has places: ${country.places.map((p) => p.id).join(', ')})`, `the country id "${id}"`);
    else r.reportText(path, 'a place id, or the id of a country without places', `"${id}", which is neither a place nor a country in this scenario`);
  };
  legs.forEach((l, i) => {
    knownPlace(l.from, ['legs', i, 'from']);
    knownPlace(l.to, ['legs', i, 'to']);
  });

  const legById = new Map(legs.map((l) => [l.id, l]));
  routes.forEach((rt, i) => {
    let previous: LegSpec | undefined;
    rt.legs.forEach((legId, j) => {
      const leg = legById.get(legId);
      if (!leg) {
        r.reportText(['routes', i, 'legs', j], 'a leg id defined under legs', `"${legId}", which is not a leg`);
        previous = undefined;
        return;
      }
      if (previous && previous.to !== leg.from) {
        r.reportText(['routes', i, 'legs', j], `a leg starting where leg "${previous.id}" ends (${previous.to})`, `leg "${leg.id}", which starts at ${leg.from}`);
      }
      previous = leg;
    });
  });
}
