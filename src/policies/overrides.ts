import type { AttributesOf, PolicyApi, TargetKind } from '../engine/policy-api.js';

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
