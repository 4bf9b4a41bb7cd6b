import type { PolicyType } from './policy-type.js';
import { scheduledPolicy } from './overrides.js';
import { readIds, readOptionalNumber, readWindow, WINDOW_FIELDS, type PolicyWindow } from './parameters.js';

interface AidParameters extends PolicyWindow, Record<string, unknown> {
  origins: string[];
  /** Aid per year to each origin, PPP dollars, or as a share of its GDP; exactly one is given. */
  aidPerYear: number | null;
  shareOfGdp: number | null;
  /** "Less for less": no aid while the origin's return cooperation is below this. */
  minimumCooperation: number | null;
}

/**
 * Root-cause aid: money each year to origins, from a moment. How much it
 * raises incomes and jobs, how fast, and how that changes emigration (the
 * migration hump) is the engine's aid model and migrants' choices, not this
 * plugin's. With conditionality, aid is withheld while an origin cooperates
 * too little on returns.
 */
export const rootCauseAid: PolicyType<AidParameters> = {
  plugin: 'root-cause-aid',
  description: 'Aid per year (or as a share of GDP) to origins from a moment, optionally conditional on return cooperation.',
  read(spec, path, r, index) {
    const obj = r.object(spec, path, ['origins', 'aidPerYear', 'shareOfGdp', 'minimumCooperation', ...WINDOW_FIELDS]);
    if (!obj) return undefined;
    const origins = readIds(r, obj.origins, [...path, 'origins'], index.countries, 'country');
    const aidPerYear = readOptionalNumber(r, obj.aidPerYear, [...path, 'aidPerYear'], { min: 0 });
    const shareOfGdp = readOptionalNumber(r, obj.shareOfGdp, [...path, 'shareOfGdp'], { min: 0, max: 1 });
    if (aidPerYear === null && shareOfGdp === null) r.report([...path, 'aidPerYear'], 'aid per year in PPP dollars, or `shareOfGdp`', undefined);
    if (aidPerYear !== null && aidPerYear !== undefined && shareOfGdp !== null && shareOfGdp !== undefined) r.reportText([...path, 'shareOfGdp'], 'either `aidPerYear` or `shareOfGdp`, not both', 'both');
    const minimumCooperation = readOptionalNumber(r, obj.minimumCooperation, [...path, 'minimumCooperation'], { min: 0, max: 1 });
    const window = readWindow(r, obj, path, index);
    if (!origins || aidPerYear === undefined || shareOfGdp === undefined || (aidPerYear === null) === (shareOfGdp === null) || minimumCooperation === undefined || !window) return undefined;
    return { origins, aidPerYear, shareOfGdp, minimumCooperation, ...window };
  },
  create(name, p, index) {
    return scheduledPolicy(name, p, index, (api, overrides) => {
      for (const o of p.origins) {
        // GDP without aid's own effect, so aid as a share of GDP does not feed on itself.
        const amount = p.aidPerYear ?? p.shareOfGdp! * api.base('country', o, 'gdpPerCapita') * api.base('country', o, 'population');
        const withheld = p.minimumCooperation !== null && api.get('country', o, 'returnCooperation') < p.minimumCooperation;
        overrides.set(api, 'country', o, 'aidPerYear', withheld ? 0 : amount, withheld ? `${name}: withheld (cooperation too low)` : `${name}: aid`);
      }
    });
  },
};
