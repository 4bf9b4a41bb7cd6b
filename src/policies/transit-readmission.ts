import type { PolicyType } from './policy-type.js';
import { scheduledPolicy } from './overrides.js';
import { readIds, readWindow, WINDOW_FIELDS, type PolicyWindow } from './parameters.js';

interface TransitReadmissionParameters extends PolicyWindow, Record<string, unknown> {
  /** Legs whose start country takes back those who came by them. */
  legs: string[];
  /** Persons a year the arrangement can send back, on each leg. */
  capacityPerYear: number;
}

/**
 * A readmission arrangement with a transit state (the EU-Turkey model): the
 * country a leg starts in takes back, within a yearly capacity, people who
 * came by the leg and are ordered to leave the country it enters; arrivals by
 * the leg who do not claim asylum are ordered to leave at once. Who is sent
 * back, and whether the threat deters departures, follow from the run.
 */
export const transitReadmission: PolicyType<TransitReadmissionParameters> = {
  plugin: 'transit-readmission',
  description: 'Lets the start country of legs take back, within a yearly capacity, those who came by them and are ordered to leave.',
  read(spec, path, r, index) {
    const obj = r.object(spec, path, ['legs', 'capacityPerYear', ...WINDOW_FIELDS]);
    if (!obj) return undefined;
    const legs = readIds(r, obj.legs, [...path, 'legs'], index.legs, 'leg');
    // A readmission is to another country: a leg within one country has nobody to take people back.
    const within = (legs ?? []).map((id) => index.legPlaces.find((l) => l.id === id)!).filter((l) => l.fromCountry === l.toCountry);
    for (const l of within) r.reportText([...path, 'legs', legs!.indexOf(l.id)], 'a leg between two countries', `"${l.id}", within ${l.fromCountry}`);
    const capacityPerYear = r.number(obj.capacityPerYear, [...path, 'capacityPerYear'], { min: 0 });
    const window = readWindow(r, obj, path, index);
    if (!legs || within.length > 0 || capacityPerYear === undefined || !window) return undefined;
    return { legs, capacityPerYear, ...window };
  },
  create(name, p, index) {
    return scheduledPolicy(name, p, index, (api, overrides) => {
      for (const leg of p.legs) overrides.set(api, 'leg', leg, 'readmissionCapacityPerYear', p.capacityPerYear, `${name}: readmission`);
    });
  },
};
