import type { PolicyApi, TargetKind } from '../engine/policy-api.js';

/**
 * What the governments hold the world's attributes at, so that a setting is
 * sent through the policy interface only when it changes and the event
 * record shows changes, not every tick's restatement. Kept by kind,
 * attribute and id in nested maps, so no key string is built a call.
 */
export class HeldSettings {
  private readonly held = new Map<string, Map<string, Map<string, number>>>();

  private of(kind: string, attribute: string): Map<string, number> {
    let attributes = this.held.get(kind);
    if (!attributes) this.held.set(kind, (attributes = new Map()));
    let ids = attributes.get(attribute);
    if (!ids) attributes.set(attribute, (ids = new Map()));
    return ids;
  }

  /** Sets an attribute when the value differs from what the governments last set it to. */
  put(api: PolicyApi, kind: Exclude<TargetKind, 'agreement'>, id: string, attribute: string, value: number, reason: string): void {
    const ids = this.of(kind, attribute);
    if (ids.get(id) === value) return;
    ids.set(id, value);
    api.set(kind, id, attribute as never, value, reason);
  }

  /** Gives an attribute back to the scenario (and other policies), if the governments hold it. */
  free(api: PolicyApi, kind: 'channel' | 'channelOrigin', id: string, attribute: 'quotaPerYear', reason: string): void {
    const ids = this.of(kind, attribute);
    if (!ids.has(id)) return;
    ids.delete(id);
    api.release(kind, id, attribute, reason);
  }
}
