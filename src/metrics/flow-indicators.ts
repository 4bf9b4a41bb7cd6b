import { countryOfPlace } from '../scenario/places.js';
import { registerIndicator, runTable, type IndicatorValues } from './indicators.js';
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

function totalsBy(table: Table, field: string, by: string, ids: readonly string[]): IndicatorValues {
  const out: IndicatorValues = {};
  for (const id of ids) out[id] = total(table, field, { [by]: id });
  return out;
}

registerIndicator({
  name: 'departuresByRoute', level: 'run', unit: 'persons', by: 'route',
  description: 'People who set off on each route over the run.',
  formula: 'Σ_t routes.departures, by route',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'routes'), 'departures', 'route', scenario.routes.map((r) => r.id)),
});

registerIndicator({
  name: 'deathsByRoute', level: 'run', unit: 'persons', by: 'route',
  description: 'Deaths en route over the run, on each route.',
  formula: 'Σ_t routes.deaths, by route',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'routes'), 'deaths', 'route', scenario.routes.map((r) => r.id)),
});

registerIndicator({
  name: 'attemptsByLeg', level: 'run', unit: 'persons', by: 'leg',
  description: 'Attempts to cross each leg over the run (each try counts, so one person intercepted twice makes three).',
  formula: 'Σ_t legs.attempts, by leg',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'legs'), 'attempts', 'leg', scenario.legs.map((l) => l.id)),
});

registerIndicator({
  name: 'crossingsByLeg', level: 'run', unit: 'persons', by: 'leg',
  description: 'Successful crossings of each leg over the run (for a sea leg into a country: its sea arrivals).',
  formula: 'Σ_t legs.crossings, by leg',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'legs'), 'crossings', 'leg', scenario.legs.map((l) => l.id)),
});

registerIndicator({
  name: 'deathsByLeg', level: 'run', unit: 'persons', by: 'leg',
  description: 'Deaths on each leg over the run.',
  formula: 'Σ_t legs.deaths, by leg',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'legs'), 'deaths', 'leg', scenario.legs.map((l) => l.id)),
});

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
  name: 'interceptionsByLeg', level: 'run', unit: 'persons', by: 'leg',
  description: 'Interceptions (apprehensions at the border) on each leg over the run.',
  formula: 'Σ_t legs.interceptions, by leg',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'legs'), 'interceptions', 'leg', scenario.legs.map((l) => l.id)),
});

registerIndicator({
  name: 'journeySuccessRate', level: 'run', unit: 'share', by: 'route or all',
  description: 'Of the journeys on a route that ended during the run, the share that ended in arrival (rather than death, giving up, or a return after interception).',
  formula: 'Σ routes.arrivals / Σ (routes.arrivals + routes.deaths + routes.gaveUp + routes.returnedAfterInterception)',
  compute: ({ scenario, result }) => {
    const routes = runTable(result, 'routes');
    const ended = (where: Record<string, string>) => ['arrivals', 'deaths', 'gaveUp', 'returnedAfterInterception'].reduce((s, f) => s + total(routes, f, where), 0);
    const out: IndicatorValues = {};
    for (const { id } of scenario.routes) out[id] = ratio(total(routes, 'arrivals', { route: id }), ended({ route: id }));
    out.all = ratio(total(routes, 'arrivals'), ended({}));
    return out;
  },
});

registerIndicator({
  name: 'voluntaryReturnRate', level: 'run', unit: 'per year', by: 'destination',
  description: 'Yearly hazard of returning home of one\'s own accord, for migrants living in each destination: voluntary returns over person-years abroad.',
  formula: 'Σ countries.voluntaryReturns / (Σ_t (countries.regular + countries.asylumPending + countries.protected + countries.irregular + countries.overstaying) / ticksPerYear), by destination',
  compute: ({ scenario, result }) => {
    const countries = runTable(result, 'countries');
    const out: IndicatorValues = {};
    for (const { id } of scenario.countries) {
      const where = { country: id };
      const personTicks = ['regular', 'asylumPending', 'protected', 'irregular', 'overstaying'].reduce((s, f) => s + total(countries, f, where), 0);
      out[id] = ratio(total(countries, 'voluntaryReturns', where), personTicks / scenario.ticksPerYear);
    }
    return out;
  },
});

registerIndicator({
  name: 'overstayRateByChannel', level: 'run', unit: 'share', by: 'channel',
  description: 'Share of a channel\'s temporary permits that ended in an overstay rather than a departure on time.',
  formula: 'Σ channels.overstaysBegun / Σ (channels.overstaysBegun + channels.leftOnTime), by channel',
  compute: ({ scenario, result }) => {
    const channels = runTable(result, 'channels');
    const out: IndicatorValues = {};
    for (const { id } of scenario.channels) {
      const overstays = total(channels, 'overstaysBegun', { channel: id });
      out[id] = ratio(overstays, overstays + total(channels, 'leftOnTime', { channel: id }));
    }
    return out;
  },
});

registerIndicator({
  name: 'asylumClaims', level: 'run', unit: 'persons', by: 'destination',
  description: 'Asylum claims lodged in each destination over the run.',
  formula: 'Σ_t countries.asylumClaims, by destination',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'countries'), 'asylumClaims', 'country', scenario.countries.map((c) => c.id)),
});

registerIndicator({
  name: 'returnsExecuted', level: 'run', unit: 'persons', by: 'destination',
  description: 'Forced returns carried out from each destination over the run.',
  formula: 'Σ_t countries.returnsExecuted, by destination',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'countries'), 'returnsExecuted', 'country', scenario.countries.map((c) => c.id)),
});

registerIndicator({
  name: 'emigrants', level: 'run', unit: 'persons', by: 'origin',
  description: 'Emigrants from each origin over the run: admitted through a legal channel or set off on an irregular route.',
  formula: 'Σ_t countries.emigrants, by origin',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'countries'), 'emigrants', 'country', scenario.agents.origins),
});

registerIndicator({
  name: 'emigrationRate', level: 'run', unit: 'per 1000 per year', by: 'origin',
  description: 'Emigrants per thousand people living at home, per year, for each origin.',
  formula: '1000 × Σ countries.emigrants / (Σ_t countries.atHome / ticksPerYear), by origin',
  compute: ({ scenario, result }) => {
    const countries = runTable(result, 'countries');
    const out: IndicatorValues = {};
    for (const id of scenario.agents.origins) {
      out[id] = 1000 * ratio(total(countries, 'emigrants', { country: id }), total(countries, 'atHome', { country: id }) / scenario.ticksPerYear);
    }
    return out;
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

registerIndicator({
  name: 'applications', level: 'run', unit: 'persons', by: 'channel',
  description: 'Applications to each legal channel over the run (whether or not a place was found).',
  formula: 'Σ_t channels.applications, by channel',
  compute: ({ scenario, result }) => totalsBy(runTable(result, 'channels'), 'applications', 'channel', scenario.channels.map((c) => c.id)),
});

registerIndicator({
  name: 'admissionShare', level: 'run', unit: 'share', by: 'channel',
  description: 'Share of a legal channel\'s applications that led to an admission during the run (the rest gave up, or still wait).',
  formula: 'Σ channels.admissions / Σ channels.applications, by channel',
  compute: ({ scenario, result }) => {
    const channels = runTable(result, 'channels');
    const out: IndicatorValues = {};
    for (const { id } of scenario.channels) out[id] = ratio(total(channels, 'admissions', { channel: id }), total(channels, 'applications', { channel: id }));
    return out;
  },
});
