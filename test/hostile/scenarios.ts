import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { parse as parseYaml, stringify } from 'yaml';
import { ROOT } from '../helpers.js';

/**
 * What a variant must do. `refused`: exit 2, a message naming the file and a
 * field path or line, nothing written. `same`: the same output as the base
 * (benign changes: BOM, CRLF, anchors, JSON). `either`: a change that may or
 * may not be an error (an optional field removed, a huge but finite number, a
 * cut that ends on a whole item): refused cleanly, or run cleanly.
 */
export type Expectation = 'refused' | 'same' | 'either' | 'warned';

export interface Variant {
  kind: string;
  name: string;
  /** Files of the variant's folder by name; the first is the one to run. */
  files: Record<string, string | Uint8Array>;
  expect: Expectation;
  /** Text the error message must not contain (the contents of a file that is not a scenario). */
  secret?: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The valid fixture with a policy, so that policies are damaged too. */
export const BASE_TEXT = readFileSync(join(ROOT, 'test', 'fixtures', 'valid.yaml'), 'utf8')
  + 'policies:\n  - { plugin: set-attribute, name: sea-closure, kind: leg, targets: [tra-des], attribute: interception, value: 0.5, from: 2020-04, until: 2020-10 }\n';
export const ENTRY = 'scenario.yaml';

/** A fresh copy of the base as plain data (it is our own valid file: a plain parse is enough). */
const base = (): { [k: string]: Json } => JSON.parse(JSON.stringify(parseYaml(BASE_TEXT)));

type Path = Array<string | number>;

/** Every path to a value in the base: objects, lists and leaves, at every depth. */
function paths(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push([...prefix, i], ...paths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...paths(v, [...prefix, k]));
  return out;
}

function getAt(root: Json, path: Path): Json {
  return path.reduce<Json>((v, p) => (v as Record<string | number, Json>)[p], root);
}

function setAt(root: Json, path: Path, value: Json | undefined): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value !== undefined) parent[last] = value;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
}

function changed(change: (s: { [k: string]: Json }) => void): string {
  const s = base();
  change(s);
  return stringify(s);
}

const one = (kind: string, name: string, text: string | Uint8Array, expect: Expectation = 'refused', extra: Record<string, string | Uint8Array> = {}, secret?: string): Variant => ({
  kind, name, files: { [ENTRY]: text, ...extra }, expect, secret,
});

/** A seeded corpus of damaged scenario files: every kind the issue lists, many variants of most. */
export function scenarioVariants(seed: number): Variant[] {
  const rng = seedrandom(String(seed));
  const pick = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]);
    return out;
  };
  const all = paths(base());
  const leaves = all.filter((p) => { const v = getAt(base(), p); return v === null || typeof v !== 'object'; });
  const numbers = leaves.filter((p) => typeof getAt(base(), p) === 'number');
  const strings = leaves.filter((p) => typeof getAt(base(), p) === 'string');
  const containers = all.filter((p) => { const v = getAt(base(), p); return v !== null && typeof v === 'object'; });
  const v: Variant[] = [];
  const label = (p: Path) => p.join('.');

  // Every field at every depth removed (required ones must be refused; optional ones take their default).
  for (const p of all) v.push(one('remove-field', label(p), changed((s) => setAt(s, p, undefined)), 'either'));
  // Type swaps: a scalar made a list or an object, a container made a scalar.
  for (const p of pick(leaves, 12)) v.push(one('type-swap', `${label(p)} as a list`, changed((s) => setAt(s, p, [1, 2]))));
  for (const p of pick(leaves, 6)) v.push(one('type-swap', `${label(p)} as an object`, changed((s) => setAt(s, p, { x: 1 }))));
  for (const p of pick(containers, 8)) v.push(one('type-swap', `${label(p)} as text`, changed((s) => setAt(s, p, 'text'))));
  for (const p of pick(strings, 6)) v.push(one('type-swap', `${label(p)} as true`, changed((s) => setAt(s, p, true))));
  // Non-finite and huge numbers (YAML's .inf and .nan, and numbers too big for any field).
  for (const p of pick(numbers, 8)) {
    const text = changed((s) => setAt(s, p, 123456.789));
    v.push(one('non-finite', `${label(p)} = .inf`, text.replace('123456.789', '.inf')));
    v.push(one('non-finite', `${label(p)} = .nan`, text.replace('123456.789', '.nan')));
    v.push(one('non-finite', `${label(p)} = -.inf`, text.replace('123456.789', '-.inf')));
  }
  for (const p of pick(numbers, 8)) v.push(one('huge-number', `${label(p)} = 1e300`, changed((s) => setAt(s, p, 1e300)), 'either'));
  for (const p of pick(numbers, 8)) v.push(one('negative-number', `${label(p)} = -1`, changed((s) => setAt(s, p, -1))));
  // Sizes no machine can run, and runs that never end.
  v.push(one('huge-run', 'population 1e13 at scale 1', changed((s) => { (s.countries as Json[] as Array<Record<string, Json>>)[0].population = 1e13; (s.agents as Record<string, Json>).scale = 1; })));
  v.push(one('huge-run', 'scale 1e-9', changed((s) => { (s.agents as Record<string, Json>).scale = 1e-9; })));
  v.push(one('huge-run', 'ticks 10000000', changed((s) => { s.ticks = 10_000_000; })));
  v.push(one('huge-run', '10000 countries', changed((s) => {
    const extra = Array.from({ length: 10_000 }, (_, i) => ({ id: `C${i}`, population: 1000, gdpPerCapita: 1000, wages: { low: 1, high: 2 } }));
    s.countries = [...(s.countries as Json[]), ...extra];
  })));
  // Dangling references and duplicate ids.
  const dangling: Array<[string, Path]> = [['legs.0.from', ['legs', 0, 'from']], ['legs.1.to', ['legs', 1, 'to']], ['routes.0.legs.1', ['routes', 0, 'legs', 1]],
    ['agents.origins.0', ['agents', 'origins', 0]], ['channels.0.destination', ['channels', 0, 'destination']], ['policies.0.targets.0', ['policies', 0, 'targets', 0]],
    ['countries.2.asylum.recognition.ORI', ['countries', 2, 'asylum', 'recognition', 'XYZ']]];
  for (const [name, p] of dangling) v.push(one('dangling-reference', name, changed((s) => setAt(s, p, 'XYZ'))));
  v.push(one('duplicate-id', 'a country id twice', changed((s) => { (s.countries as Array<Record<string, Json>>)[1].id = 'ORI'; })));
  v.push(one('duplicate-id', 'a leg id twice', changed((s) => { (s.legs as Array<Record<string, Json>>)[1].id = 'ori-tra'; })));
  v.push(one('duplicate-id', 'a place and a leg', changed((s) => { (s.legs as Array<Record<string, Json>>)[1].id = 'TRA-CAP'; })));
  // Broken chains of legs.
  v.push(one('broken-chain', 'route legs reversed', changed((s) => { (s.routes as Array<Record<string, Json>>)[0].legs = ['tra-des', 'ori-tra']; })));
  v.push(one('broken-chain', 'route with a leg twice', changed((s) => { (s.routes as Array<Record<string, Json>>)[0].legs = ['ori-tra', 'ori-tra']; })));
  v.push(one('broken-chain', 'leg to itself', changed((s) => { (s.legs as Array<Record<string, Json>>)[0].to = 'ORI'; })));
  // Bad dates.
  for (const start of ['2020-13', '0000-01', '2020-1', 'yesterday', '2020-00', '20-01']) v.push(one('bad-date', `start ${start}`, changed((s) => { s.start = start; })));
  v.push(one('bad-date', 'start as a number', changed((s) => { s.start = 2020; })));
  v.push(one('bad-date', 'series year "abcd"', BASE_TEXT.replace('2020: 40000', 'abcd: 40000')));
  v.push(one('bad-date', 'series year 20201', BASE_TEXT.replace('2020: 40000', '20201: 40000')));
  // Bad policies.
  const policy = (change: Record<string, Json>) => changed((s) => { Object.assign((s.policies as Array<Record<string, Json>>)[0], change); });
  v.push(one('bad-policy', 'from after until', policy({ from: '2020-10', until: '2020-04' })));
  v.push(one('bad-policy', 'from equal to until', policy({ from: '2020-06', until: '2020-06' })));
  v.push(one('bad-policy', 'from before the run', policy({ from: '1900-01' })));
  v.push(one('bad-policy', 'from after the run', policy({ from: '9999-01', until: null })));
  v.push(one('bad-policy', 'from a tick after the run', policy({ from: 99, until: null })));
  v.push(one('bad-policy', 'empty targets', policy({ targets: [] })));
  v.push(one('bad-policy', 'unknown plugin', policy({ plugin: 'wall' })));
  v.push(one('bad-policy', 'unknown attribute', policy({ attribute: 'speed' })));
  v.push(one('bad-policy', 'value out of range', policy({ value: 7 })));
  v.push(one('bad-policy', 'a country as a leg target', policy({ targets: ['ORI'] })));
  v.push(one('bad-policy', 'two policies with one name', changed((s) => { s.policies = [...(s.policies as Json[]), (s.policies as Json[])[0]]; })));
  // Hostile expressions.
  const expressions = [
    'f(x) = x <= 0 ? 0 : f(x - 1) + f(x - 1); f(60) * 0 + 0.1', 'tick == 5 ? (f(x) = f(x)) : 0.1', 'random()', 'randomInt(0, 2)', 'evaluate("0.1")',
    'parse("0.1")', 'simplify("t")', 't = 0.1', 'tick == 3 ? 0/0 : 0.1', 'tick == 7 ? 1e400 : 0.1', 't > 0.4 and t < 0.5 ? 2 : 0.1', 'tick == 11 ? -1 : 0.1',
    '{a: 0.1}.a', '[0.1, 0.2][1]', '"0.1"', 'cos(t)', 't!', 'x + 0.1', 'import({}, {})', `${'('.repeat(3000)}0.1${')'.repeat(3000)}`, `0.1${' + 0'.repeat(5000)}`,
    '1 ? 2 : 3 : 4', 'tick > 3', '0.1; 0.2', 'createUnit("x")',
  ];
  for (const e of expressions) v.push(one('hostile-expression', e.length > 40 ? `${e.slice(0, 37)}...` : e, changed((s) => { (s.countries as Array<Record<string, Json>>)[0].conflict = e; })));
  // Unknown fields at every depth.
  for (const p of pick(containers.filter((c) => !Array.isArray(getAt(base(), c))), 8)) v.push(one('unknown-field', `${label(p)}.speed`, changed((s) => setAt(s, [...p, 'speed'], 1))));
  v.push(one('unknown-field', 'top-level speed', changed((s) => { s.speed = 1; })));

  // Damage to the text itself.
  const bytes = new TextEncoder().encode(BASE_TEXT);
  for (let k = 0; k < 10; k++) {
    const cut = 1 + Math.floor(rng() * (bytes.length - 2));
    v.push(one('truncation', `cut at byte ${cut}`, bytes.slice(0, cut), 'either'));
  }
  for (const [name, bad] of [['0xff', [0xff]], ['lone continuation', [0x80]], ['overlong', [0xc0, 0xaf]], ['cut sequence', [0xe2, 0x82]], ['surrogate', [0xed, 0xa0, 0x80]]] as const) {
    const at = BASE_TEXT.indexOf('fixture') + 3;
    const head = new TextEncoder().encode(BASE_TEXT.slice(0, at));
    const tail = new TextEncoder().encode(BASE_TEXT.slice(at));
    v.push(one('bad-utf8', name, new Uint8Array([...head, ...bad, ...tail])));
  }
  v.push(one('benign', 'byte-order mark', '\ufeff' + BASE_TEXT, 'same'));
  v.push(one('benign', 'CRLF line ends', BASE_TEXT.replace(/\n/g, '\r\n'), 'same'));
  v.push(one('benign', 'anchors and aliases', BASE_TEXT.replace('origins: [ORI]', 'origins: [&o ORI]').replace('  - id: ORI', '  - id: *o').replace('from: ORI,', 'from: *o,'), 'same'));
  v.push(one('benign', 'as JSON', JSON.stringify(base()), 'same'));
  const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...'bcdef'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdef'[i]}`).join(',')}]`)].join('\n');
  v.push(one('alias-bomb', 'six levels', `${BASE_TEXT}${bomb}\n`));
  v.push(one('alias-bomb', 'inside a field', BASE_TEXT.replace('name: fixture', `name: fixture\ndescription: { ${bomb.split('\n').join(', ')} }`)));
  v.push(one('unknown-alias', 'x: *zz', `${BASE_TEXT}x: *zz\n`));
  v.push(one('unknown-alias', 'alias before its anchor', BASE_TEXT.replace('ticks: 12', 'ticks: *t\nseed: &t 12')));
  v.push(one('deep-nesting', '3000 block maps', `${BASE_TEXT}deep:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`));
  v.push(one('deep-nesting', '5000 flow lists', BASE_TEXT.replace('name: fixture', `name: ${'['.repeat(5000)}${']'.repeat(5000)}`)));
  v.push(one('deep-nesting', '100 levels in a quantity', changed((s) => { let x: Json = 1; for (let k = 0; k < 100; k++) x = { 2020: x }; (s.countries as Array<Record<string, Json>>)[0].population = x; })));
  v.push(one('proto-key', 'diaspora __proto__', BASE_TEXT.replace('    conflict: "0.2 + 0.1 * t"', '    conflict: "0.2 + 0.1 * t"\n    diaspora: { __proto__: 5 }')));
  v.push(one('proto-key', 'top-level __proto__', `${BASE_TEXT}__proto__: { ticks: 5 }\n`));
  v.push(one('proto-key', 'behaviour __proto__', `${BASE_TEXT}behaviour: { __proto__: 1 }\n`));
  v.push(one('unknown-tag', '!custom', BASE_TEXT.replace('ticks: 12', 'ticks: !custom 12')));
  v.push(one('unknown-tag', '!!js/function', BASE_TEXT.replace('name: fixture', 'name: !!js/function "function () { return 1 }"')));
  v.push(one('unknown-tag', '!!binary', BASE_TEXT.replace('name: fixture', 'name: !!binary aGVsbG8=')));
  v.push(one('yaml-syntax', 'unclosed list', BASE_TEXT.replace('origins: [ORI] }', 'origins: [ORI }')));
  v.push(one('yaml-syntax', 'duplicate key', `${BASE_TEXT}ticks: 13\n`));
  v.push(one('yaml-syntax', 'tab indentation', BASE_TEXT.replace('  - id: TRA', '\t- id: TRA')));
  v.push(one('yaml-syntax', 'bad indentation', BASE_TEXT.replace('    population: 100000', '      population: 100000')));
  v.push(one('not-a-scenario', 'empty', ''));
  v.push(one('not-a-scenario', 'whitespace and comments', '  \n# nothing\n'));
  v.push(one('not-a-scenario', 'a list', '- 1\n- 2\n'));
  v.push(one('not-a-scenario', 'a number', '42\n'));
  v.push(one('long-message', 'a 1 MB key', `${BASE_TEXT}${'k'.repeat(1_000_000)}: 1\n`));
  v.push(one('long-message', 'a 1 MB id', BASE_TEXT.replace('id: work', `id: ${'w'.repeat(1_000_000)}`)));
  // extends: loops, escapes, missing bases, files that are not scenarios.
  v.push({ kind: 'extends', name: 'a loop of two', files: { [ENTRY]: 'extends: b.yaml\nname: a\n', 'b.yaml': `extends: ${ENTRY}\nname: b\n` }, expect: 'refused' });
  v.push(one('extends', 'itself', `extends: ${ENTRY}\nname: a\n`));
  v.push(one('extends', 'a missing base', 'extends: nowhere.yaml\nname: a\n'));
  v.push(one('extends', 'escaping to /etc/passwd', 'extends: ../../../../../../../../etc/passwd\nname: a\n', 'refused', {}, 'root:'));
  v.push(one('extends', 'absolute /etc/passwd', 'extends: /etc/passwd\nname: a\n', 'refused', {}, 'root:'));
  v.push(one('extends', 'absolute /proc/self/environ', 'extends: /proc/self/environ\nname: a\n', 'refused', {}, 'PATH='));
  v.push(one('extends', 'a file that is not a scenario', 'extends: secrets.txt\nname: a\n', 'refused', { 'secrets.txt': 'token: SECRET-TOKEN-123\n' }, 'SECRET-TOKEN-123'));
  v.push(one('extends', 'a CSV file', 'extends: data.csv\nname: a\n', 'refused', { 'data.csv': 'user,password\nalice,SECRET-PASSWORD\n' }, 'SECRET-PASSWORD'));
  v.push(one('extends', 'a base with bad UTF-8', 'extends: base.yaml\nname: a\n', 'refused', { 'base.yaml': new Uint8Array([...new TextEncoder().encode(BASE_TEXT), 0xff]) }));
  v.push(one('extends', 'not a text', 'extends: 42\nname: a\n'));
  v.push({ kind: 'extends', name: 'a valid base (benign)', files: { [ENTRY]: 'extends: base.yaml\nname: fixture\n', 'base.yaml': BASE_TEXT }, expect: 'same' });
  return v;
}
