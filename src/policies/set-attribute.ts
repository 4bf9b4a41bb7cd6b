import { ATTRIBUTE_RANGES } from '../world/world.js';
import type { TargetKind } from '../engine/policy-api.js';
import type { PolicyType } from './policy-type.js';
import { momentToTick, readMoment, type Moment } from './timing.js';

interface SetAttributeParameters extends Record<string, unknown> {
  kind: TargetKind;
  targets: string[];
  attribute: string;
  value: number;
  from: Moment;
  until: Moment | null;
}

const KINDS: readonly TargetKind[] = ['country', 'leg', 'channel'];

/**
 * The simplest policy: set one attribute of some countries, legs or channels
 * to a value from one moment until another (a shock, a closure, a new quota).
 */
export const setAttribute: PolicyType<SetAttributeParameters> = {
  plugin: 'set-attribute',
  description: 'Sets an attribute of countries, legs or channels to a value from `from` until `until` (or the end).',
  read(spec, path, r, index) {
    const obj = r.object(spec, path, ['kind', 'targets', 'attribute', 'value', 'from', 'until']);
    if (!obj) return undefined;
    const kind = r.oneOf(obj.kind, [...path, 'kind'], KINDS);
    const list = r.list(obj.targets, [...path, 'targets'], 'a list of ids');
    const known = kind === undefined ? [] : kind === 'country' ? index.countries : kind === 'leg' ? index.legs : index.channels;
    const targets = list?.map((t, i) => {
      if (typeof t !== 'string' || !known.includes(t)) r.report([...path, 'targets', i], `a ${kind ?? 'target'} id (one of ${known.join(', ')})`, t);
      return t as string;
    });
    const ranges = kind === undefined ? {} : (ATTRIBUTE_RANGES[kind] as Record<string, { min: number; max: number }>);
    const attribute = kind === undefined ? undefined : r.oneOf(obj.attribute, [...path, 'attribute'], Object.keys(ranges));
    const value = attribute === undefined ? undefined : r.number(obj.value, [...path, 'value'], ranges[attribute]);
    const from = obj.from === undefined ? 0 : readMoment(r, obj.from, [...path, 'from'], index.ticks);
    const until = obj.until === undefined || obj.until === null ? null : readMoment(r, obj.until, [...path, 'until'], index.ticks);
    if (kind === undefined || !targets || attribute === undefined || value === undefined || from === undefined || until === undefined) return undefined;
    return { kind, targets, attribute, value, from, until };
  },
  create(name, p, index) {
    const start = momentToTick(p.from, index.clock);
    const end = p.until === null ? Number.POSITIVE_INFINITY : momentToTick(p.until, index.clock);
    const attribute = p.attribute as never;
    return {
      name,
      parameters: p,
      hooks: {
        policies: (api) => {
          if (api.tick === start) for (const t of p.targets) api.set(p.kind, t, attribute, p.value, `${name}: from ${p.from}`);
          if (api.tick === end) for (const t of p.targets) api.release(p.kind, t, attribute, `${name}: until ${p.until}`);
        },
      },
    };
  },
};
