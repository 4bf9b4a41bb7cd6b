import type { RunResult } from '../engine/simulation.js';
import type { PolicyEvent } from '../engine/events.js';
import { countryOfPlace } from '../scenario/places.js';
import type { Scenario } from '../scenario/types.js';
import { total, type Table } from './table.js';

/**
 * Derived indicators: each defined once, here, with its formula in words (the
 * README's table is this registry printed). Experiments compute every
 * registered indicator for every run; adding one is one `registerIndicator`
 * entry.
 *
 * An indicator's value is a record by key: `{ '': v }` when it is one number,
 * or one entry per route, corridor, country, ... when it is broken down (`by`).
 * NaN means "undefined in this run" (e.g. a rate whose denominator is zero);
 * summaries leave those runs out.
 */
export type IndicatorValues = Record<string, number>;

/** What an indicator reads: a finished run and the scenario it ran. */
export interface IndicatorRun {
  scenario: Scenario;
  result: RunResult;
}

interface IndicatorInfo {
  readonly name: string;
  readonly description: string;
  /** The formula, in the tables' column names. */
  readonly formula: string;
  readonly unit: string;
  /** What the keys of its values name, when broken down. */
  readonly by?: string;
}

/** An indicator of one run; a comparison reports its paired difference, variant − baseline. */
export interface RunIndicator extends IndicatorInfo {
  readonly level: 'run';
  compute(run: IndicatorRun): IndicatorValues;
}

/** An indicator of a baseline–variant pair of runs (same seed and replication), such as the diversion ratio. */
export interface ComparisonIndicator extends IndicatorInfo {
  readonly level: 'comparison';
  compute(baseline: IndicatorRun, variant: IndicatorRun): IndicatorValues;
}

export type Indicator = RunIndicator | ComparisonIndicator;

const INDICATORS = new Map<string, Indicator>();

export function registerIndicator(indicator: Indicator): void {
  if (INDICATORS.has(indicator.name)) throw new Error(`an indicator named "${indicator.name}" is already registered`);
  INDICATORS.set(indicator.name, indicator);
}

/** Every registered indicator, in the order registered. */
export function indicators(): Indicator[] {
  return [...INDICATORS.values()];
}

/** The registered indicators of these names (all when none are given); an unknown name throws, listing the known ones. */
export function indicatorsNamed(names?: readonly string[]): Indicator[] {
  if (!names) return indicators();
  return names.map((n) => {
    const i = INDICATORS.get(n);
    if (!i) throw new Error(`no indicator "${n}" is registered (known: ${[...INDICATORS.keys()].join(', ')})`);
    return i;
  });
}

export function runTable(result: RunResult, name: string): Table {
  const t = result.tables.find((x) => x.name === name);
  if (!t) throw new Error(`run of ${result.scenario} has no table "${name}" (tables: ${result.tables.map((x) => x.name).join(', ')})`);
  return t;
}

/** Σ of a column over all ticks, for each id of a dimension column. */
function totalsBy(table: Table, field: string, by: string, ids: readonly string[]): IndicatorValues {
  const out: IndicatorValues = {};
  for (const id of ids) out[id] = total(table, field, { [by]: id });
  return out;
}

/** 0/0 is undefined, not zero. */
function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? Number.NaN : numerator / denominator;
}

/** Events the variant's policies made that the baseline's did not (same tick, plugin, target, attribute and value). */
function ownEvents(baseline: readonly PolicyEvent[], variant: readonly PolicyEvent[]): PolicyEvent[] {
  const key = (e: PolicyEvent) => JSON.stringify([e.tick, e.plugin, e.kind, e.target, e.attribute, e.to]);
  const shared = new Set(baseline.map(key));
  return variant.filter((e) => !shared.has(key(e)) && !Object.is(e.from, e.to));
}

/**
 * The routes a variant's policies target, read from its event record: routes
 * using a leg whose attributes its policies changed, or entering a country
 * whose attributes they changed. Changes to channels target no route.
 */
export function targetedRoutes(scenario: Scenario, baselineEvents: readonly PolicyEvent[], variantEvents: readonly PolicyEvent[]): string[] {
  const events = ownEvents(baselineEvents, variantEvents);
  const legs = new Set(events.filter((e) => e.kind === 'leg').map((e) => e.target));
  const countries = new Set(events.filter((e) => e.kind === 'country').map((e) => e.target));
  const countryOf = countryOfPlace(scenario.countries);
  const legById = new Map(scenario.legs.map((l) => [l.id, l]));
  return scenario.routes.filter((route) => route.legs.some((id) => {
    const leg = legById.get(id)!;
    const into = countryOf.get(leg.to)!;
    return legs.has(id) || (countries.has(into) && countryOf.get(leg.from) !== into);
  })).map((r) => r.id);
}

registerIndicator({
  name: 'arrivalsByRoute', level: 'run', unit: 'persons', by: 'route',
  description: 'Irregular arrivals at the end of each route over the run.',
  formula: 'Σ_t routes.arrivals, by route',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'routes'), 'arrivals', 'route', scenario.routes.map((r) => r.id)),
});

registerIndicator({
  name: 'arrivalsByCorridor', level: 'run', unit: 'persons', by: 'corridor',
  description: 'Irregular arrivals over the run, by the routes\' reporting corridor.',
  formula: 'Σ_t routes.arrivals, by corridor',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'routes'), 'arrivals', 'corridor', [...new Set(scenario.routes.map((r) => r.corridor))]),
});

registerIndicator({
  name: 'arrivalsByDestination', level: 'run', unit: 'persons', by: 'country',
  description: 'Arrivals to stay in each country over the run: admitted through a channel, arrived at a route\'s end, or settled while in transit.',
  formula: 'Σ_t countries.arrivals, by country',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'countries'), 'arrivals', 'country', scenario.countries.map((c) => c.id)),
});

registerIndicator({
  name: 'deaths', level: 'run', unit: 'persons',
  description: 'Deaths en route over the run, on every route.',
  formula: 'Σ_t Σ_routes routes.deaths',
  compute: ({ result }) => ({ '': total(runTable(result, 'routes'), 'deaths') }),
});

registerIndicator({
  name: 'deathsPerThousandCrossings', level: 'run', unit: 'per 1000', by: 'leg mode (sea, land, air) or all',
  description: 'Deaths per thousand leg attempts that ended in a crossing or a death, on legs of each mode and on all legs.',
  formula: '1000 × Σ legs.deaths / Σ (legs.crossings + legs.deaths), over legs of the mode',
  compute: ({ scenario, result }) => {
    const legs = runTable(result, 'legs');
    const modes = [...new Set(scenario.legs.map((l) => l.mode))];
    const out: IndicatorValues = {};
    for (const mode of [...modes, 'all']) {
      let deaths = 0;
      let crossings = 0;
      for (const l of scenario.legs) {
        if (mode !== 'all' && l.mode !== mode) continue;
        deaths += total(legs, 'deaths', { leg: l.id });
        crossings += total(legs, 'crossings', { leg: l.id });
      }
      out[mode] = 1000 * ratio(deaths, crossings + deaths);
    }
    return out;
  },
});

registerIndicator({
  name: 'overstayRate', level: 'run', unit: 'share',
  description: 'Share of temporary permits that ended in an overstay rather than a departure on time.',
  formula: 'Σ channels.overstaysBegun / Σ (channels.overstaysBegun + channels.leftOnTime)',
  compute: ({ result }) => {
    const channels = runTable(result, 'channels');
    const overstays = total(channels, 'overstaysBegun');
    return { '': ratio(overstays, overstays + total(channels, 'leftOnTime')) };
  },
});

registerIndicator({
  name: 'effectiveReturnRate', level: 'run', unit: 'share',
  description: 'Share of return orders carried out as forced returns.',
  formula: 'Σ countries.returnsExecuted / Σ countries.returnOrders',
  compute: ({ result }) => {
    const countries = runTable(result, 'countries');
    return { '': ratio(total(countries, 'returnsExecuted'), total(countries, 'returnOrders')) };
  },
});

registerIndicator({
  name: 'diversionRatio', level: 'comparison', unit: 'ratio',
  description: 'Arrivals gained on other routes per arrival lost on the routes the variant\'s policies target (those using a leg, or entering a country, whose attributes its events changed): 0 no diversion, 1 full diversion.',
  formula: '−(Δ Σ routes.arrivals on other routes) / (Δ Σ routes.arrivals on targeted routes), Δ = variant − baseline',
  compute: (baseline, variant) => {
    const targeted = new Set(targetedRoutes(variant.scenario, baseline.result.events, variant.result.events));
    const b = runTable(baseline.result, 'routes');
    const v = runTable(variant.result, 'routes');
    let onTargeted = 0;
    let onOthers = 0;
    for (const { id } of variant.scenario.routes) {
      const change = total(v, 'arrivals', { route: id }) - total(b, 'arrivals', { route: id });
      if (targeted.has(id)) onTargeted += change;
      else onOthers += change;
    }
    return { '': -ratio(onOthers, onTargeted) };
  },
});

/** Mean over the run's ticks of a per-tick level (a price, a share), for each id of a dimension column. */
function meansBy(table: Table, field: string, by: string, ids: readonly string[]): IndicatorValues {
  const ticks = new Set(table.rows.map((r) => r[0])).size;
  const out: IndicatorValues = {};
  for (const id of ids) out[id] = ratio(total(table, field, { [by]: id }), ticks);
  return out;
}

registerIndicator({
  name: 'remittances', level: 'run', unit: 'dollars', by: 'origin',
  description: 'Remittances received by each origin over the run, after transfer fees.',
  formula: 'Σ_t countries.remittancesReceived, by origin',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'countries'), 'remittancesReceived', 'country', scenario.agents.origins),
});

registerIndicator({
  name: 'remittancesShareOfGdp', level: 'run', unit: 'share', by: 'origin',
  description: 'Remittances received as a share of the origin\'s GDP, averaged over the run\'s ticks.',
  formula: 'mean_t countries.remittancesShareOfGdp (= remittancesReceived / (population × gdpPerCapita per tick)), by origin',
  compute: ({ scenario, result }) => meansBy(runTable(result, 'countries'), 'remittancesShareOfGdp', 'country', scenario.agents.origins),
});

registerIndicator({
  name: 'smugglingPrice', level: 'run', unit: 'dollars', by: 'leg',
  description: 'Smugglers\' standard price for a crossing of each leg, per person, averaged over the run\'s ticks.',
  formula: 'mean_t legs.price, by leg',
  compute: ({ scenario, result }) => meansBy(runTable(result, 'legs'), 'price', 'leg', scenario.legs.map((l) => l.id)),
});
