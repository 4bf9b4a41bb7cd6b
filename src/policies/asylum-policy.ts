import type { PolicyType } from './policy-type.js';
import { scheduledPolicy } from './overrides.js';
import { readIds, readOptionalNumber, readWindow, WINDOW_FIELDS, type PolicyWindow } from './parameters.js';

interface AsylumParameters extends PolicyWindow, Record<string, unknown> {
  destinations: string[];
  /** Multiple of every recognition rate (capped at 1). */
  recognitionTimes: number | null;
  decisionMonths: number | null;
}

/** Asylum policy: recognition rates and time to a first decision in destinations, from a moment. */
export const asylumPolicy: PolicyType<AsylumParameters> = {
  plugin: 'asylum-policy',
  description: 'Changes recognition rates (as a multiple) and decision times in destinations from a moment.',
  read(spec, path, r, index) {
    const obj = r.object(spec, path, ['destinations', 'recognitionTimes', 'decisionMonths', ...WINDOW_FIELDS]);
    if (!obj) return undefined;
    const destinations = readIds(r, obj.destinations, [...path, 'destinations'], index.countries, 'country');
    const recognitionTimes = readOptionalNumber(r, obj.recognitionTimes, [...path, 'recognitionTimes'], { min: 0 });
    const decisionMonths = readOptionalNumber(r, obj.decisionMonths, [...path, 'decisionMonths'], { min: 0 });
    if (recognitionTimes === null && decisionMonths === null) r.report([...path, 'recognitionTimes'], '`recognitionTimes` or `decisionMonths` (or both)', undefined);
    const window = readWindow(r, obj, path, index);
    if (!destinations || recognitionTimes === undefined || decisionMonths === undefined || (recognitionTimes === null && decisionMonths === null) || !window) return undefined;
    return { destinations, recognitionTimes, decisionMonths, ...window };
  },
  create(name, p, index) {
    return scheduledPolicy(name, p, index, (api, overrides) => {
      for (const d of p.destinations) {
        if (p.recognitionTimes !== null) overrides.set(api, 'country', d, 'recognitionMultiplier', p.recognitionTimes, `${name}: recognition`);
        if (p.decisionMonths !== null) overrides.set(api, 'country', d, 'asylumDecisionMonths', p.decisionMonths, `${name}: decision time`);
      }
    });
  },
};
