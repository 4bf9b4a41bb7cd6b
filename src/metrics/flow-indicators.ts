import { countryOfPlace } from '../scenario/places.js';
import { registerIndicator, runTable, type IndicatorValues } from './indicators.js';
import type { Scenario } from '../scenario/types.js';
import { total, type Table } from './table.js';

/**
 * Indicators the validation scorecard needs beyond the first set: flows by
 * route and leg, how journeys end, hazards of return and overstay by
 * destination or channel, and emigration by origin. Registered like the
 * others (experiments compute them for every run); each formula names the
 * tables' columns.
 */

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? Number.NaN : numerator / denominator;
}

/** One value per id. */
function perId(ids: readonly string[], value: (id: string) => number): IndicatorValues {
  return Object.fromEntries(ids.map((id) => [id, value(id)]));
}

/** Σ of several columns over the rows that match a filter. */
function totalOf(table: Table, fields: readonly string[], where: Record<string, string> = {}): number {
  return fields.reduce((s, f) => s + total(table, f, where), 0);
}

function totalsBy(table: Table, field: string, by: string, ids: readonly string[]): IndicatorValues {
  return perId(ids, (id) => total(table, field, { [by]: id }));
}

/** Which ids a total is broken down by. */
const IDS = {
  routes: (s: Scenario) => s.routes.map((r) => r.id),
  legs: (s: Scenario) => s.legs.map((l) => l.id),
  countries: (s: Scenario) => s.countries.map((c) => c.id),
  origins: (s: Scenario) => s.agents.origins,
  channels: (s: Scenario) => s.channels.map((c) => c.id),
};

/** Totals over the run of one column, broken down by route, leg, channel or country: [name, table, column, by, ids, description]. */
const TOTALS: ReadonlyArray<[name: string, table: string, field: string, by: string, ids: keyof typeof IDS, description: string]> = [
  ['departuresByRoute', 'routes', 'departures', 'route', 'routes', 'People who set off on each route over the run.'],
  ['deathsByRoute', 'routes', 'deaths', 'route', 'routes', 'Deaths en route over the run, on each route.'],
  ['attemptsByLeg', 'legs', 'attempts', 'leg', 'legs', 'Attempts to cross each leg over the run (each try counts, so one person intercepted twice makes three).'],
  ['crossingsByLeg', 'legs', 'crossings', 'leg', 'legs', 'Successful crossings of each leg over the run (for a sea leg into a country: its sea arrivals).'],
  ['deathsByLeg', 'legs', 'deaths', 'leg', 'legs', 'Deaths on each leg over the run.'],
  ['interceptionsByLeg', 'legs', 'interceptions', 'leg', 'legs', 'Interceptions (apprehensions at the border) on each leg over the run.'],
  ['readmissionsByLeg', 'legs', 'readmissions', 'leg', 'legs', 'People sent back to the country a leg starts in, under a readmission arrangement with it, over the run.'],
  ['asylumClaims', 'countries', 'asylumClaims', 'destination', 'countries', 'Asylum claims lodged in each destination over the run.'],
  ['returnsExecuted', 'countries', 'returnsExecuted', 'destination', 'countries', 'Forced returns carried out from each destination over the run.'],
  ['emigrants', 'countries', 'emigrants', 'origin', 'origins', 'Emigrants from each origin over the run: admitted through a legal channel or set off on an irregular route.'],
  ['applications', 'channels', 'applications', 'channel', 'channels', 'Applications to each legal channel over the run (whether or not a place was found).'],
];

for (const [name, table, field, by, ids, description] of TOTALS) {
  registerIndicator({
    name, level: 'run', unit: 'persons', by, description,
    formula: `Σ_t ${table}.${field}, by ${by}`,
    compute: ({ scenario, result }) => totalsBy(runTable(result, table), field, table === 'countries' ? 'country' : table.slice(0, -1), IDS[ids](scenario)),
  });
}

registerIndicator({
  name: 'expectedDeathsByLeg', level: 'run', unit: 'persons', by: 'leg',
  description: 'Deaths to expect on each leg from the attempts made and each tick\'s mortality per attempt (over the mix of boats or modes on offer): deaths without the noise of who happened to die, for rare deaths at coarse scales.',
  formula: 'Σ_t legs.attempts × legs.effectiveMortality, by leg',
  compute: ({ scenario, result }) => {
    const legs = runTable(result, 'legs');
    const [leg, attempts, mortality] = ['leg', 'attempts', 'effectiveMortality'].map((c) => legs.columns.indexOf(c));
    const out: IndicatorValues = {};
    for (const { id } of scenario.legs) out[id] = 0;
    for (const row of legs.rows) out[row[leg] as string] += Number(row[attempts]) * Number(row[mortality]);
    return out;
  },
});

registerIndicator({
  name: 'journeySuccessRate', level: 'run', unit: 'share', by: 'route or all',
  description: 'Of the journeys on a route that ended during the run, the share that ended in arrival (rather than death, giving up, or a return after interception).',
  formula: 'Σ routes.arrivals / Σ (routes.arrivals + routes.deaths + routes.gaveUp + routes.returnedAfterInterception)',
  compute: ({ scenario, result }) => {
    const routes = runTable(result, 'routes');
    const ended = ['arrivals', 'deaths', 'gaveUp', 'returnedAfterInterception'];
    const success = (where: Record<string, string>) => ratio(total(routes, 'arrivals', where), totalOf(routes, ended, where));
    return { ...perId(scenario.routes.map((r) => r.id), (route) => success({ route })), all: success({}) };
  },
});

registerIndicator({
  name: 'voluntaryReturnRate', level: 'run', unit: 'per year', by: 'destination',
  description: 'Yearly hazard of returning home of one\'s own accord, for migrants living in each destination: voluntary returns over person-years abroad.',
  formula: 'Σ countries.voluntaryReturns / (Σ_t (countries.regular + countries.asylumPending + countries.protected + countries.irregular + countries.overstaying) / ticksPerYear), by destination',
  compute: ({ scenario, result }) => {
    const countries = runTable(result, 'countries');
    const abroad = ['regular', 'asylumPending', 'protected', 'irregular', 'overstaying'];
    return perId(scenario.countries.map((c) => c.id), (country) =>
      ratio(total(countries, 'voluntaryReturns', { country }), totalOf(countries, abroad, { country }) / scenario.ticksPerYear));
  },
});

registerIndicator({
  name: 'overstayRateByChannel', level: 'run', unit: 'share', by: 'channel',
  description: 'Share of a channel\'s temporary permits that ended in an overstay rather than a departure on time.',
  formula: 'Σ channels.overstaysBegun / Σ (channels.overstaysBegun + channels.leftOnTime), by channel',
  compute: ({ scenario, result }) => {
    const channels = runTable(result, 'channels');
    return perId(scenario.channels.map((c) => c.id), (channel) =>
      ratio(total(channels, 'overstaysBegun', { channel }), totalOf(channels, ['overstaysBegun', 'leftOnTime'], { channel })));
  },
});

registerIndicator({
  name: 'emigrationRate', level: 'run', unit: 'per 1000 per year', by: 'origin',
  description: 'Emigrants per thousand people living at home, per year, for each origin.',
  formula: '1000 × Σ countries.emigrants / (Σ_t countries.atHome / ticksPerYear), by origin',
  compute: ({ scenario, result }) => {
    const countries = runTable(result, 'countries');
    return perId(scenario.agents.origins, (country) =>
      1000 * ratio(total(countries, 'emigrants', { country }), total(countries, 'atHome', { country }) / scenario.ticksPerYear));
  },
});

registerIndicator({
  name: 'irregularArrivalsByDestination', level: 'run', unit: 'persons', by: 'destination',
  description: 'Arrivals at the end of irregular routes into each destination over the run.',
  formula: 'Σ_t routes.arrivals over routes ending in the destination',
  compute: ({ scenario, result }) => {
    const routes = runTable(result, 'routes');
    const countryOf = countryOfPlace(scenario.countries);
    const legTo = new Map(scenario.legs.map((l) => [l.id, l.to]));
    const out: IndicatorValues = {};
    for (const { id } of scenario.countries) out[id] = 0;
    for (const r of scenario.routes) out[countryOf.get(legTo.get(r.legs[r.legs.length - 1])!)!] += total(routes, 'arrivals', { route: r.id });
    return out;
  },
});
