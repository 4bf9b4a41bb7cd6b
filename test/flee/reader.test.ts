import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FleeFormatError, formatFleeIssue } from '../../src/flee/errors.js';
import { readFleeScenario } from '../../src/flee/reader.js';
import { observedOn } from '../../src/flee/scenario.js';
import { DEFAULT_FLEE_SETTINGS, parseFleeSettings } from '../../src/flee/settings.js';
import { readFleeFolder, readFleeSettingsFile } from '../../src/node/flee-files.js';
import { CONFLICTS, VALIDATION, bad, dataRows, tiny, tinyFiles } from './tiny.js';

/** The issues a read raises, each as one line of text. */
function issuesOf(read: () => unknown): string[] {
  try {
    read();
  } catch (e) {
    if (e instanceof FleeFormatError) return e.issues.map(formatFleeIssue);
    throw e;
  }
  throw new Error('expected a FleeFormatError, but the input was read');
}

describe('reading the eight validation conflicts', () => {
  it.each(CONFLICTS)('%s: places, links and closures as many as the files list', (conflict) => {
    const dir = join(VALIDATION, conflict);
    const s = readFleeFolder(dir);
    expect(s.name).toBe(conflict);
    expect(s.places).toHaveLength(dataRows(join(dir, 'input_csv', 'locations.csv')));
    expect(s.links).toHaveLength(dataRows(join(dir, 'input_csv', 'routes.csv')));
    expect(s.closures).toHaveLength(dataRows(join(dir, 'input_csv', 'closures.csv')));
    const period = readFileSync(join(dir, 'input_csv', 'sim_period.csv'), 'utf8');
    expect(s.days).toBe(Number(/Length,(\d+)/.exec(period)![1]));
    expect(s.startDate).toBe(/StartDate,([\d-]+)/.exec(period)![1]);
    // Every camp has its UNHCR counts.
    for (const p of s.places.filter((x) => x.type === 'camp')) expect(s.observedSeries.map((x) => x.name)).toContain(p.name);
  });

  it('reads CAR\'s camps summed from two files, and keeps a series that names no place', () => {
    const s = readFleeFolder(join(VALIDATION, 'car2013'));
    const betou = s.observedSeries.find((x) => x.name === 'Betou')!;
    expect(betou.files).toEqual(['con-betou.csv', 'con-betou-outside.csv']);
    expect(s.observedSeries.map((x) => x.name)).toContain('Bossobolo');
    expect(s.places.map((p) => p.name)).not.toContain('Bossobolo');
  });

  it('reads the validation simsetting.yml into the default rule set', () => {
    const settings = readFleeSettingsFile(join(VALIDATION, 'simsetting.yml'));
    expect(settings.move_rules).toEqual(DEFAULT_FLEE_SETTINGS.move_rules);
    expect(settings.spawn_rules).toEqual(DEFAULT_FLEE_SETTINGS.spawn_rules);
  });
});

describe('reading the hand-made scenario', () => {
  const s = tiny();

  it('reads places, two-way links, closures and the conflict schedule', () => {
    expect(s.places.map((p) => [p.name, p.type, p.foreign])).toEqual([
      ['Arda', 'conflict_zone', false], ['Borin', 'town', false], ['Calla', 'camp', true], ['Dunmore', 'camp', true], ['Eskar', 'conflict_zone', false],
    ]);
    expect(s.places[2].capacity).toBe(2000);
    expect(s.places[3].capacity).toBeNull();
    expect(s.places[0].population).toBe(30000);
    expect(s.links.map((l) => [l.a, l.b, l.distanceKm])).toEqual([[0, 1, 100], [1, 2, 300], [1, 3, 50], [4, 1, 120]]);
    expect(s.closures).toEqual([{ type: 'link', link: 1, start: 2, end: 4 }]);
    const P = s.places.length;
    expect([0, 2, 3, 11].map((d) => s.conflictIntensity[d * P + 4])).toEqual([0, 0, 1, 1]);
    expect(s.conflictIntensity[5 * P + 0]).toBe(1);
  });

  it('interpolates counts per day and rescales counts before a registration correction', () => {
    const dunmore = s.observedSeries.find((x) => x.name === 'Dunmore')!;
    expect([0, 1, 2, 4, 5, 6, 11, 40].map((d) => observedOn(dunmore, d))).toEqual([0, 100, 200, 400, 200, 300, 800, 800]);
    // Calla is corrected on 2020-04-09 (day 10): the counts before it are scaled by 1000/600.
    const calla = s.observedSeries.find((x) => x.name === 'Calla')!;
    expect(s.corrections).toEqual([{ camp: 'Calla', date: '2020-04-09', day: 10, factor: 1000 / 600 }]);
    expect([0, 5, 10].map((d) => observedOn(calla, d))).toEqual([166, 1000, 1000]);
  });

  it('uses a conflict zone\'s conflict_date when conflicts.csv does not list it', () => {
    const without = tiny({ 'input_csv/conflicts.csv': '#Day,Arda\n' + Array.from({ length: 12 }, (_, d) => `${d},1`).join('\n') });
    const P = without.places.length;
    expect([2, 3].map((d) => without.conflictIntensity[d * P + 4])).toEqual([0, 1]);
  });

  it('reads columns by their names, in any order, with CRLF line ends and stray spaces', () => {
    const routes = '#distance, name2 ,name1\r\n100,Borin,Arda\r\n300,Calla,Borin\r\n50 , Dunmore,Borin\r\n120,Borin,Eskar\r\n';
    const s2 = tiny({ 'input_csv/routes.csv': routes });
    expect(s2.links.map((l) => [l.a, l.b, l.distanceKm])).toEqual([[0, 1, 100], [1, 2, 300], [1, 3, 50], [4, 1, 120]]);
  });
});

describe('bad input is reported by file, line and column', () => {
  it.each([
    ['a missing file', { 'input_csv/routes.csv': null }, /^input_csv\/routes.csv: expected the file, found no file at that path$/],
    ['a missing column', { 'input_csv/locations.csv': bad('locations-no-country.csv') },
      /^input_csv\/locations.csv, line 1, column "country": expected a column named "country", found the columns name, region, latitude/],
    ['an unknown location type', { 'input_csv/locations.csv': bad('locations-unknown-type.csv') },
      /^input_csv\/locations.csv, line 3, column "location_type": expected a location type \(conflict_zone, town, camp, idpcamp, forwarding_hub, marker, or a name holding one of camp, conflict, forward, marker, town\), found "village"$/],
    ['a location named twice', { 'input_csv/locations.csv': bad('locations-duplicate-name.csv') },
      /^input_csv\/locations.csv, line 7, column "name": expected each location named once, found "Borin" again \(first on line 3\)$/],
    ['a distance that is not a number', { 'input_csv/routes.csv': bad('routes-bad-distance.csv') },
      /^input_csv\/routes.csv, line 3, column "distance": expected a distance in km above 0, found "300 km"$/],
    ['an unknown location in a route', { 'input_csv/routes.csv': bad('routes-unknown-location.csv') },
      /^input_csv\/routes.csv, line 4, column "name2": expected the name of a location in locations.csv, found "Dunmoor"$/],
    ['a bad date in sim_period.csv', { 'input_csv/sim_period.csv': bad('sim_period-bad-date.csv') },
      /^input_csv\/sim_period.csv, line 1, column "StartDate": expected a date as YYYY-MM-DD, found "2020-02-30"$/],
    ['a conflicts.csv column naming an unknown location', { 'input_csv/conflicts.csv': bad('conflicts-unknown-location.csv') },
      /^input_csv\/conflicts.csv, line 1, column "Fenwick": expected the name of a location in locations.csv, found no location "Fenwick"; the column is left out$/],
    ['a skipped day in conflicts.csv', { 'input_csv/conflicts.csv': bad('conflicts-bad-day.csv') },
      /^input_csv\/conflicts.csv, line 7, column "Day": expected day 5 \(days are numbered from 0, one row each\), found "6"$/],
    ['a bad closure type', { 'input_csv/closures.csv': bad('closures-bad-type.csv') },
      /^input_csv\/closures.csv, line 3, column "closure_type": expected a closure type \(country, location, link, camp, idpcamp, remove_forced_redirection\), found "border"$/],
    ['a closure naming an unknown country', { 'input_csv/closures.csv': bad('closures-unknown-country.csv') },
      /^input_csv\/closures.csv, line 2, column "name2": expected a country of locations.csv \(Homeland, Farland\), found "Farlund"$/],
    ['a registration correction on a day with no count', { 'input_csv/registration_corrections.csv': bad('registration_corrections-unrecorded-date.csv') },
      /^input_csv\/registration_corrections.csv, line 1, column "date": expected a date on which source_data records a count for Calla, after its first, found "2020-04-08"$/],
    ['a data layout naming a missing file', { 'source_data/data_layout.csv': bad('data_layout-missing-file.csv') },
      /^source_data\/data_layout.csv, line 3: expected a file source_data\/dunmore-2020.csv, found no file at that path$/],
  ])('%s', (_, changes, message) => {
    const issues = issuesOf(() => tiny(changes as Record<string, string | null>));
    expect(issues.some((i) => message.test(i)), issues.join('\n')).toBe(true);
  });

  it('reports every problem at once, not only the first', () => {
    const issues = issuesOf(() => tiny({
      'input_csv/routes.csv': bad('routes-unknown-location.csv'),
      'input_csv/closures.csv': bad('closures-bad-type.csv'),
      'input_csv/conflicts.csv': bad('conflicts-unknown-location.csv'),
    }));
    expect(issues).toHaveLength(3);
  });

  it('names the scenario folder in the error message', () => {
    expect(() => readFleeScenario(tinyFiles({ 'input_csv/routes.csv': bad('routes-bad-distance.csv') }), 'tiny', 'some/folder/tiny'))
      .toThrow(/^some\/folder\/tiny: 1 problem in Flee input\n {2}input_csv\/routes.csv, line 3, column "distance"/);
  });

  it('an unknown settings key is an error (Flee would silently ignore the misspelt key)', () => {
    const issues = issuesOf(() => parseFleeSettings(bad('settings-unknown-key.yml'), 'settings-unknown-key.yml'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^line 3, key "move_rules.camps_are_sicks": expected a key of move_rules \(max_move_speed, .*\), found an unknown key "camps_are_sicks"$/);
  });

  it('settings values of the wrong kind or out of range are errors', () => {
    const issues = issuesOf(() => parseFleeSettings(bad('settings-bad-value.yml'), 'settings-bad-value.yml'));
    expect(issues).toEqual([
      'line 2, key "spawn_rules.conflict_spawn_decay": expected a list of one or more numbers of 0 or more, found a list [1, half]',
      'line 4, key "move_rules.camp_movechance": expected a number from 0 to 1, found 1.5',
    ]);
  });

  it('settings left out take the defaults', () => {
    const s = parseFleeSettings('move_rules:\n  max_move_speed: 200\n', 'x.yml');
    expect(s.move_rules.max_move_speed).toBe(200);
    expect(s.move_rules.softening).toBe(DEFAULT_FLEE_SETTINGS.move_rules.softening);
    expect(s.spawn_rules).toEqual(DEFAULT_FLEE_SETTINGS.spawn_rules);
  });
});
