import type { PolicyType } from './policy-type.js';
import { scheduledPolicy } from './overrides.js';
import { readIds, readOptionalNumber, readWindow, WINDOW_FIELDS, type PolicyWindow } from './parameters.js';

interface ReturnsParameters extends PolicyWindow, Record<string, unknown> {
  /** Where irregular residents are sought out and returned from. */
  destinations: string[];
  /** Countries of origin whose cooperation or reintegration the policy sets. */
  origins: string[];
  apprehensionPerYear: number | null;
  returnCapacityPerYear: number | null;
  /** Cooperation under a readmission agreement: the share of return attempts an origin accepts. */
  cooperation: number | null;
  /** Added cooperation per unit of aid received as a share of GDP (cooperation bought with aid). */
  cooperationPerAidShare: number;
  /** Reintegration support for returnees: income boost and its length. */
  reintegrationIncomeBoost: number;
  reintegrationMonths: number;
}

/**
 * Returns and readmission: interior apprehension and return capacity in
 * destinations; the origins' cooperation with returns, from an agreement or
 * rising with the aid they receive (so aid cuts under "less for less" also cut
 * cooperation); and reintegration support for returnees. How many orders are
 * carried out, and what origins lose in remittances, follow from the run.
 */
export const returnsReadmission: PolicyType<ReturnsParameters> = {
  plugin: 'returns-readmission',
  description: 'Apprehension and return capacity in destinations; origin cooperation (agreement or aid-linked); reintegration support.',
  read(spec, path, r, index) {
    const obj = r.object(spec, path, ['destinations', 'origins', 'apprehensionPerYear', 'returnCapacityPerYear', 'cooperation', 'cooperationPerAidShare',
      'reintegrationIncomeBoost', 'reintegrationMonths', ...WINDOW_FIELDS]);
    if (!obj) return undefined;
    const destinations = obj.destinations === undefined ? [] : readIds(r, obj.destinations, [...path, 'destinations'], index.countries, 'country', true);
    const origins = obj.origins === undefined ? [] : readIds(r, obj.origins, [...path, 'origins'], index.countries, 'country', true);
    const apprehensionPerYear = readOptionalNumber(r, obj.apprehensionPerYear, [...path, 'apprehensionPerYear'], { min: 0, max: 1 });
    const returnCapacityPerYear = readOptionalNumber(r, obj.returnCapacityPerYear, [...path, 'returnCapacityPerYear'], { min: 0 });
    const cooperation = readOptionalNumber(r, obj.cooperation, [...path, 'cooperation'], { min: 0, max: 1 });
    const cooperationPerAidShare = obj.cooperationPerAidShare === undefined ? 0 : r.number(obj.cooperationPerAidShare, [...path, 'cooperationPerAidShare'], { min: 0 });
    const reintegrationIncomeBoost = obj.reintegrationIncomeBoost === undefined ? 0 : r.number(obj.reintegrationIncomeBoost, [...path, 'reintegrationIncomeBoost'], { min: 0, max: 10 });
    const reintegrationMonths = obj.reintegrationMonths === undefined ? 0 : r.number(obj.reintegrationMonths, [...path, 'reintegrationMonths'], { min: 0 });
    const window = readWindow(r, obj, path, index);
    if (destinations && (apprehensionPerYear !== null || returnCapacityPerYear !== null) && destinations.length === 0) {
      r.report([...path, 'destinations'], 'the destinations where apprehension and return capacity apply', obj.destinations);
    }
    if (origins && (cooperation !== null || cooperationPerAidShare || reintegrationIncomeBoost) && origins.length === 0) {
      r.report([...path, 'origins'], 'the origins whose cooperation or reintegration support is set', obj.origins);
    }
    if (!destinations || !origins || apprehensionPerYear === undefined || returnCapacityPerYear === undefined || cooperation === undefined
      || cooperationPerAidShare === undefined || reintegrationIncomeBoost === undefined || reintegrationMonths === undefined || !window) return undefined;
    return { destinations, origins, apprehensionPerYear, returnCapacityPerYear, cooperation, cooperationPerAidShare, reintegrationIncomeBoost, reintegrationMonths, ...window };
  },
  create(name, p, index) {
    return scheduledPolicy(name, p, index, (api, overrides) => {
      for (const d of p.destinations) {
        if (p.apprehensionPerYear !== null) overrides.set(api, 'country', d, 'apprehensionPerYear', p.apprehensionPerYear, `${name}: apprehension`);
        if (p.returnCapacityPerYear !== null) overrides.set(api, 'country', d, 'returnCapacityPerYear', p.returnCapacityPerYear, `${name}: return capacity`);
      }
      for (const o of p.origins) {
        if (p.cooperation !== null || p.cooperationPerAidShare > 0) {
          const gdp = api.get('country', o, 'gdpPerCapita') * api.get('country', o, 'population');
          const aidShare = gdp > 0 ? api.get('country', o, 'aidPerYear') / gdp : 0;
          const level = (p.cooperation ?? api.base('country', o, 'returnCooperation')) + p.cooperationPerAidShare * aidShare;
          overrides.set(api, 'country', o, 'returnCooperation', Math.min(1, level), `${name}: cooperation`);
        }
        if (p.reintegrationIncomeBoost > 0) {
          overrides.set(api, 'country', o, 'reintegrationIncomeBoost', p.reintegrationIncomeBoost, `${name}: reintegration`);
          overrides.set(api, 'country', o, 'reintegrationMonths', p.reintegrationMonths, `${name}: reintegration`);
        }
      }
    });
  },
};
