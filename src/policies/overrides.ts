import type { AttributesOf, PolicyApi, TargetKind } from '../engine/policy-api.js';
import type { Plugin } from '../engine/plugin.js';
import type { ScenarioIndex } from './policy-type.js';
import { windowTicks, type PolicyWindow } from './parameters.js';

/**
 * The overrides one policy holds: it sets a value only when it differs from
 * the last it set, so the event record shows changes, not every tick, and it
 * can release everything it set when its window closes.
 */
export class PolicyOverrides {
  private readonly held = new Map<string, { kind: TargetKind; id: string; attribute: string; value: number }>();

  set<K extends TargetKind>(api: PolicyApi, kind: K, id: string, attribute: AttributesOf[K], value: number, reason: string): void {
    const key = `${kind}\u0000${id}\u0000${attribute}`;
    if (this.held.get(key)?.value === value) return;
    api.set(kind, id, attribute, value, reason);
    this.held.set(key, { kind, id, attribute, value });
  }

  releaseAll(api: PolicyApi, reason: string): void {
    for (const h of this.held.values()) api.release(h.kind, h.id, h.attribute as never, reason);
    this.held.clear();
  }
}

/**
 * A plugin in force over its window: each tick from `from` (exclusive of
 * `until`) it applies its overrides in the policies phase; when the window
 * closes, everything it set is released and the scenario's values apply again.
 */
export function scheduledPolicy<P extends PolicyWindow & Record<string, unknown>>(
  name: string, parameters: P, index: ScenarioIndex, apply: (api: PolicyApi, overrides: PolicyOverrides, start: number) => void,
): Plugin {
  const { start, end } = windowTicks(parameters, index);
  const overrides = new PolicyOverrides();
  return {
    name,
    parameters,
    hooks: {
      policies: (api) => {
        if (api.tick === end) overrides.releaseAll(api, `${name}: ends`);
        if (api.tick >= start && api.tick < end) apply(api, overrides, start);
      },
    },
  };
}
