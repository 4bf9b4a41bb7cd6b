import type { FieldPath, FieldReader } from '../scenario/fields.js';
import type { ScenarioIndex } from '../policies/policy-type.js';
import { readIds } from '../policies/parameters.js';
import { readMoment } from '../policies/timing.js';
import {
  AGREEMENT_TERM_KINDS, INSTRUMENT_KINDS, OBJECTIVE_NAMES,
  type AgreementSpec, type AgreementTerm, type GovernmentSpec, type InstrumentSpec, type ObjectiveWeights,
} from '../scenario/types.js';

const GOVERNMENT_FIELDS = ['reviewMonths', 'budgetPerYear', 'instruments', 'objectives', 'neighbours'] as const;
const INSTRUMENT_FIELDS = ['kind', 'legs', 'channel', 'origin', 'start', 'min', 'max', 'step', 'costPerYear'] as const;
const AGREEMENT_FIELDS = ['id', 'parties', 'terms', 'tolerance', 'suspendReviews', 'reviewMonths', 'renegotiate', 'from'] as const;
const TERM_FIELDS = ['kind', 'by', 'to', 'perYear', 'atLeast', 'channel', 'origin', 'perReadmitted'] as const;

/**
 * Bounds of each instrument's level: for capacities, spending as a multiple of `costPerYear`; a multiplier of
 * recognition; persons (quota) or dollars (aid) a year; visa-free (1) or not (0).
 */
const LEVEL_BOUNDS: Record<InstrumentSpec['kind'], { min: number; max: number }> = {
  interception: { min: 0, max: 10 }, returnCooperation: { min: 0, max: 10 }, recognition: { min: 0, max: 10 },
  quota: { min: 0, max: 1e12 }, visa: { min: 0, max: 1 }, aid: { min: 0, max: 1e15 }, inspection: { min: 0, max: 10 },
};

/** A country's `government:` block, read once the ids it refers to are known. */
export function readGovernment(r: FieldReader, value: unknown, path: FieldPath, country: string, index: ScenarioIndex): GovernmentSpec | undefined {
  const obj = r.object(value, path, GOVERNMENT_FIELDS);
  if (!obj) return undefined;
  const reviewMonths = obj.reviewMonths === undefined ? 3 : r.number(obj.reviewMonths, [...path, 'reviewMonths'], { min: 1, max: 120, integer: true });
  const budgetPerYear = obj.budgetPerYear === undefined ? 0 : r.number(obj.budgetPerYear, [...path, 'budgetPerYear'], { min: 0 });
  const list = obj.instruments === undefined ? [] : r.list(obj.instruments, [...path, 'instruments'], 'a list of instruments');
  const instruments = list?.map((v, i) => readInstrument(r, v, [...path, 'instruments', i], country, index));
  const objectives = readObjectives(r, obj.objectives, [...path, 'objectives']);
  const neighbours = obj.neighbours === undefined || obj.neighbours === null ? null : readIds(r, obj.neighbours, [...path, 'neighbours'], index.countries, 'country');
  if (reviewMonths === undefined || budgetPerYear === undefined || !instruments || instruments.some((x) => x === undefined) || !objectives || neighbours === undefined) return undefined;
  return { reviewMonths, budgetPerYear, instruments: instruments as InstrumentSpec[], objectives, neighbours };
}

function readInstrument(r: FieldReader, value: unknown, path: FieldPath, country: string, index: ScenarioIndex): InstrumentSpec | undefined {
  const obj = r.object(value, path, INSTRUMENT_FIELDS);
  if (!obj) return undefined;
  const kind = r.oneOf(obj.kind, [...path, 'kind'], INSTRUMENT_KINDS);
  if (kind === undefined) return undefined;
  // Its own borders: legs that leave its territory, and legs that enter it.
  const leaving = index.legPlaces.filter((l) => l.fromCountry === country && l.toCountry !== country).map((l) => l.id);
  const entering = index.legPlaces.filter((l) => l.toCountry === country && l.fromCountry !== country).map((l) => l.id);
  let legs: string[] | undefined = [];
  if (kind === 'interception') {
    const own = [...leaving, ...entering];
    legs = obj.legs === undefined ? (leaving.length > 0 ? leaving : entering) : readIds(r, obj.legs, [...path, 'legs'], own, `leg leaving or entering ${country}`);
    if (legs && legs.length === 0) r.reportText([...path, 'legs'], `legs leaving or entering ${country} (a government intercepts on its own borders)`, 'none');
  } else if (obj.legs !== undefined && !(Array.isArray(obj.legs) && obj.legs.length === 0)) r.reportText([...path, 'legs'], 'no `legs` (only an interception instrument has them)', 'legs');
  const ownChannels = Object.entries(index.channelDestinations).filter(([, d]) => d === country).map(([id]) => id);
  const needsChannel = kind === 'quota' || kind === 'visa';
  const channel = needsChannel ? r.oneOf(obj.channel, [...path, 'channel'], ownChannels) : null;
  const needsOrigin = kind === 'visa' || kind === 'aid';
  // null is what validation writes for "none", so a validated scenario reads back as itself.
  const origin = (obj.origin === undefined || obj.origin === null) && !needsOrigin ? null : r.oneOf(obj.origin, [...path, 'origin'], index.countries.filter((c) => c !== country));
  const bounds = LEVEL_BOUNDS[kind];
  const capacity = kind === 'interception' || kind === 'returnCooperation' || kind === 'inspection';
  const min = obj.min === undefined ? bounds.min : r.number(obj.min, [...path, 'min'], bounds);
  // A capacity's spending is capped at what full effort costs unless the scenario allows more.
  const max = obj.max === undefined ? (capacity ? 1 : bounds.max) : r.number(obj.max, [...path, 'max'], bounds);
  const start = r.number(obj.start, [...path, 'start'], { min: min ?? bounds.min, max: max ?? bounds.max });
  const step = r.number(obj.step, [...path, 'step'], { min: 1e-12, max: bounds.max });
  const costPerYear = capacity ? r.number(obj.costPerYear, [...path, 'costPerYear'], { min: 1e-9 }) : 0;
  if (!capacity && obj.costPerYear !== undefined && obj.costPerYear !== 0) r.reportText([...path, 'costPerYear'], 'no `costPerYear` (only interception, returnCooperation and inspection are bought with the budget)', 'costPerYear');
  if (min !== undefined && max !== undefined && min > max) r.reportText([...path, 'max'], `a maximum of at least the minimum (${min})`, String(max));
  if (!legs || channel === undefined || origin === undefined || min === undefined || max === undefined || start === undefined || step === undefined
    || costPerYear === undefined || min > max || (kind === 'interception' && legs.length === 0)) return undefined;
  return { kind, legs, channel, origin, start, min, max, step, costPerYear };
}

function readObjectives(r: FieldReader, value: unknown, path: FieldPath): ObjectiveWeights | undefined {
  const weights = Object.fromEntries(OBJECTIVE_NAMES.map((n) => [n, 0])) as unknown as ObjectiveWeights;
  if (value === undefined) return weights;
  const obj = r.object(value, path, OBJECTIVE_NAMES);
  if (!obj) return undefined;
  let ok = true;
  for (const name of OBJECTIVE_NAMES) {
    if (obj[name] === undefined) continue;
    const w = r.number(obj[name], [...path, name], { min: -1000, max: 1000 });
    if (w === undefined) ok = false;
    else weights[name] = w;
  }
  return ok ? weights : undefined;
}

/** The `agreements:` list: parties with governments, terms each owed by a party, and what breaches them. */
export function readAgreements(r: FieldReader, value: unknown, index: ScenarioIndex, governed: readonly string[]): AgreementSpec[] | undefined {
  const list = r.list(value, ['agreements'], 'a list of agreements');
  if (!list) return undefined;
  const out = list.map((v, i) => readAgreement(r, v, ['agreements', i], index, governed));
  const seen = new Set<string>();
  out.forEach((a, i) => {
    if (!a) return;
    const used = seen.has(a.id) || index.countries.includes(a.id) || index.legs.includes(a.id) || index.channels.includes(a.id) || index.routes.includes(a.id);
    if (used) r.reportText(['agreements', i, 'id'], 'an id not used by another agreement, country, leg, channel or route', `"${a.id}"`);
    seen.add(a.id);
  });
  return out.some((a) => a === undefined) ? undefined : (out as AgreementSpec[]);
}

function readAgreement(r: FieldReader, value: unknown, path: FieldPath, index: ScenarioIndex, governed: readonly string[]): AgreementSpec | undefined {
  const obj = r.object(value, path, AGREEMENT_FIELDS);
  if (!obj) return undefined;
  const id = r.string(obj.id, [...path, 'id'], { re: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, what: 'an id (letters, digits, "_", "-" or ".")' });
  const parties = readIds(r, obj.parties, [...path, 'parties'], governed, 'country with a `government:` block');
  if (parties && (parties.length !== 2 || parties[0] === parties[1])) r.report([...path, 'parties'], 'two different countries with governments', obj.parties);
  const ok = parties !== undefined && parties.length === 2 && parties[0] !== parties[1];
  const termList = r.list(obj.terms, [...path, 'terms'], 'a list of terms');
  if (termList && termList.length === 0) r.report([...path, 'terms'], 'at least one term', termList);
  const terms = termList?.map((t, i) => readTerm(r, t, [...path, 'terms', i], index, ok ? (parties as [string, string]) : null));
  const tolerance = obj.tolerance === undefined ? 0.1 : r.number(obj.tolerance, [...path, 'tolerance'], { min: 0, max: 1 });
  const suspendReviews = obj.suspendReviews === undefined ? 2 : r.number(obj.suspendReviews, [...path, 'suspendReviews'], { min: 0, max: 1000, integer: true });
  const reviewMonths = obj.reviewMonths === undefined ? 3 : r.number(obj.reviewMonths, [...path, 'reviewMonths'], { min: 1, max: 120, integer: true });
  const renegotiate = obj.renegotiate === undefined ? true : r.boolean(obj.renegotiate, [...path, 'renegotiate']);
  const from = obj.from === undefined ? 0 : readMoment(r, obj.from, [...path, 'from'], index.ticks);
  if (from === undefined || id === undefined || !ok || !terms || terms.length === 0 || terms.some((t) => t === undefined) || tolerance === undefined
    || suspendReviews === undefined || reviewMonths === undefined || renegotiate === undefined) return undefined;
  return { id, parties: parties as [string, string], terms: terms as AgreementTerm[], tolerance, suspendReviews, reviewMonths, renegotiate, from };
}

function readTerm(r: FieldReader, value: unknown, path: FieldPath, index: ScenarioIndex, parties: [string, string] | null): AgreementTerm | undefined {
  const obj = r.object(value, path, TERM_FIELDS);
  if (!obj) return undefined;
  const kind = r.oneOf(obj.kind, [...path, 'kind'], AGREEMENT_TERM_KINDS);
  if (kind === undefined || !parties) return undefined;
  const by = r.oneOf(obj.by, [...path, 'by'], parties);
  const other = by === undefined ? undefined : parties.find((p) => p !== by)!;
  const term: AgreementTerm = { kind, by: by ?? '', to: null, perYear: null, atLeast: null, channel: null, origin: null, perReadmitted: null };
  const allowed: Record<AgreementTerm['kind'], ReadonlyArray<keyof AgreementTerm>> = {
    payment: ['perYear', 'to'], interception: ['atLeast'], cooperation: ['atLeast'], readmission: ['perYear'], quota: ['perYear', 'channel', 'origin'],
    visaFree: ['channel', 'origin'], resettlement: ['perReadmitted', 'channel', 'origin'],
  };
  for (const field of TERM_FIELDS) {
    if (field !== 'kind' && field !== 'by' && obj[field] !== undefined && obj[field] !== null && !allowed[kind].includes(field)) r.reportText([...path, field], `no \`${field}\` in a ${kind} term (it has ${allowed[kind].join(', ')})`, field);
  }
  let ok = by !== undefined;
  const need = (field: 'perYear' | 'atLeast' | 'perReadmitted', range: { min: number; max?: number }) => {
    const v = r.number(obj[field], [...path, field], range);
    if (v === undefined) ok = false;
    else term[field] = v;
  };
  if (kind === 'payment') {
    need('perYear', { min: 0 });
    term.to = obj.to === undefined || obj.to === null ? (other ?? null) : (r.oneOf(obj.to, [...path, 'to'], index.countries.filter((c) => c !== by)) ?? null);
    if (term.to === null) ok = false;
  }
  if (kind === 'interception' || kind === 'cooperation') need('atLeast', { min: 0, max: 1 });
  if (kind === 'quota' || kind === 'readmission') need('perYear', { min: 0 });
  if (kind === 'readmission' && other !== undefined && !index.legPlaces.some((l) => l.fromCountry === by && l.toCountry === other)) {
    r.reportText([...path, 'by'], `a party with a leg from its territory into ${other} (readmission takes back those who came by it)`, `"${by}", with no such leg`);
    ok = false;
  }
  if (kind === 'resettlement') need('perReadmitted', { min: 0 });
  if (kind === 'quota' || kind === 'visaFree' || kind === 'resettlement') {
    const own = Object.entries(index.channelDestinations).filter(([, d]) => d === by).map(([id]) => id);
    term.channel = r.oneOf(obj.channel, [...path, 'channel'], own) ?? null;
    term.origin = r.oneOf(obj.origin, [...path, 'origin'], index.countries.filter((c) => c !== by)) ?? null;
    if (term.channel === null || term.origin === null) ok = false;
  }
  return ok ? term : undefined;
}
