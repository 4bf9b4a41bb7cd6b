import { ATTRIBUTE_RANGES } from '../world/world.js';
import type { TargetKind } from '../engine/policy-api.js';
import { scheduledPolicy } from './overrides.js';
import type { PolicyType } from './policy-type.js';
import { readIds, readWindow, WINDOW_FIELDS, type PolicyWindow } from './parameters.js';

interface SetAttributeParameters extends PolicyWindow, Record<string, unknown> {
  kind: TargetKind;
  targets: string[];
  attribute: string;
  value: number;
}

const KINDS: readonly TargetKind[] = ['country', 'leg', 'channel', 'agreement'];

/**
 * The simplest policy: set one attribute of some countries, legs or channels
 * to a value from one moment until another (a shock, a closure, a new quota).
 */
export const setAttribute: PolicyType<SetAttributeParameters> = {
  plugin: 'set-attribute',
  description: 'Sets an attribute of countries, legs or channels to a value from `from` until `until` (or the end).',
  read(spec, path, r, index) {
    const obj = r.object(spec, path, ['kind', 'targets', 'attribute', 'value', ...WINDOW_FIELDS]);
    if (!obj) return undefined;
    const kind = r.oneOf(obj.kind, [...path, 'kind'], KINDS);
    const known = kind === undefined ? [] : kind === 'country' ? index.countries : kind === 'leg' ? index.legs : kind === 'agreement' ? index.agreements : index.channels;
    const targets = readIds(r, obj.targets, [...path, 'targets'], known, kind ?? 'target');
    const ranges = kind === undefined ? {} : (ATTRIBUTE_RANGES[kind] as Record<string, { min: number; max: number }>);
    const attribute = kind === undefined ? undefined : r.oneOf(obj.attribute, [...path, 'attribute'], Object.keys(ranges));
    const value = attribute === undefined ? undefined : r.number(obj.value, [...path, 'value'], ranges[attribute]);
    const window = readWindow(r, obj, path, index);
    if (kind === undefined || !targets || attribute === undefined || value === undefined || !window) return undefined;
    return { kind, targets, attribute, value, ...window };
  },
  create(name, p, index) {
    return scheduledPolicy(name, p, index, (api, overrides) => {
      for (const t of p.targets) overrides.set(api, p.kind, t, p.attribute as never, p.value, `${name}: from ${p.from}`);
    });
  },
};
