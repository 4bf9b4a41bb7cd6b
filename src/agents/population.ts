import type { BehaviourParameters } from '../behaviour/parameters.js';
import type { Clock } from '../engine/clock.js';
import type { RandomStream } from '../random/streams.js';
import type { Scenario } from '../scenario/types.js';
import type { World } from '../world/world.js';
import { State } from './states.js';
import { MigrantStore, NONE } from './store.js';

/** Population shares by age band (under 20, 20-34, 35-54, 55+): a young population, as in most origins. */
const AGE_SHARES = [0.42, 0.27, 0.2, 0.11];

/** How many agents each origin place gets: population at the start / scale, split by the places' shares. */
export function agentCounts(scenario: Scenario, world: World): Array<{ place: number; count: number }> {
  const out: Array<{ place: number; count: number }> = [];
  for (const id of scenario.agents.origins) {
    const c = world.countryIds.indexOf(id);
    const total = Math.round(world.country.values.population[c] / scenario.agents.scale);
    const places = world.places.map((p, i) => ({ p, i })).filter(({ p }) => p.country === c);
    // Largest remainders keep the country's total exact.
    const exact = places.map(({ p }) => total * p.populationShare);
    const counts = exact.map(Math.floor);
    const order = exact.map((e, k) => ({ k, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.k - b.k);
    for (let j = 0; j < total - counts.reduce((a, b) => a + b, 0); j++) counts[order[j % order.length].k]++;
    places.forEach(({ i }, k) => out.push({ place: i, count: counts[k] }));
  }
  // In place order: each place's people are one contiguous range of agents.
  return out.sort((a, b) => a.place - b.place);
}

/**
 * Creates the people of the origins, all at home: skill from the country's
 * high-skill share, an age band, log-normal savings in months of home income,
 * a risk tolerance, and a tie abroad with a chance that grows with the
 * diaspora (each emigrant is tied to a few people at home).
 */
export function populate(scenario: Scenario, world: World, params: BehaviourParameters, clock: Clock, rng: RandomStream): MigrantStore {
  world.update(clock.at(0));
  const counts = agentCounts(scenario, world);
  const store = new MigrantStore(counts.reduce((s, c) => s + c.count, 0));
  const perPlace = new Int32Array(world.places.length);
  for (const { place, count } of counts) perPlace[place] += count;
  store.placeStart = new Int32Array(world.places.length + 1);
  for (let p = 0; p < world.places.length; p++) store.placeStart[p + 1] = store.placeStart[p] + perPlace[p];
  const n = world.countryCount;
  const values = world.country.values;
  let i = 0;
  for (const { place, count } of counts) {
    const o = world.places[place].country;
    const diaspora = Array.from({ length: n }, (_, d) => world.diaspora[d * n + o]);
    const diasporaTotal = diaspora.reduce((a, b) => a + b, 0);
    const tieShares = diaspora.map((x) => x / Math.max(diasporaTotal, 1));
    const tieChance = Math.min(1, (params.tiesPerEmigrant * diasporaTotal) / Math.max(values.population[o], 1));
    for (let k = 0; k < count; k++, i++) {
      store.state[i] = State.Home;
      store.origin[i] = o;
      store.home[i] = place;
      store.location[i] = place;
      const skill = rng.uniform() < world.highSkillShare[o] ? 1 : 0;
      store.skill[i] = skill;
      store.ageBand[i] = pick(AGE_SHARES, rng.uniform());
      const monthly = (skill === 0 ? values.wageLow[o] : values.wageHigh[o]) * (1 - values.unemployment[o]) / 12;
      store.savings[i] = monthly * params.initialSavingsMonths * Math.exp(params.savingsSpread * rng.normal());
      store.riskTolerance[i] = rng.uniform();
      if (diasporaTotal > 0 && rng.uniform() < tieChance) store.tie[i] = pick(tieShares, rng.uniform());
      else store.tie[i] = NONE;
    }
  }
  return store;
}

/** Index drawn from a list of shares adding up to one. */
function pick(shares: readonly number[], u: number): number {
  for (let k = 0; k < shares.length; k++) {
    u -= shares[k];
    if (u < 0) return k;
  }
  return shares.length - 1;
}
