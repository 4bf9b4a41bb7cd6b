import type { Clock } from '../engine/clock.js';
import type { Plugin } from '../engine/plugin.js';
import type { Scenario } from '../scenario/types.js';
import { indexScenario, type PolicySpec, type PolicyType, type ScenarioIndex } from './policy-type.js';
import { asylumPolicy } from './asylum-policy.js';
import { borderEnforcement } from './border-enforcement.js';
import { labourAgreement } from './labour-agreement.js';
import { returnsReadmission } from './returns-readmission.js';
import { rootCauseAid } from './root-cause-aid.js';
import { searchAndRescue } from './search-and-rescue.js';
import { setAttribute } from './set-attribute.js';
import { transitReadmission } from './transit-readmission.js';

/** Policy types a scenario file can name, by their `plugin` field. */
const POLICY_TYPES = new Map<string, PolicyType<any>>();

/** Makes a policy type available to scenario files (the built-in ones are registered below). */
export function registerPolicyType(type: PolicyType<any>): void {
  if (POLICY_TYPES.has(type.plugin)) throw new Error(`a policy type named "${type.plugin}" is already registered`);
  POLICY_TYPES.set(type.plugin, type);
}

export function policyType(plugin: string): PolicyType<any> | undefined {
  return POLICY_TYPES.get(plugin);
}

export function policyTypeNames(): string[] {
  return [...POLICY_TYPES.keys()];
}

/** The plugins of a scenario's `policies:` section, for one run. */
export function createPolicies(specs: readonly PolicySpec[], index: ScenarioIndex): Plugin[] {
  return specs.map(({ plugin, name, ...parameters }) => {
    const type = POLICY_TYPES.get(plugin);
    if (!type) throw new Error(`no policy type "${plugin}" is registered (known: ${policyTypeNames().join(', ')})`);
    return type.create(name, parameters, index);
  });
}

/** The ids and calendar of a validated scenario, as policy types see them. */
export function scenarioIndex(scenario: Scenario, clock: Clock): ScenarioIndex {
  return indexScenario({ ...scenario, origins: scenario.agents.origins }, clock, scenario.ticks);
}

for (const type of [setAttribute, borderEnforcement, returnsReadmission, labourAgreement, rootCauseAid, searchAndRescue, asylumPolicy, transitReadmission]) registerPolicyType(type);
