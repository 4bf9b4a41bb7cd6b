import type { PolicyType } from './policy-type.js';
import { scheduledPolicy } from './overrides.js';
import { readIds, readWindow, WINDOW_FIELDS, type PolicyWindow } from './parameters.js';

interface RescueParameters extends PolicyWindow, Record<string, unknown> {
  legs: string[];
  /** Multiple of each leg's mortality per attempt while rescue runs (0.3: seven in ten who would drown are saved). */
  mortalityTimes: number;
}

/**
 * Search and rescue on sea legs: fewer of those who attempt the crossing die.
 * How many attempt it in response is migrants' (and smugglers') choice.
 */
export const searchAndRescue: PolicyType<RescueParameters> = {
  plugin: 'search-and-rescue',
  description: 'Lowers mortality per attempt on sea legs from a moment.',
  read(spec, path, r, index) {
    const obj = r.object(spec, path, ['legs', 'mortalityTimes', ...WINDOW_FIELDS]);
    if (!obj) return undefined;
    const legs = readIds(r, obj.legs, [...path, 'legs'], index.legs, 'leg');
    legs?.forEach((id, i) => {
      const mode = index.legPlaces.find((l) => l.id === id)!.mode;
      if (mode !== 'sea') r.reportText([...path, 'legs', i], 'a sea leg (rescue works at sea)', `"${id}", a ${mode} leg`);
    });
    const mortalityTimes = r.number(obj.mortalityTimes, [...path, 'mortalityTimes'], { min: 0, max: 1 });
    const window = readWindow(r, obj, path, index);
    if (!legs || legs.some((id) => index.legPlaces.find((l) => l.id === id)!.mode !== 'sea') || mortalityTimes === undefined || !window) return undefined;
    return { legs, mortalityTimes, ...window };
  },
  create(name, p, index) {
    return scheduledPolicy(name, p, index, (api, overrides) => {
      for (const leg of p.legs) overrides.set(api, 'leg', leg, 'mortality', api.base('leg', leg, 'mortality') * p.mortalityTimes, `${name}: rescue`);
    });
  },
};
