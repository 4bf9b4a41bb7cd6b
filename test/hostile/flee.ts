import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { FIXTURES, VALIDATION, folderFiles } from '../flee/tiny.js';
import type { Variant } from './scenarios.js';

/** The folder a Flee variant is run from, beside its settings file. */
export const FLEE_ENTRY = 'conflict';

const LOCATIONS = 'input_csv/locations.csv';
const ROUTES = 'input_csv/routes.csv';
const CLOSURES = 'input_csv/closures.csv';
const CONFLICTS = 'input_csv/conflicts.csv';
const PERIOD = 'input_csv/sim_period.csv';
const SETTINGS = 'simsetting.yml';

/** The hand-made tiny conflict and the validation settings, as files of a variant. */
export function fleeBase(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = { [SETTINGS]: readFileSync(join(VALIDATION, 'simsetting.yml'), 'utf8') };
  for (const [name, text] of folderFiles(join(FIXTURES, 'tiny'))) files[`${FLEE_ENTRY}/${name}`] = text;
  return files;
}

const text = (files: Record<string, string | Uint8Array>, name: string) => files[`${FLEE_ENTRY}/${name}`] as string;

/** A seeded corpus of damaged Flee folders and settings files, and of FabFlee's habits (warned, refused with --strict). */
export function fleeVariants(seed: number): Variant[] {
  const rng = seedrandom(`flee-${seed}`);
  const v: Variant[] = [];
  const variant = (kind: string, name: string, change: (files: Record<string, string | Uint8Array>) => void, expect: Variant['expect'] = 'refused') => {
    const files = fleeBase();
    change(files);
    v.push({ kind, name, files, expect });
  };
  const edit = (file: string, f: (t: string) => string) => (files: Record<string, string | Uint8Array>) => { files[`${FLEE_ENTRY}/${file}`] = f(text(files, file)); };
  const set = (file: string, content: string | Uint8Array | undefined) => (files: Record<string, string | Uint8Array>) => {
    if (content === undefined) delete files[file === SETTINGS ? file : `${FLEE_ENTRY}/${file}`];
    else files[file === SETTINGS ? file : `${FLEE_ENTRY}/${file}`] = content;
  };

  for (const file of [LOCATIONS, ROUTES, CLOSURES, PERIOD, 'source_data/data_layout.csv', 'source_data/calla.csv']) variant('missing-file', file, set(file, undefined));
  for (const file of [LOCATIONS, ROUTES, CLOSURES, CONFLICTS, PERIOD]) {
    for (let k = 0; k < 3; k++) {
      variant('truncation', `${file} cut`, (files) => {
        const t = text(files, file);
        const lines = t.split('\n');
        // Cut inside a data row, so the file ends mid-row.
        const row = 1 + Math.floor(rng() * Math.max(1, lines.length - 2));
        const cut = lines.slice(0, row).join('\n').length + 1 + Math.max(1, Math.floor((lines[row]?.length ?? 2) / 2));
        files[`${FLEE_ENTRY}/${file}`] = t.slice(0, cut);
      }, 'either');
    }
  }
  for (const distance of ['x', '-5', '0', 'inf', '1e999', '12 km', '']) variant('bad-number', `distance "${distance}"`, edit(ROUTES, (t) => t.replace('Arda,Borin,100', `Arda,Borin,${distance}`)));
  for (const pop of ['-1', 'many', '1e400', '22,849']) variant('bad-number', `population "${pop}"`, edit(LOCATIONS, (t) => t.replace('conflict_zone,0,30000', `conflict_zone,0,"${pop}"`)));
  variant('bad-number', 'latitude 200', edit(LOCATIONS, (t) => t.replace('10.0,20.0', '200,20.0')));
  variant('bad-number', 'conflict intensity -1', edit(CONFLICTS, (t) => t.replace('\n1,1,0', '\n1,-1,0')));
  variant('bad-number', 'a count of 1e12', edit('source_data/calla.csv', (t) => t.replace('2020-04-04,600', '2020-04-04,1e12')));
  variant('dangling-name', 'a route to nowhere', edit(ROUTES, (t) => t.replace('Borin,Dunmore', 'Borin,Dunmoor')));
  variant('dangling-name', 'a closure of an unknown link', edit(CLOSURES, (t) => t.replace('link,Borin,Calla', 'link,Borin,Callla')));
  variant('dangling-name', 'a closure between places with no route', edit(CLOSURES, (t) => t.replace('link,Borin,Calla', 'link,Arda,Calla')));
  variant('dangling-name', 'a camp closure of a town', edit(CLOSURES, (t) => t.replace('link,Borin,Calla,2,4', 'camp,Borin,,2,4')));
  variant('bad-date', 'start 2020-02-30', edit(PERIOD, (t) => t.replace('2020-03-30', '2020-02-30')));
  variant('bad-date', 'start 30/03/2020', edit(PERIOD, (t) => t.replace('2020-03-30', '30/03/2020')));
  variant('bad-date', 'a count on 2020-13-01', edit('source_data/calla.csv', (t) => t.replace('2020-04-04', '2020-13-01')));
  variant('bad-date', 'length 0', edit(PERIOD, (t) => t.replace('Length,12', 'Length,0')));
  variant('bad-date', 'length 1000000', edit(PERIOD, (t) => t.replace('Length,12', 'Length,1000000')));
  variant('void-closure', 'ends before it starts', edit(CLOSURES, (t) => t.replace('link,Borin,Calla,2,4', 'link,Borin,Calla,4,2')));
  variant('void-closure', 'ends when it starts', edit(CLOSURES, (t) => t.replace('link,Borin,Calla,2,4', 'link,Borin,Calla,3,3')));
  variant('extra-cells', 'a route row with a fifth cell', edit(ROUTES, (t) => t.replace('Arda,Borin,100,', 'Arda,Borin,100,,7')));
  variant('extra-cells', 'a closure row with a sixth cell', edit(CLOSURES, (t) => t.replace('link,Borin,Calla,2,4', 'link,Borin,Calla,2,4,9')));
  variant('duplicate', 'a location named twice', edit(LOCATIONS, (t) => `${t.trimEnd()}\nBorin,North,Homeland,10.5,20.5,town,,\n`));
  variant('duplicate', 'a conflicts.csv column twice', edit(CONFLICTS, (t) => t.replace('#Day,Arda,Eskar', '#Day,Arda,Arda')));
  variant('bad-type', 'location type village', edit(LOCATIONS, (t) => t.replace('Borin,North,Homeland,10.5,20.5,town', 'Borin,North,Homeland,10.5,20.5,village')));
  variant('bad-type', 'location type flood_zone', edit(LOCATIONS, (t) => t.replace('Borin,North,Homeland,10.5,20.5,town', 'Borin,North,Homeland,10.5,20.5,flood_zone')));
  variant('bad-type', 'closure type border', edit(CLOSURES, (t) => t.replace('link,', 'border,')));
  variant('no-conflict', 'no conflict on any day', (files) => {
    edit(CONFLICTS, (t) => t.replace(/^(\d+),1,/gm, '$1,0,').replace(/,1$/gm, ',0'))(files);
  });
  for (const [name, bytes] of [['0xff', [0xff]], ['lone continuation', [0x80]], ['cut sequence', [0xe2, 0x82]]] as const) {
    variant('bad-utf8', `locations.csv ${name}`, (files) => {
      const t = text(files, LOCATIONS);
      const at = t.indexOf('Borin') + 2;
      files[`${FLEE_ENTRY}/${LOCATIONS}`] = new Uint8Array([...new TextEncoder().encode(t.slice(0, at)), ...bytes, ...new TextEncoder().encode(t.slice(at))]);
    });
  }
  // Settings files.
  const settings = (name: string, change: (t: string) => string, expect: Variant['expect'] = 'refused') => variant('settings', name, (files) => { files[SETTINGS] = change(files[SETTINGS] as string); }, expect);
  settings('a misspelt key', (t) => t.replace('camp_movechance', 'camp_movechanse'));
  settings('an unknown section', (t) => `${t}\nmove_rule:\n  softening: 10\n`);
  settings('a value of the wrong kind', (t) => t.replace(/camp_movechance: [\d.]+/, 'camp_movechance: lots'));
  settings('an alias bomb', (t) => `${t}\nx: &a [1,1,1,1,1,1,1,1,1,1]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nw: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nv: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`);
  settings('an unknown alias', (t) => `${t}\nx: *zz\n`);
  settings('a YAML syntax error', (t) => `${t}\nmove_rules: [\n`);
  settings('an unknown tag', (t) => t.replace(/camp_movechance: ([\d.]+)/, 'camp_movechance: !custom $1'));
  settings('a __proto__ key', (t) => t.replace('move_rules:', 'move_rules:\n  __proto__: 1'));
  settings('deep nesting', (t) => `${t}\ndeep:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 2)}a:`).join('\n')} 1\n`);
  settings('a Flee setting this rule set does not implement', (t) => t.replace('move_rules:', 'move_rules:\n  max_crossing_speed: 20'), 'warned');
  // What FabFlee's folders do, which Flee runs: read as Flee does, warned, refused with --strict.
  variant('flee-habit', 'a route listed both ways', edit(ROUTES, (t) => `${t.trimEnd()}\nBorin,Arda,100,\n`), 'warned');
  variant('flee-habit', 'a route listed twice', edit(ROUTES, (t) => `${t.trimEnd()}\nArda,Borin,100,\n`), 'warned');
  variant('flee-habit', 'a no-op remove_forced_redirection', edit(CLOSURES, (t) => `${t.trimEnd()}\nremove_forced_redirection,Arda,Calla,0,5\n`), 'warned');
  variant('flee-habit', 'a conflicts.csv column with a space for an underscore', (files) => {
    edit(LOCATIONS, (t) => t.replace(/^Eskar,/m, 'Eskar_Town,'))(files);
    edit(ROUTES, (t) => t.replace('Eskar,Borin', 'Eskar_Town,Borin'))(files);
    edit(CONFLICTS, (t) => t.replace('#Day,Arda,Eskar', '#Day,Arda,Eskar Town'))(files);
  }, 'warned');
  variant('flee-habit', 'location type "forward"', edit(LOCATIONS, (t) => t.replace('Borin,North,Homeland,10.5,20.5,town', 'Borin,North,Homeland,10.5,20.5,forward')), 'warned');
  variant('flee-habit', 'location type "Conflict"', edit(LOCATIONS, (t) => t.replace('South,Homeland,9.5,19.5,conflict_zone', 'South,Homeland,9.5,19.5,Conflict')), 'warned');
  variant('flee-habit', 'no conflicts.csv', set(CONFLICTS, undefined), 'warned');
  // Benign: the same output.
  variant('benign', 'byte-order marks', (files) => { for (const f of [LOCATIONS, ROUTES, CLOSURES]) edit(f, (t) => '\ufeff' + t)(files); }, 'same');
  variant('benign', 'CRLF line ends', (files) => { for (const f of [LOCATIONS, ROUTES, CLOSURES, CONFLICTS, PERIOD]) edit(f, (t) => t.replace(/\n/g, '\r\n'))(files); }, 'same');
  variant('benign', 'settings with anchors', (files) => { files[SETTINGS] = (files[SETTINGS] as string).replace(/camp_weight: ([\d.]+)/, 'camp_weight: &w $1'); }, 'same');
  return v;
}
