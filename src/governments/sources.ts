import type { ScenarioIndex } from '../policies/policy-type.js';
import type { Scenario } from '../scenario/types.js';
import type { FigureSources } from './figures.js';

/** The routes, legs and pairs a country's figures are summed over: the structure of the world, not its people. */
export function figureSources(scenario: Scenario, index: ScenarioIndex, country: string): FigureSources {
  const legCountry = new Map(index.legPlaces.map((l) => [l.id, l]));
  const routesInto = scenario.routes.filter((r) => legCountry.get(r.legs[r.legs.length - 1])!.toCountry === country).map((r) => r.id);
  const legsFrom = index.legPlaces.filter((l) => l.fromCountry === country && l.toCountry !== country).map((l) => l.id);
  const legsTouching = index.legPlaces.filter((l) => (l.fromCountry === country) !== (l.toCountry === country)).map((l) => l.id);
  const channelPairs = scenario.channels.filter((c) => c.destination === country).flatMap((c) => index.countries.map((o) => `${c.id}:${o}`));
  const nationalsAbroad = index.countries.filter((d) => d !== country).map((d) => `${d}:${country}`);
  return { country, routesInto, legsFrom, legsTouching, channelPairs, nationalsAbroad };
}

/** Legs entering a country from outside it: where its tightening shows. */
export function legsEntering(index: ScenarioIndex, country: string): string[] {
  return index.legPlaces.filter((l) => l.toCountry === country && l.fromCountry !== country).map((l) => l.id);
}
