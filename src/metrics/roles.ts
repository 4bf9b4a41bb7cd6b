import { total, type Table } from './table.js';

/** What a country was in a run, from what flowed through it: never declared in the scenario. */
export interface CountryRole {
  country: string;
  /** Persons who left it as their origin. */
  emigrants: number;
  /** Crossings of legs starting in it by people from elsewhere. */
  transitCrossings: number;
  /** Persons who arrived to stay (admitted, arrived at a route's end, or settled while in transit). */
  arrivals: number;
  roles: Array<'sending' | 'transit' | 'receiving'>;
}

export function computeRoles(countries: Table, ids: readonly string[]): CountryRole[] {
  return ids.map((country) => {
    const emigrants = total(countries, 'emigrants', { country });
    const transitCrossings = total(countries, 'transitCrossings', { country });
    const arrivals = total(countries, 'arrivals', { country });
    const roles: CountryRole['roles'] = [];
    if (emigrants > 0) roles.push('sending');
    if (transitCrossings > 0) roles.push('transit');
    if (arrivals > 0) roles.push('receiving');
    return { country, emigrants, transitCrossings, arrivals, roles };
  });
}
