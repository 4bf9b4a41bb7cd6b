import { describe, expect, it } from 'vitest';
import { checkFieldPath, FieldPathError, parseFieldPath, withFieldValues } from '../../src/experiment/paths.js';
import { sweepPoints } from '../../src/experiment/sweep.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { mediterranean } from '../helpers.js';

const s = mediterranean({ scale: 50_000 });

describe('scenario field paths', () => {
  it('read fields, indices and selectors', () => {
    expect(parseFieldPath('legs[15].interception')).toEqual([{ field: 'legs' }, { index: 15 }, { field: 'interception' }]);
    expect(parseFieldPath('countries[id=SYR].wages.low')).toEqual([{ field: 'countries' }, { match: { field: 'id', value: 'SYR' } }, { field: 'wages' }, { field: 'low' }]);
    expect(parseFieldPath('behaviour.choiceDeath')).toEqual([{ field: 'behaviour' }, { field: 'choiceDeath' }]);
  });

  it('set a value without touching the original, by index or by id', () => {
    const lbyIta = s.legs.findIndex((l) => l.id === 'lby-ita');
    const v = withFieldValues(s, { [`legs[${lbyIta}].interception`]: 0.5, 'countries[id=SYR].conflict': 0.2, 'behaviour.choiceDeath': 1 });
    expect(v.legs[lbyIta].interception).toBe(0.5);
    expect(v.countries.find((c) => c.id === 'SYR')!.conflict).toBe(0.2);
    expect(v.behaviour.choiceDeath).toBe(1);
    expect(s.legs[lbyIta].interception).toBe(0.1);
    expect(withFieldValues(s, { 'legs[id=lby-ita].interception': 0.5 }).legs[lbyIta].interception).toBe(0.5);
  });

  it.each([
    ['legs[99].cost', /legs has 20 entries \(indices 0 to 19\), so there is no \[99\]/],
    ['countries[id=XXX].conflict', /no entry of countries has id "XXX" \(ids: SYR, AFG/],
    ['legs[15].interceptio', /legs\[15\] has no field "interceptio" \(fields: id, from, to/],
    ['countries[id=SYR].wages', /holds an object \(fields: low, high\), not a number/],
    ['behaviour.noSuchThing', /behaviour has no field "noSuchThing"/],
    ['legs..cost', /cannot read the path from character 5/],
    ['agents.scale[0]', /agents.scale is the number .*not a list/],
  ])('%s is refused with a clear error', (path, message) => {
    expect(() => checkFieldPath(s, path)).toThrow(FieldPathError);
    expect(() => checkFieldPath(s, path)).toThrow(message);
  });

  it('a value out of range is a scenario error naming the field', () => {
    expect(() => withFieldValues(s, { 'legs[id=lby-ita].interception': 1.5 })).toThrow(ScenarioError);
    expect(() => withFieldValues(s, { 'legs[id=lby-ita].interception': 1.5 })).toThrow(/legs\[15\]\.interception: expected a number from 0 to 1, found the number 1.5/);
  });
});

describe('sweep designs', () => {
  const grid = (values: number[]) => sweepPoints(s, { kind: 'grid', parameters: [{ path: 'legs[id=lby-ita].interception', values }, { path: 'countries[id=SYR].conflict', values: [0.5, 0.9] }] });

  it('a grid is every combination, each with its own seed', () => {
    const points = grid([0.1, 0.3]);
    expect(points.map((p) => p.values)).toEqual([
      { 'legs[id=lby-ita].interception': 0.1, 'countries[id=SYR].conflict': 0.5 },
      { 'legs[id=lby-ita].interception': 0.1, 'countries[id=SYR].conflict': 0.9 },
      { 'legs[id=lby-ita].interception': 0.3, 'countries[id=SYR].conflict': 0.5 },
      { 'legs[id=lby-ita].interception': 0.3, 'countries[id=SYR].conflict': 0.9 },
    ]);
    expect(new Set(points.map((p) => p.seed)).size).toBe(4);
  });

  it('adding a point never shifts another point\'s seed', () => {
    const before = new Map(grid([0.1, 0.3]).map((p) => [p.key, p.seed]));
    const after = grid([0.05, 0.1, 0.2, 0.3]);
    for (const p of after) if (before.has(p.key)) expect(p.seed).toBe(before.get(p.key));
    expect(after.filter((p) => before.has(p.key))).toHaveLength(4);
  });

  it('seeds depend on the root seed', () => {
    const design = { kind: 'grid' as const, parameters: [{ path: 'behaviour.choiceDeath', values: [1] }] };
    expect(sweepPoints(s, design, 1)[0].seed).not.toBe(sweepPoints(s, design, 2)[0].seed);
  });

  it('a random sample stays within its bounds, and asking for more points keeps the first ones', () => {
    const design = (count: number) => ({ kind: 'sample' as const, count, parameters: [{ path: 'legs[id=lby-ita].interception', low: 0.1, high: 0.6 }, { path: 'behaviour.choiceDeath', low: 0.5, high: 2 }] });
    const five = sweepPoints(s, design(5));
    const eight = sweepPoints(s, design(8));
    expect(eight.slice(0, 5)).toEqual(five);
    for (const p of eight) {
      expect(p.values['legs[id=lby-ita].interception']).toBeGreaterThanOrEqual(0.1);
      expect(p.values['legs[id=lby-ita].interception']).toBeLessThanOrEqual(0.6);
    }
    expect(new Set(eight.map((p) => p.values['behaviour.choiceDeath'])).size).toBe(8);
  });

  it('every point is checked before anything runs', () => {
    expect(() => grid([0.1, 2])).toThrow(/with legs\[id=lby-ita\]\.interception=2, countries\[id=SYR\]\.conflict=0\.5: 1 problem/);
    expect(() => sweepPoints(s, { kind: 'grid', parameters: [{ path: 'legs[id=nowhere].cost', values: [1] }] })).toThrow(/no entry of legs has id "nowhere"/);
  });
});
