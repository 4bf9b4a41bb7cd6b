import type { PolicyApi } from '../engine/policy-api.js';
import type { Table } from '../metrics/table.js';
import type { ScenarioIndex } from '../policies/policy-type.js';
import type { AgreementTerm, ObjectiveWeights, Scenario } from '../scenario/types.js';
import type { AgreementBook, EndReason } from './agreements.js';
import type { Figures } from './figures.js';
import { forecastChange, type ForecastInputs } from './forecast.js';
import type { GOVERNMENT_DEFAULTS } from './parameters.js';
import type { HeldSettings } from './settings.js';
import type { GovernmentStore, InstrumentStore } from './store.js';

/** What the agreement rules share with the governments plugin. */
export interface States {
  scenario: Scenario;
  index: ScenarioIndex;
  g: GovernmentStore;
  ins: InstrumentStore;
  book: AgreementBook;
  p: typeof GOVERNMENT_DEFAULTS;
  tpy: number;
  lagTicks: number;
  table: Table;
  /** Each term's plan (by its flat index), found once. */
  plans: readonly TermPlan[];
  /** The attributes the governments hold, set only when they change. */
  settings: HeldSettings;
  transfer(api: PolicyApi, from: string, to: string, amount: number): void;
  /** A government's country's governance in force this tick. */
  governance(gi: number): number;
  /** A capacity instrument's base level this tick. */
  baseOf(k: number): number;
  inputs(api: PolicyApi, k: number, figures: Figures): ForecastInputs;
  weightsOf(gi: number): ObjectiveWeights;
}

const INSTRUMENT_OF: Partial<Record<AgreementTerm['kind'], string>> = { interception: 'interception', cooperation: 'returnCooperation', quota: 'quota', visaFree: 'visa' };

/** The obligor's instrument a term binds, if it has one. */
function boundInstrument(g: GovernmentStore, ins: InstrumentStore, term: AgreementTerm): number {
  const gi = g.index(term.by);
  for (let k = 0; k < ins.count; k++) {
    const spec = ins.specs[k];
    if (ins.government[k] !== gi || spec.kind !== INSTRUMENT_OF[term.kind]) continue;
    if ((term.kind === 'quota' || term.kind === 'visaFree') && (spec.channel !== term.channel || spec.origin !== term.origin)) continue;
    return k;
  }
  return -1;
}

/** What a term acts on, found once: the instrument it binds (-1: none), its `channel:origin`, the legs a readmission opens, and the reasons its changes give. */
export interface TermPlan {
  k: number;
  pair: string;
  legs: string[];
  why: string;
  whyNotInForce: string;
}

export function planTerms(index: ScenarioIndex, g: GovernmentStore, ins: InstrumentStore, book: AgreementBook): TermPlan[] {
  return book.termList.map(({ a, term, party }) => {
    const other = book.specs[a].parties[1 - party];
    const why = `agreement ${book.specs[a].id}: ${term.kind} by ${term.by}`;
    return {
      k: boundInstrument(g, ins, term), pair: `${term.channel}:${term.origin}`, why, whyNotInForce: `${why}: not in force`,
      legs: term.kind === 'readmission' ? index.legPlaces.filter((l) => l.fromCountry === term.by && l.toCountry === other).map((l) => l.id) : [],
    };
  });
}

/**
 * The effort whose spending, once capacity has caught up, achieves `target`
 * (the production function inverted); the instrument's maximum when
 * governance puts the target out of reach.
 */
export function effortFor(target: number, base: number, governance: number, leak: number, costPerYear: number, max: number): number {
  const gap = (target - base) / Math.max(1e-12, (1 - base) * governance);
  if (gap <= 0) return 0;
  if (gap >= 1) return max;
  return Math.min(max, -Math.log(1 - gap) / Math.max(1e-12, 1 - leak));
}

/**
 * Each tick: an agreement ended by the scenario ends; each party's terms that
 * act pay what they promise, put floors on the instruments they bind, and set
 * the places they grant; terms that do not act release what they set.
 */
export function applyTerms(api: PolicyApi, s: States): void {
  const { book, ins, g, tpy } = s;
  for (let a = 0; a < book.specs.length; a++) {
    if (book.inForce[a] && api.get('agreement', book.specs[a].id, 'inForce') < 0.5) end(api, s, a, 'set-attribute');
  }
  ins.floor.fill(0);
  for (let i = 0; i < book.termList.length; i++) {
    const { a, t, term, party } = book.termList[i];
    const active = book.active(a, party);
    const { k, pair, why, whyNotInForce } = s.plans[t];
    if (term.kind === 'payment') {
      if (!active) continue;
      s.transfer(api, term.by, term.to!, book.perYear[t] / tpy);
      book.paidSinceReview[t] += book.perYear[t] / tpy;
    } else if (k >= 0) {
      if (!active) continue;
      const gi = ins.government[k];
      const floor = term.kind === 'quota' ? term.perYear! : term.kind === 'visaFree' ? 1
        : effortFor(term.atLeast!, s.baseOf(k), s.governance(gi), g.leakage[gi], ins.specs[k].costPerYear, ins.specs[k].max);
      ins.floor[k] = Math.max(ins.floor[k], floor);
    } else if (term.kind === 'readmission') {
      const legs = s.plans[t].legs;
      for (const l of legs) s.settings.put(api, 'leg', l, 'readmissionCapacityPerYear', active ? term.perYear! / legs.length : 0, active ? why : whyNotInForce);
    } else if (term.kind === 'quota' || term.kind === 'visaFree' || term.kind === 'resettlement') {
      if (!active) {
        s.settings.free(api, 'channelOrigin', pair, 'quotaPerYear', whyNotInForce);
        if (term.kind === 'resettlement') s.settings.free(api, 'channel', term.channel!, 'quotaPerYear', whyNotInForce);
        continue;
      }
      const other = book.specs[a].parties[1 - party];
      const readmitted = term.kind === 'resettlement' ? g.history[g.index(other)].meanOf('returnsReceived', book.reviewTicks[a], s.lagTicks) : 0;
      const places = term.kind === 'quota' ? term.perYear! : term.kind === 'visaFree' ? Number.POSITIVE_INFINITY : Math.round(term.perReadmitted! * readmitted);
      s.settings.put(api, 'channelOrigin', pair, 'quotaPerYear', places, why);
      // Resettlement places are added to the channel's own quota: they exist only while the deal gives them.
      if (term.kind === 'resettlement') s.settings.put(api, 'channel', term.channel!, 'quotaPerYear', api.base('channel', term.channel!, 'quotaPerYear') + places, why);
    }
  }
}

/** How far a term is kept, as a share of the promise (1: kept); a party that is punishing a breach is not in breach itself. */
function compliance(api: PolicyApi, s: States, a: number, term: AgreementTerm, t: number): number {
  const { book, ins } = s;
  const party = book.party(a, term.by);
  if (book.punishing[a * 2 + party] > 0) return 1;
  // Capacity takes time to build: a level promised is first checked once two capacity lags have passed.
  if ((term.kind === 'interception' || term.kind === 'cooperation') && api.tick - book.startTick[a] < (2 * s.p.capacityLagMonths * s.tpy) / 12) return 1;
  const promise = (v: number, promised: number) => (promised > 0 ? v / promised : 1);
  const k = s.plans[t].k;
  switch (term.kind) {
    case 'payment': return promise(book.paidSinceReview[t], (book.perYear[t] * book.reviewTicks[a]) / s.tpy);
    case 'interception': case 'cooperation': return promise(ins.achieved[k], term.atLeast!);
    case 'quota': return promise(api.get('channelOrigin', `${term.channel}:${term.origin}`, 'quotaPerYear'), term.perYear!);
    case 'visaFree': return api.get('channelOrigin', `${term.channel}:${term.origin}`, 'quotaPerYear') === Number.POSITIVE_INFINITY ? 1 : 0;
    case 'resettlement': case 'readmission': return book.active(a, party) ? 1 : 0;
  }
}

/**
 * What an agreement is worth to each party a year, in its payoff units: what
 * it is owed (payments; the would-be migrants a partner's enforcement holds
 * back, valued as arrivals),
 * less what it owes (payments, valued as spending; the payoff its floors cost
 * it, by its own forecast, against the best of its level, minimum and maximum),
 * and, while a shock holds its public's attention, the deaths at its borders
 * its public lays at the deal's door: its deaths weight times the attention
 * above normal (salience - 1) times those deaths.
 */
function values(api: PolicyApi, s: States, a: number, figures: Figures[]): number[] {
  const { book, g, ins } = s;
  const parties = book.specs[a].parties;
  const out = [0, 0];
  for (let i = 0; i < book.termList.length; i++) {
    const { a: b, t, term, party } = book.termList[i];
    if (b !== a) continue;
    const owedTo = 1 - party;
    const w = s.weightsOf(g.index(parties[owedTo]));
    const wBy = s.weightsOf(g.index(term.by));
    const k = s.plans[t].k;
    if (term.kind === 'payment') {
      if (term.to === parties[owedTo]) out[owedTo] += (w.paymentsReceived * book.perYear[t]) / 1e6;
      out[party] += (wBy.spending * book.perYear[t]) / 1e6;
    } else if (term.kind === 'interception' && k >= 0) {
      // Arrivals the partner's promised interception keeps away, as the party reckons them: its arrivals scale with
      // 1 - interception (now i, with no effort the base b, as promised e): A (e - b) / (1 - i); e is expected kept as far as it trusts the partner.
      const base = s.baseOf(k);
      const expected = book.trust[a * 2 + owedTo] * Math.max(term.atLeast!, ins.achieved[k]) + (1 - book.trust[a * 2 + owedTo]) * ins.achieved[k];
      const kept = (figures[owedTo].arrivals * (expected - base)) / Math.max(1e-9, 1 - ins.achieved[k]);
      out[owedTo] -= ((w.arrivals + w.pressure) * kept) / 1e3;
      const gi = g.index(parties[owedTo]);
      out[owedTo] += (g.specs[gi].objectives.deaths * (g.salience[gi] - 1) * figures[owedTo].deaths) / 1e2;
    }
    if (k >= 0 && (term.kind === 'interception' || term.kind === 'cooperation')) {
      const x = s.inputs(api, k, figures[party]);
      const spec = ins.specs[k];
      const floor = ins.floor[k];
      const best = Math.max(forecastChange(k, ins.level[k], g, ins, x), forecastChange(k, spec.min, g, ins, x), forecastChange(k, spec.max, g, ins, x));
      out[party] -= Math.max(0, best - forecastChange(k, Math.max(floor, ins.level[k]), g, ins, x));
    }
  }
  return out;
}

/**
 * An agreement's review: monitoring and punishment (agreements.ts), each
 * party's choice to honour its terms while the agreement is worth something
 * to it, renegotiation of payments when the paid party's leverage (the
 * would-be migrants it hosts: in transit there, or stuck there without a
 * channel) is worth more than it is paid, and collapse when
 * trust or payoffs give out, or the payer's budget cannot meet the price.
 */
export function reviewAgreement(api: PolicyApi, s: States, a: number): void {
  const { book, g, p } = s;
  const spec = book.specs[a];
  const figures = spec.parties.map((c) => g.history[g.index(c)].lagged(book.reviewTicks[a], s.lagTicks));
  const breached = book.monitor(a, (term, t) => compliance(api, s, a, term, t), p);
  for (let k = 0; k < 2; k++) if (breached[k]) api.note('agreement', spec.id, `breach by ${spec.parties[k]}`, 0, 1, `${spec.parties[1 - k]} suspends its terms for ${spec.suspendReviews} reviews`);
  const worth = values(api, s, a, figures);
  for (let k = 0; k < 2; k++) {
    // The participation constraint: a party keeps its terms while the agreement is worth something to it.
    const honour = worth[k] >= 0 ? 1 : 0;
    if (honour !== book.honouring[a * 2 + k]) api.note('agreement', spec.id, `honoured by ${spec.parties[k]}`, book.honouring[a * 2 + k], honour, `worth ${worth[k].toFixed(3)} a year to ${spec.parties[k]}`);
    book.honouring[a * 2 + k] = honour;
  }
  if (spec.renegotiate) renegotiate(api, s, a, figures);
  const reason = book.withdrawal(a, worth, p);
  if (reason) end(api, s, a, reason);
  for (let k = 0; k < 2; k++) {
    let paid = 0;
    for (const x of book.termList) if (x.a === a && x.term.kind === 'payment' && x.party === k) paid += book.perYear[x.t];
    s.table.rows.push([api.tick, api.date, spec.id, book.status(a), spec.parties[k], book.honouring[a * 2 + k], book.punishing[a * 2 + k], book.trust[a * 2 + k], worth[k], book.breaches[a * 2 + k], paid, figures[k].hosted]);
  }
}

function renegotiate(api: PolicyApi, s: States, a: number, figures: Figures[]): void {
  const { book, g, p } = s;
  const spec = book.specs[a];
  for (let i = 0; i < book.termList.length; i++) {
    const { a: b, t, term, party } = book.termList[i];
    if (b !== a || term.kind !== 'payment' || term.to !== spec.parties[1 - party]) continue;
    const w = g.specs[g.index(term.by)].objectives;
    if (w.spending >= 0) continue;
    // The paid party can claim its share of what the payer would lose if those it hosts came on.
    const hosted = figures[1 - party].hosted;
    const demand = (p.bargainShare * -(w.arrivals + w.pressure) * hosted / 1e3 / -w.spending) * 1e6;
    if (!(demand > book.perYear[t] * (1 + spec.tolerance))) continue;
    if (demand > g.specs[g.index(term.by)].budgetPerYear) {
      end(api, s, a, 'budget');
      return;
    }
    api.note('agreement', spec.id, `payment by ${term.by}`, book.perYear[t], demand, `renegotiated: ${spec.parties[1 - party]} hosts ${Math.round(hosted)} would-be migrants`);
    book.perYear[t] = demand;
  }
}

function end(api: PolicyApi, s: States, a: number, reason: EndReason): void {
  s.book.end(a, reason);
  api.note('agreement', s.book.specs[a].id, 'inForce', 1, 0, `ended: ${reason}`);
}
