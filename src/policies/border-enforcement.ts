import { INTERCEPTION_OUTCOMES, type InterceptionOutcome } from '../scenario/types.js';
import type { PolicyType, ScenarioIndex } from './policy-type.js';
import { scheduledPolicy } from './overrides.js';
import { readIds, readOptionalNumber, readWindow, WINDOW_FIELDS, type PolicyWindow } from './parameters.js';

interface EnforcementParameters extends PolicyWindow, Record<string, unknown> {
  /** Legs enforced by name. */
  legs: string[];
  /** Countries whose every entry leg is enforced at once (a coordinated region). */
  into: string[];
  /** Interception to reach, or a multiple of each leg's own; exactly one is given. */
  interception: number | null;
  interceptionTimes: number | null;
  /** Multiple of each leg's base smuggling price (enforcement makes crossings dearer to run). */
  costTimes: number;
  /** Months over which interception rises from its old level to the new. */
  rampMonths: number;
  /** What happens to those intercepted, or null to leave it as the scenario has it. */
  intercepted: InterceptionOutcome | null;
}

/**
 * Border enforcement: raises interception (and, optionally, smugglers' costs)
 * on chosen legs, or on every leg entering a group of countries at once, from
 * a moment, with an optional ramp and end. Diversion, price rises and deadlier
 * crossings are not set here: they follow from migrants' and smugglers' choices.
 */
export const borderEnforcement: PolicyType<EnforcementParameters> = {
  plugin: 'border-enforcement',
  description: 'Raises interception and cost on legs, or on all legs entering a region, from a moment, with optional ramp and end.',
  read(spec, path, r, index) {
    const obj = r.object(spec, path, ['legs', 'into', 'interception', 'interceptionTimes', 'costTimes', 'rampMonths', 'intercepted', ...WINDOW_FIELDS]);
    if (!obj) return undefined;
    const legs = obj.legs === undefined ? [] : readIds(r, obj.legs, [...path, 'legs'], index.legs, 'leg', true);
    const into = obj.into === undefined ? [] : readIds(r, obj.into, [...path, 'into'], index.countries, 'country', true);
    if (legs && into && legs.length === 0 && into.length === 0) r.report([...path, 'legs'], 'at least one leg in `legs`, or a country in `into`', undefined);
    const interception = readOptionalNumber(r, obj.interception, [...path, 'interception'], { min: 0, max: 1 });
    const interceptionTimes = readOptionalNumber(r, obj.interceptionTimes, [...path, 'interceptionTimes'], { min: 0 });
    if (interception === null && interceptionTimes === null) r.report([...path, 'interception'], 'an interception probability, or `interceptionTimes` (a multiple)', undefined);
    if (interception !== null && interception !== undefined && interceptionTimes !== null && interceptionTimes !== undefined) {
      r.reportText([...path, 'interceptionTimes'], 'either `interception` or `interceptionTimes`, not both', 'both');
    }
    const costTimes = obj.costTimes === undefined ? 1 : r.number(obj.costTimes, [...path, 'costTimes'], { min: 0 });
    const rampMonths = obj.rampMonths === undefined ? 0 : r.number(obj.rampMonths, [...path, 'rampMonths'], { min: 0 });
    const intercepted = obj.intercepted === undefined || obj.intercepted === null ? null : r.oneOf(obj.intercepted, [...path, 'intercepted'], INTERCEPTION_OUTCOMES);
    const window = readWindow(r, obj, path, index);
    if (!legs || !into || (legs.length === 0 && into.length === 0) || interception === undefined || interceptionTimes === undefined
      || (interception === null) === (interceptionTimes === null) || costTimes === undefined || rampMonths === undefined || intercepted === undefined || !window) return undefined;
    return { legs, into, interception, interceptionTimes, costTimes, rampMonths, intercepted, ...window };
  },
  create(name, p, index) {
    const ramp = Math.max(1, Math.round((p.rampMonths * index.clock.ticksPerYear) / 12));
    const targets = targetLegs(p, index);
    return scheduledPolicy(name, p, index, (api, overrides, start) => {
      const progress = Math.min(1, (api.tick - start + 1) / ramp);
      for (const leg of targets) {
        const before = api.base('leg', leg, 'interception');
        const goal = p.interception ?? Math.min(1, before * p.interceptionTimes!);
        overrides.set(api, 'leg', leg, 'interception', before + progress * (goal - before), `${name}: interception`);
        if (p.costTimes !== 1) overrides.set(api, 'leg', leg, 'cost', api.base('leg', leg, 'cost') * p.costTimes, `${name}: cost`);
        if (p.intercepted !== null) {
          overrides.set(api, 'leg', leg, 'detentionShare', p.intercepted === 'return' ? 1 : 0, `${name}: intercepted ${p.intercepted}`);
          overrides.set(api, 'leg', leg, 'releaseShare', p.intercepted === 'release' ? 1 : 0, `${name}: intercepted ${p.intercepted}`);
        }
      }
    });
  },
};

/** The legs named, and every leg that enters a country of `into` from outside it. */
function targetLegs(p: EnforcementParameters, index: ScenarioIndex): string[] {
  const entering = index.legPlaces.filter((l) => p.into.includes(l.toCountry) && l.fromCountry !== l.toCountry).map((l) => l.id);
  return [...new Set([...p.legs, ...entering])];
}
