import type { CountrySpec } from './types.js';

/** The country each place id (or the id of a country without places) belongs to. */
export function countryOfPlace(countries: readonly CountrySpec[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of countries) {
    out.set(c.id, c.id);
    for (const p of c.places) out.set(p.id, c.id);
  }
  return out;
}
