import type { PolicyApi } from '../engine/policy-api.js';
import type { Plugin } from '../engine/plugin.js';
import type { ScenarioIndex } from '../policies/policy-type.js';
import type { Scenario } from '../scenario/types.js';
import { AgreementBook } from './agreements.js';
import { affordableOptions, logitChoice, menu, withFloor } from './decision.js';
import { figureReaders, payoff, type FigureReaders, type Figures } from './figures.js';
import { forecastChange, type ForecastInputs } from './forecast.js';
import { GOVERNMENT_DEFAULTS } from './parameters.js';
import { achieved, bribed, leakage, lookingAwayWorth, nextCapacity } from './production.js';
import { figureSources, legsEntering } from './sources.js';
import { HeldSettings } from './settings.js';
import { GovernmentStore, InstrumentStore } from './store.js';
import { agreementsTable, governmentsTable, instrumentId, instrumentTarget } from './tables.js';
import { reviewAgreement, applyTerms, planTerms, type States } from './treaties.js';

export const GOVERNMENTS_PLUGIN = 'governments';

/** Whether a scenario has governments (or agreements) for the plugin to run. */
export function hasGovernments(scenario: Scenario): boolean {
  return scenario.countries.some((c) => c.government !== undefined) || (scenario.agreements ?? []).length > 0;
}

/**
 * Governments and the agreements between them, as one plugin of the engine:
 * each tick, in the policies phase, they read last tick's figures, pay what
 * they owe, turn money into capacity, set their instruments on the world, and
 * at their reviews choose new levels and check each other's compliance. They
 * act only through the policy interface and read only aggregates.
 * With `passiveGovernments`, every instrument stays at its start value and no
 * agreement acts: the counterfactual arm.
 */
export function governmentsPlugin(scenario: Scenario, index: ScenarioIndex): Plugin {
  const tpy = index.clock.ticksPerYear;
  const p = GOVERNMENT_DEFAULTS;
  const governed = scenario.countries.filter((c) => c.government);
  const g = new GovernmentStore(governed.map((c) => ({ country: c.id, spec: c.government!, sources: figureSources(scenario, index, c.id) })), tpy);
  const ins = new InstrumentStore(governed.flatMap((c, gi) => c.government!.instruments.map((spec) => ({ government: gi, spec }))));
  const book = new AgreementBook(scenario.agreements ?? [], index.clock);
  const passive = scenario.passiveGovernments === true;
  const lagTicks = Math.round((p.observationLagMonths * tpy) / 12);
  const capacityLag = (p.capacityLagMonths * tpy) / 12;
  // The legs its coastguard polices: where its officials have a blind eye to sell (none without an interception instrument).
  const policed = governed.map((c) => [...new Set(c.government!.instruments.flatMap((spec) => (spec.kind === 'interception' ? spec.legs : [])))]);
  const neighbours = governed.map((c) => (c.government!.neighbours ?? governed.map((o) => o.id).filter((o) => o !== c.id)).flatMap((n) => legsEntering(index, n)));
  const tables = { governments: governmentsTable(), agreements: agreementsTable() };
  const hasInstruments = g.country.map((_, gi) => ins.government.includes(gi));
  const bribeReason = g.country.map((c) => `${c} officials' price for looking away`);
  const whyOf = ins.specs.map((spec, k) => `${g.country[ins.government[k]]} government: ${spec.kind}`);
  const targetOf = ins.specs.map(instrumentTarget);
  const idOf = ins.specs.map((spec, k) => instrumentId(g.country[ins.government[k]], spec));
  // Which sides of its border an interception instrument's legs police, fixed by the map: entering (arrivals) and leaving (takings, deaths).
  const sidesOf = ins.specs.map((spec, k) => {
    const legs = spec.kind === 'interception' ? spec.legs : [];
    const leavingLegs = g.sources[ins.government[k]].legsFrom;
    return { entering: legs.some((l) => !leavingLegs.includes(l)), leaving: legs.some((l) => leavingLegs.includes(l)) };
  });
  const startInterception = new Map<string, number>();
  // Figures read every tick, resolved at setup: each government's own, the takings on the legs it polices, and each quota's pairs (one reader a pair, added in turn).
  const readers: FigureReaders[] = [];
  const takingsOnPoliced: Array<() => number> = [];
  const takingsOnLeg = new Map<string, () => number>();
  const takingsOfInstrument: Array<() => number> = [];
  const quotaFigures: Array<{ admitted: Array<() => number>; overstayed: Array<() => number>; leftOnTime: Array<() => number> }> = [];

  const settings = new HeldSettings();
  const transfer = (api: PolicyApi, from: string, to: string, amount: number) => {
    if (amount <= 0) return;
    api.pay(from, to, amount);
    const a = g.index(from);
    const b = g.index(to);
    if (a >= 0) g.givenNow[a] += amount;
    if (b >= 0) g.receivedNow[b] += amount;
  };
  // Read once a tick, as nothing the governments do moves them: governance in force, and each capacity's base level
  // (the scenario's value ignoring overrides: its legs' for interception, with their mean).
  const governanceNow = new Float64Array(g.count);
  const baseNow = new Float64Array(ins.count);
  const legBaseNow = ins.specs.map((spec) => new Float64Array(spec.kind === 'interception' ? spec.legs.length : 0));
  const readWorld = (api: PolicyApi) => {
    for (let gi = 0; gi < g.count; gi++) governanceNow[gi] = api.get('country', g.country[gi], 'governance');
    for (let k = 0; k < ins.count; k++) {
      const spec = ins.specs[k];
      if (spec.kind === 'interception') {
        let sum = 0;
        for (let j = 0; j < spec.legs.length; j++) sum += legBaseNow[k][j] = api.base('leg', spec.legs[j], 'interception');
        baseNow[k] = sum / spec.legs.length;
      } else if (spec.kind === 'returnCooperation' || spec.kind === 'inspection') {
        baseNow[k] = api.base('country', g.country[ins.government[k]], spec.kind === 'inspection' ? 'recruiterInspection' : 'returnCooperation');
      }
    }
  };
  const governance = (gi: number) => governanceNow[gi];
  /** A capacity's base level this tick. */
  const baseOf = (k: number) => baseNow[k];
  /** A government's weights as its public holds them now: deaths weigh more while they are news. */
  const weightsOf = (gi: number) => (g.salience[gi] === 1 ? g.specs[gi].objectives : { ...g.specs[gi].objectives, deaths: g.specs[gi].objectives.deaths * g.salience[gi] });
  const halfLifeTicks = (p.salienceHalfLifeMonths * tpy) / 12;

  /** Achieved levels of capacities, and settings, onto the world. */
  const applyInstruments = (api: PolicyApi) => {
    const aidTo = new Map<string, number>();
    for (let k = 0; k < ins.count; k++) {
      const spec = ins.specs[k];
      const c = g.country[ins.government[k]];
      const why = whyOf[k];
      switch (spec.kind) {
        case 'interception':
          for (let j = 0; j < spec.legs.length; j++) settings.put(api, 'leg', spec.legs[j], 'interception', round(achieved(legBaseNow[k][j], governance(ins.government[k]), ins.capacity[k], spec.costPerYear)), why);
          ins.achieved[k] = achieved(baseOf(k), governance(ins.government[k]), ins.capacity[k], spec.costPerYear);
          break;
        case 'returnCooperation': case 'inspection':
          ins.achieved[k] = achieved(baseOf(k), governance(ins.government[k]), ins.capacity[k], spec.costPerYear);
          settings.put(api, 'country', c, spec.kind === 'inspection' ? 'recruiterInspection' : 'returnCooperation', round(ins.achieved[k]), why);
          break;
        case 'recognition':
          settings.put(api, 'country', c, 'recognitionMultiplier', ins.level[k], why);
          break;
        case 'quota':
          if (spec.origin === null) settings.put(api, 'channel', spec.channel!, 'quotaPerYear', ins.level[k], why);
          else settings.put(api, 'channelOrigin', `${spec.channel}:${spec.origin}`, 'quotaPerYear', ins.level[k], why);
          break;
        case 'visa':
          settings.put(api, 'channelOrigin', `${spec.channel}:${spec.origin}`, 'quotaPerYear', ins.level[k] >= 0.5 ? Number.POSITIVE_INFINITY : 0, why);
          break;
        case 'aid':
          aidTo.set(spec.origin!, (aidTo.get(spec.origin!) ?? 0) + ins.level[k]);
          break;
      }
      if (!ins.isCapacity(k)) ins.achieved[k] = ins.level[k];
    }
    for (const [o, amount] of aidTo) settings.put(api, 'country', o, 'aidPerYear', amount, 'aid from governments');
  };

  /** Budget and production: this tick's money in and out, spending on capacities, what leaks, and capacity built. */
  const produce = (api: PolicyApi) => {
    for (let gi = 0; gi < g.count; gi++) {
      const own = g.specs[gi].budgetPerYear / tpy;
      const available = g.reserve[gi] + own + g.receivedNow[gi] - g.givenNow[gi];
      let desired = 0;
      for (let k = 0; k < ins.count; k++) if (ins.government[k] === gi && ins.isCapacity(k)) desired += (ins.level[k] * ins.specs[k].costPerYear) / tpy;
      const spend = Math.min(desired, Math.max(0, available));
      g.leakage[gi] = leakage(governance(gi), spend * tpy, policedTakings(gi), p.baseLeakage);
      for (let k = 0; k < ins.count; k++) {
        if (ins.government[k] !== gi || !ins.isCapacity(k)) continue;
        const share = desired > 0 ? (ins.level[k] * ins.specs[k].costPerYear) / tpy / desired : 0;
        ins.capacity[k] = nextCapacity(ins.capacity[k], spend * share * (1 - g.leakage[gi]) * tpy, capacityLag);
      }
      g.income[gi] += own;
      g.received[gi] += g.receivedNow[gi];
      g.given[gi] += g.givenNow[gi];
      g.spent[gi] += spend;
      g.leaked[gi] += spend * g.leakage[gi];
      g.reserve[gi] = available - spend;
      g.spendingPerYear[gi] = spend * tpy;
    }
  };

  // The rise in interception on neighbours' legs, found once a tick when first asked (reads see the phase's start, so it cannot change within it).
  const tighteningNow = new Float64Array(g.count);
  const tighteningTick = new Int32Array(g.count).fill(-1);
  const neighbourTightening = (api: PolicyApi, gi: number) => {
    if (tighteningTick[gi] === api.tick) return tighteningNow[gi];
    const legs = neighbours[gi];
    let sum = 0;
    for (let j = 0; j < legs.length; j++) sum += api.get('leg', legs[j], 'interception') - startInterception.get(legs[j])!;
    tighteningTick[gi] = api.tick;
    return (tighteningNow[gi] = legs.length === 0 ? 0 : Math.max(0, sum / legs.length));
  };

  const inputs = (api: PolicyApi, k: number, figures: Figures): ForecastInputs => {
    const gi = ins.government[k];
    let others = 0;
    let givenPerYear = 0;
    for (let j = 0; j < ins.count; j++) {
      if (ins.government[j] !== gi) continue;
      if (j !== k && ins.isCapacity(j)) others += ins.level[j] * ins.specs[j].costPerYear;
      if (ins.kind[j] === 'aid') givenPerYear += ins.level[j];
    }
    return {
      figures, weights: weightsOf(gi), neighbourTightening: neighbourTightening(api, gi), governance: governance(gi),
      base: ins.isCapacity(k) ? baseOf(k) : 0, returnHorizonYears: p.returnHorizonYears, reviewYears: g.reviewTicks[gi] / tpy,
      affordable: Math.max(0, g.specs[gi].budgetPerYear + figures.paymentsReceived - givenPerYear - others),
      entering: sidesOf[k].entering, leaving: sidesOf[k].leaving,
    };
  };

  /** Smugglers' takings a year, last tick, on the legs a government polices: what can buy its officials. */
  const policedTakings = (gi: number) => takingsOnPoliced[gi]() * tpy;

  /**
   * The bribes its officials ask of the smugglers on the legs it polices, a
   * year: the share of its spending that those smugglers' revenue buys, or
   * what looking away is worth to them if less, shared among the legs by
   * their takings; set at each review. Smugglers on legs it does not police
   * have nothing to buy from it and pay nothing.
   */
  const askBribes = (api: PolicyApi, gi: number) => {
    const legs = policed[gi];
    if (legs.length === 0) return;
    // Plain loops over a typed array: this runs a few times a run, too rarely for the compiler to settle on array shapes.
    const takings = new Float64Array(legs.length);
    let total = 0;
    for (let j = 0; j < legs.length; j++) total += takings[j] = takingsOnLeg.get(legs[j])!();
    const share = bribed(governance(gi), g.spendingPerYear[gi], total * tpy, p.baseLeakage);
    const asked = Math.min(share * g.spendingPerYear[gi], worthToSmugglers(api, gi, share));
    for (let j = 0; j < legs.length; j++) {
      const price = total > 0 ? Math.round((asked * takings[j]) / total) : 0;
      if (price > 0 || api.get('leg', legs[j], 'bribesPerYear') > 0) settings.put(api, 'leg', legs[j], 'bribesPerYear', price, bribeReason[gi]);
    }
  };

  /** What looking away is worth to the smugglers on the legs it polices, summed over its interception capacities (lookingAwayWorth). */
  const worthToSmugglers = (api: PolicyApi, gi: number, share: number) => {
    let desired = 0;
    for (let k = 0; k < ins.count; k++) if (ins.government[k] === gi && ins.isCapacity(k)) desired += ins.level[k] * ins.specs[k].costPerYear;
    let worth = 0;
    for (let k = 0; k < ins.count; k++) {
      const spec = ins.specs[k];
      if (ins.government[k] !== gi || spec.kind !== 'interception' || desired <= 0) continue;
      const bought = (share * g.spendingPerYear[gi] * ins.level[k] * spec.costPerYear) / desired;
      const takings = takingsOfInstrument[k]() * tpy;
      worth += lookingAwayWorth(baseOf(k), governance(gi), ins.capacity[k], bought, spec.costPerYear, takings);
    }
    return worth;
  };

  /** A government's review: each instrument by the decision rule (decision.ts), one draw each from its stream. */
  const review = (api: PolicyApi, gi: number) => {
    askBribes(api, gi);
    // A government without instruments has nothing to choose (it still acts through its agreements).
    if (!hasInstruments[gi]) return;
    const figures = g.history[gi].lagged(g.reviewTicks[gi], lagTicks);
    const u = payoff(g.specs[gi].objectives, figures, neighbourTightening(api, gi), g.salience[gi]);
    for (let k = 0; k < ins.count; k++) {
      if (ins.government[k] !== gi) continue;
      const spec = ins.specs[k];
      ins.pastLevels[k].push(ins.level[k]);
      // A slope-learnt instrument learns its effect net of its known spending, which its forecast adds back.
      ins.pastPayoffs[k].push(spec.kind === 'inspection' ? u - (g.specs[gi].objectives.spending * figures.spending) / 1e6 : u);
      if (ins.pastLevels[k].length > 5) (ins.pastLevels[k].shift(), ins.pastPayoffs[k].shift());
      const x = inputs(api, k, figures);
      let options = menu(ins.level[k], spec.step, spec.min, spec.max);
      // Effort the budget cannot pay for is not on the menu (it may stay where it is, or come down).
      if (ins.isCapacity(k)) options = affordableOptions(options, spec.costPerYear, x.affordable);
      if (ins.floor[k] > 0) options = withFloor(options, ins.floor[k]);
      const predicted = new Array<number>(options.length);
      for (let j = 0; j < options.length; j++) predicted[j] = u + forecastChange(k, options[j], g, ins, x);
      const chosen = options[logitChoice(predicted, p.reviewNoise, api.random.uniform())];
      if (chosen !== ins.level[k]) api.note('instrument', idOf[k], 'level', ins.level[k], chosen, `${g.country[gi]} government review: predicted payoff ${predicted[options.indexOf(chosen)].toFixed(3)} against ${predicted[0].toFixed(3)} for no change`);
      ins.level[k] = chosen;
      tables.governments.rows.push([
        api.tick, api.date, g.country[gi], spec.kind, targetOf[k], ins.level[k], ins.achieved[k], ins.capacity[k], ins.floor[k], u,
        g.specs[gi].budgetPerYear, figures.paymentsReceived, g.spendingPerYear[gi], g.leakage[gi], g.reserve[gi], g.salience[gi],
      ]);
      ins.admitted[k] = ins.overstayed[k] = ins.leftOnTime[k] = 0;
    }
  };

  /** Resolves the figures read every tick (or review) to their places in last tick's figures, once. */
  const resolveFigures = (api: PolicyApi) => {
    for (let gi = 0; gi < g.count; gi++) {
      readers.push(figureReaders(api, g.sources[gi]));
      takingsOnPoliced.push(api.observer('leg', policed[gi], 'revenue'));
      for (const l of policed[gi]) takingsOnLeg.set(l, api.observer('leg', [l], 'revenue'));
    }
    for (const spec of ins.specs) {
      takingsOfInstrument.push(api.observer('leg', spec.kind === 'interception' ? spec.legs : [], 'revenue'));
      const pairs = spec.kind !== 'quota' ? [] : spec.origin === null ? index.countries.map((o) => `${spec.channel}:${o}`) : [`${spec.channel}:${spec.origin}`];
      const each = (field: string) => pairs.map((pair) => api.observer('channelOrigin', [pair], field));
      quotaFigures.push({ admitted: each('admissions'), overstayed: each('overstaysBegun'), leftOnTime: each('leftOnTime') });
    }
  };

  /** Quota instruments' own figures (their channel and origin), added up between reviews. */
  const countQuotas = () => {
    for (let k = 0; k < ins.count; k++) {
      const q = quotaFigures[k];
      for (let j = 0; j < q.admitted.length; j++) {
        ins.admitted[k] += q.admitted[j]();
        ins.overstayed[k] += q.overstayed[j]();
        ins.leftOnTime[k] += q.leftOnTime[j]();
      }
    }
  };

  const states: States = {
    scenario, index, g, ins, book, p, tpy, lagTicks, settings, transfer, governance, baseOf, inputs, weightsOf, table: tables.agreements, plans: planTerms(index, g, ins, book),
  };

  return {
    name: GOVERNMENTS_PLUGIN,
    parameters: { passive, governments: g.country, agreements: book.specs.map((a) => a.id) },
    setup(api) {
      readWorld(api);
      for (const legs of neighbours) for (const l of legs) startInterception.set(l, api.get('leg', l, 'interception'));
      resolveFigures(api);
      for (let k = 0; k < ins.count; k++) {
        if (!ins.isCapacity(k)) continue;
        // Capacity at the start is what the start level's spending keeps up, so a run does not open with a transient.
        const gi = ins.government[k];
        ins.capacity[k] = ins.level[k] * ins.specs[k].costPerYear * (1 - leakage(governance(gi), ins.level[k] * ins.specs[k].costPerYear, 0, p.baseLeakage));
      }
      applyInstruments(api);
    },
    hooks: {
      policies(api) {
        for (let gi = 0; gi < g.count; gi++) g.history[gi].record(readers[gi], tpy, g.receivedNow[gi], g.spendingPerYear[gi] / tpy);
        countQuotas();
        if (passive) return;
        readWorld(api);
        for (let gi = 0; gi < g.count; gi++) g.salience[gi] = g.history[gi].salience(g.salience[gi], tpy, lagTicks, p.salienceThreshold, p.salienceNewsDeaths, halfLifeTicks);
        g.receivedNow.fill(0);
        g.givenNow.fill(0);
        for (let k = 0; k < ins.count; k++) if (ins.kind[k] === 'aid') transfer(api, g.country[ins.government[k]], ins.specs[k].origin!, ins.level[k] / tpy);
        for (let a = 0; a < book.specs.length; a++) if (book.sign(a, api.tick)) api.note('agreement', book.specs[a].id, 'inForce', 0, 1, 'signed');
        applyTerms(api, states);
        produce(api);
        for (let gi = 0; gi < g.count; gi++) if (api.tick > 0 && api.tick % g.reviewTicks[gi] === 0) review(api, gi);
        for (let a = 0; a < book.specs.length; a++) if (book.inForce[a] && api.tick > book.startTick[a] && (api.tick - book.startTick[a]) % book.reviewTicks[a] === 0) reviewAgreement(api, states, a);
        applyInstruments(api);
      },
    },
    tables: () => [tables.governments, tables.agreements],
  };
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
