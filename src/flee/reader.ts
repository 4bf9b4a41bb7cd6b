import { cellAt, csvFile, csvRows, findColumns, parseDate, parseNumber, parseWhole, type CsvFile, type CsvRow } from './csv-text.js';
import { nearestName } from '../io/text.js';
import { FleeIssues, quoted, type FleeReadOptions } from './errors.js';
import {
  CLOSURE_TYPES, PLACE_TYPES,
  type ClosureType, type FleeClosure, type FleeLink, type FleePlace, type FleeScenario, type PlaceType,
} from './scenario.js';
import { readValidationData } from './validation-data.js';

/** The text of a file of a scenario folder by its path within it (`input_csv/routes.csv`), or undefined when there is none. */
export type FleeFiles = (relativePath: string) => string | undefined;

const LOCATIONS = 'input_csv/locations.csv';
const ROUTES = 'input_csv/routes.csv';
const CLOSURES = 'input_csv/closures.csv';
const CONFLICTS = 'input_csv/conflicts.csv';
const SIM_PERIOD = 'input_csv/sim_period.csv';
/** Far beyond any conflict studied (55 years), and within the 16-bit day stamps agents carry. */
const MAX_DAYS = 20_000;
const MAX_PLACES = 65_535;

/**
 * Reads a Flee scenario folder (input_csv/ and source_data/) into memory.
 * Columns are found by their header names; every malformed cell, unknown
 * name and missing file is reported in one FleeFormatError naming the file,
 * line and column.
 *
 * Where Flee's own files rely on Flee's habits, the reader does what Flee does
 * and says so in a warning (see FleeReadOptions; strict reading makes each an
 * error): location types by Flee's substring rule (`forward` is a forwarding
 * hub), a route listed twice or both ways merged, `remove_forced_redirection`
 * closures of pairs with no route skipped, conflicts.csv columns that name no
 * location left out (with the nearest name), and no conflicts.csv at all.
 *
 * @param name the conflict's name (used to derive random streams); `source` names the folder in errors.
 */
export function readFleeScenario(files: FleeFiles, name: string, source = name, options: FleeReadOptions = {}): FleeScenario {
  const issues = new FleeIssues(options);
  const text = (path: string, required: boolean): string | undefined => {
    const t = files(path);
    if (t === undefined && required) issues.add(path, undefined, undefined, 'the file', 'no file at that path');
    return t;
  };
  const periodText = text(SIM_PERIOD, true);
  const period = periodText === undefined ? undefined : readSimPeriod(periodText, issues);
  const locationsText = text(LOCATIONS, true);
  const places = locationsText === undefined ? undefined : readLocations(csvFile(LOCATIONS, locationsText), issues);
  const routesText = text(ROUTES, true);
  const closuresText = text(CLOSURES, true);
  // Nothing else can be checked without the places and the period.
  if (!places || !period) throw issues.error(source);

  const routes = routesText === undefined ? { links: [], flawed: new Set<string>() } : readRoutes(csvFile(ROUTES, routesText), places, issues);
  const links = routes.links;
  const closures = closuresText === undefined ? [] : readClosures(csvFile(CLOSURES, closuresText), places, routes, issues);
  const conflictsText = text(CONFLICTS, false);
  const conflictIntensity = readConflicts(conflictsText === undefined ? undefined : csvFile(CONFLICTS, conflictsText), places, period.days, issues);
  const observed = readValidationData(files, places, period.startDay, issues);
  if (conflictIntensity.every((v) => v === 0)) {
    issues.add(conflictsText === undefined ? LOCATIONS : CONFLICTS, undefined, undefined, 'a location at conflict on some day (or nobody is displaced)', 'none on any day of the run');
  }
  issues.finish(source);
  return {
    name, startDate: period.startDate, days: period.days, places, links, closures, conflictIntensity,
    corrections: observed.corrections, observedTotal: observed.total, observedSeries: observed.series,
  };
}

/** sim_period.csv: `StartDate,YYYY-MM-DD` and `Length,days`, in either order. */
function readSimPeriod(text: string, issues: FleeIssues): { startDate: string; startDay: number; days: number } | undefined {
  let start: { text: string; day: number } | undefined;
  let days: number | undefined;
  const seen = new Set<string>();
  let ok = true;
  for (const row of csvRows(text)) {
    const key = row.cells[0].toLowerCase();
    const value = row.cells[1] ?? '';
    seen.add(key);
    if (key === 'startdate') {
      const day = parseDate(value);
      if (day === undefined) ok = issues.add(SIM_PERIOD, row.line, 'StartDate', 'a date as YYYY-MM-DD', quoted(value));
      else start = { text: value, day };
    } else if (key === 'length') {
      const n = parseWhole(value);
      if (n === undefined || n < 1 || n > MAX_DAYS) ok = issues.add(SIM_PERIOD, row.line, 'Length', `a whole number of days from 1 to ${MAX_DAYS}`, quoted(value));
      else days = n;
    } else if (!key.startsWith('#')) ok = issues.add(SIM_PERIOD, row.line, undefined, 'a row StartDate or Length', quoted(row.cells[0]));
  }
  if (!seen.has('startdate')) ok = issues.add(SIM_PERIOD, undefined, undefined, 'a row StartDate,YYYY-MM-DD', 'none');
  if (!seen.has('length')) ok = issues.add(SIM_PERIOD, undefined, undefined, 'a row Length,<days>', 'none');
  return ok && start && days !== undefined ? { startDate: start.text, startDay: start.day, days } : undefined;
}

function readLocations(csv: CsvFile, issues: FleeIssues): FleePlace[] | undefined {
  const found = findColumns(csv, [
    { name: 'name', required: true },
    { name: 'region', required: false },
    { name: 'country', required: true },
    { name: 'latitude', aliases: ['lat'], required: false },
    { name: 'longitude', aliases: ['lon', 'long'], required: false },
    { name: 'location_type', aliases: ['type'], required: true },
    { name: 'conflict_date', required: false },
    { name: 'population', aliases: ['pop/cap', 'capacity', 'population/capacity'], required: true },
  ], issues);
  if (!found) return undefined;
  const col = found.index;
  const before = issues.list.length;
  const bad = (line: number, column: string, expected: string, text: string) => issues.add(csv.file, line, column, expected, quoted(text));
  const places: FleePlace[] = [];
  const lineOf = new Map<string, number>();
  const readAs = new Map<string, number[]>();
  for (const row of csv.rows) {
    const name = cellAt(row, col.name);
    if (name === '') bad(row.line, 'name', 'the name of the location', name);
    else if (lineOf.has(name)) issues.add(csv.file, row.line, 'name', 'each location named once', `"${name}" again (first on line ${lineOf.get(name)})`);
    else lineOf.set(name, row.line);
    const country = cellAt(row, col.country);
    if (country === '') bad(row.line, 'country', 'the country the location is in', country);
    const typeText = cellAt(row, col.location_type);
    const type = placeType(typeText);
    if (!type) {
      const flood = typeText.toLowerCase().includes('flood') ? ' (a flood zone of DFlee, whose flood rules this rule set does not implement)' : '';
      issues.add(csv.file, row.line, 'location_type', `a location type (${PLACE_TYPES.join(', ')}, or a name holding one of camp, conflict, forward, marker, town)`, quoted(typeText) + flood);
    }
    else if (typeText !== '' && typeText.toLowerCase() !== type) readAs.set(typeText, [...(readAs.get(typeText) ?? []), row.line]);
    const coordinate = (column: 'latitude' | 'longitude', limit: number) => {
      const t = cellAt(row, col[column]);
      if (t === '') return null;
      const v = parseNumber(t);
      if (v === undefined || Math.abs(v) > limit) bad(row.line, column, `a ${column} from -${limit} to ${limit}, or nothing`, t);
      return v ?? null;
    };
    const latitude = coordinate('latitude', 90);
    const longitude = coordinate('longitude', 180);
    const dateText = cellAt(row, col.conflict_date);
    const conflictDate = dateText === '' ? null : parseWhole(dateText) ?? null;
    if (dateText !== '' && conflictDate === null) bad(row.line, 'conflict_date', 'a day number of 0 or more, or nothing', dateText);
    const popText = cellAt(row, col.population);
    const pop = popText === '' ? 0 : parseNumber(popText);
    if (pop === undefined || pop < 0) bad(row.line, 'population', 'a number of persons of 0 or more, or nothing', popText);
    const isCamp = type === 'camp' || type === 'idpcamp';
    const attributes: Record<string, string> = {};
    for (const x of found.extra) attributes[x.name] = cellAt(row, x.index);
    places.push({
      name, region: cellAt(row, col.region), country, latitude, longitude, type: type ?? 'town', foreign: false,
      population: isCamp ? 0 : pop ?? 0, capacity: isCamp && pop ? pop : null, conflictDate, attributes,
    });
  }
  for (const [text, lines] of readAs) {
    issues.warn({
      file: csv.file, line: lines[0], column: 'location_type', expected: `a location type (${PLACE_TYPES.join(', ')})`,
      found: `"${text}" on ${lineList(lines)}, read as ${placeType(text)} by Flee's rule (the type whose word the name holds)`,
    });
  }
  if (places.length === 0) issues.add(csv.file, undefined, undefined, 'at least one location', 'none');
  if (places.length >= MAX_PLACES) issues.add(csv.file, undefined, undefined, `fewer than ${MAX_PLACES} locations (agents index them in 16 bits)`, `${places.length} locations`);
  if (issues.list.length > before) return undefined;
  const home = places[0].country;
  for (const p of places) p.foreign = p.country !== home;
  return places;
}

/**
 * A location type by Flee's rule: the first of camp (idpcamp when the name
 * also holds "idp"), conflict, forward, marker, town or default whose word the
 * name holds, whatever its case; no type is a town.
 */
function placeType(text: string): PlaceType | undefined {
  const t = text.toLowerCase();
  if (t === '') return 'town';
  if (t.includes('camp')) return t.includes('idp') ? 'idpcamp' : 'camp';
  if (t.includes('conflict')) return 'conflict_zone';
  if (t.includes('forward')) return 'forwarding_hub';
  if (t.includes('marker')) return 'marker';
  if (t.includes('town') || t.includes('default')) return 'town';
  return undefined;
}

/** "line 4", "lines 4, 7 and 9", or the first few of many. */
function lineList(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, 5).join(', ');
  return lines.length > 5 ? `lines ${shown} and ${lines.length - 5} more` : `lines ${shown.replace(/, (\d+)$/, ' and $1')}`;
}

function placeIndex(places: readonly FleePlace[]): Map<string, number> {
  return new Map(places.map((p, k) => [p.name, k]));
}

/** The key of the route between two places, whichever way round they are named. */
function pairKey(a: number, b: number): string {
  return a < b ? `${a},${b}` : `${b},${a}`;
}

/** The links, and the pairs of places named by a route row that had another problem (already reported). */
function readRoutes(csv: CsvFile, places: FleePlace[], issues: FleeIssues): { links: FleeLink[]; flawed: Set<string> } {
  const found = findColumns(csv, [
    { name: 'name1', required: true },
    { name: 'name2', required: true },
    { name: 'distance', aliases: ['distance_km', 'distance (km)'], required: true },
    { name: 'forced_redirection', required: false },
  ], issues);
  const links: FleeLink[] = [];
  const flawed = new Set<string>();
  if (!found) return { links, flawed };
  const col = found.index;
  const index = placeIndex(places);
  const seen = new Map<string, { line: number; link: number }>();
  for (const row of csv.rows) {
    extraCells(csv, row, issues);
    const ends = (['name1', 'name2'] as const).map((c) => {
      const name = cellAt(row, col[c]);
      const k = index.get(name);
      if (k === undefined) issues.add(csv.file, row.line, c, 'the name of a location in locations.csv', quoted(name));
      return k;
    });
    const distText = cellAt(row, col.distance);
    const distanceKm = parseNumber(distText);
    // A link of no length could be crossed any number of times within a day.
    if (distanceKm === undefined || distanceKm <= 0) issues.add(csv.file, row.line, 'distance', 'a distance in km above 0', quoted(distText));
    const forcedText = cellAt(row, col.forced_redirection);
    const forced = forcedText === '' ? 0 : parseWhole(forcedText);
    if (forced === undefined || forced > 2) issues.add(csv.file, row.line, 'forced_redirection', '0, 1, 2 or nothing', quoted(forcedText));
    const [a, b] = ends;
    if (a === undefined || b === undefined) continue;
    if (distanceKm === undefined || distanceKm <= 0 || forced === undefined || forced > 2) {
      flawed.add(pairKey(a, b));
      continue;
    }
    if (a === b) {
      issues.add(csv.file, row.line, 'name2', 'a location other than name1', quoted(places[b].name));
      continue;
    }
    const key = pairKey(a, b);
    const first = seen.get(key);
    if (first !== undefined) {
      // Flee would add a parallel link, doubling the pair's weight in every choice; one road is one link here.
      const kept = links[first.link];
      const other = kept.a === a ? 'again' : 'the other way round';
      const distance = kept.distanceKm === distanceKm ? '' : `, at ${distanceKm} km where the first says ${kept.distanceKm} km (the first is kept)`;
      issues.warn({
        file: csv.file, line: row.line, expected: 'one route between two locations (routes are two-way)',
        found: `the route ${places[a].name} - ${places[b].name} of line ${first.line} ${other}${distance}: merged into one link`,
      });
      continue;
    }
    seen.set(key, { line: row.line, link: links.length });
    links.push({ a, b, distanceKm, forcedRedirection: forced as 0 | 1 | 2 });
  }
  return { links, flawed };
}

function readClosures(csv: CsvFile, places: FleePlace[], routes: { links: FleeLink[]; flawed: Set<string> }, issues: FleeIssues): FleeClosure[] {
  const found = findColumns(csv, [
    { name: 'closure_type', aliases: ['type'], required: true },
    { name: 'name1', required: true },
    { name: 'name2', required: true },
    { name: 'closure_start', aliases: ['start_day', 'start'], required: true },
    { name: 'closure_end', aliases: ['end_day', 'end'], required: true },
  ], issues);
  if (!found) return [];
  const col = found.index;
  const index = placeIndex(places);
  const countries = [...new Set(places.map((p) => p.country))];
  const closures: FleeClosure[] = [];
  for (const row of csv.rows) {
    extraCells(csv, row, issues);
    const bad = (column: string, expected: string, text: string) => issues.add(csv.file, row.line, column, expected, quoted(text));
    const typeText = cellAt(row, col.closure_type);
    const type = typeText.toLowerCase() as ClosureType;
    const startText = cellAt(row, col.closure_start);
    const start = parseWhole(startText);
    if (start === undefined) bad('closure_start', 'a day number of 0 or more', startText);
    const endText = cellAt(row, col.closure_end);
    const endDay = endText === '' ? 0 : parseWhole(endText);
    // Flee's files write 0 (or nothing) for "never reopens".
    if (endDay === undefined || (start !== undefined && endDay !== 0 && endDay <= start)) bad('closure_end', 'a day after closure_start, or 0 or nothing for no end', endText);
    const name1 = cellAt(row, col.name1);
    const name2 = cellAt(row, col.name2);
    const place = (column: 'name1' | 'name2', name: string, what = 'the name of a location in locations.csv') => {
      const k = index.get(name);
      if (k === undefined) bad(column, what, name);
      return k;
    };
    const end = endDay === 0 || endDay === undefined ? null : endDay;
    const timing = { start: start ?? 0, end };
    if (!CLOSURE_TYPES.includes(type)) {
      bad('closure_type', `a closure type (${CLOSURE_TYPES.join(', ')})`, typeText);
    } else if (type === 'country') {
      for (const [column, name] of [['name1', name1], ['name2', name2]] as const) {
        if (!countries.includes(name)) bad(column, `a country of locations.csv (${countries.join(', ')})`, name);
      }
      closures.push({ ...timing, type, countries: [name1, name2] });
    } else if (type === 'location') {
      // Flee ignores name2 of a location closure (files put a camp or a country there); so do we.
      const k = place('name1', name1);
      if (k !== undefined) closures.push({ ...timing, type, place: k });
    } else if (type === 'camp' || type === 'idpcamp') {
      const k = place('name1', name1);
      if (k !== undefined && places[k].type !== 'camp' && places[k].type !== 'idpcamp') bad('name1', 'a camp (location_type camp or idpcamp)', name1);
      else if (k !== undefined) closures.push({ ...timing, type, place: k });
    } else {
      const a = place('name1', name1);
      const b = place('name2', name2);
      if (a === undefined || b === undefined) continue;
      const link = routes.links.findIndex((l) => pairKey(l.a, l.b) === pairKey(a, b));
      if (link < 0 && routes.flawed.has(pairKey(a, b))) continue;
      const expected = 'a route of routes.csv between name1 and name2';
      if (link >= 0) closures.push({ ...timing, type, link });
      // Lifting a mark from a road that does not exist changes nothing, in Flee as here.
      else if (type === 'remove_forced_redirection') issues.warn({ file: csv.file, line: row.line, expected, found: `no route between ${name1} and ${name2}: a closure that changes nothing, skipped` });
      else issues.add(csv.file, row.line, undefined, expected, `no route between ${name1} and ${name2}`);
    }
  }
  return closures;
}

/**
 * conflicts.csv: a `#Day` column numbering the days from 0 and one column of
 * intensities per location. Conflict zones it does not list (and all of them
 * when there is no such file) are at conflict from their conflict_date on.
 */
function readConflicts(csv: CsvFile | undefined, places: FleePlace[], days: number, issues: FleeIssues): Float64Array {
  const P = places.length;
  const intensity = new Float64Array(days * P);
  const listed = new Set<number>();
  if (csv) readConflictTable(csv, places, days, intensity, listed, issues);
  else {
    issues.warn({
      file: CONFLICTS, expected: 'the file (one row of conflict intensities per day)',
      found: 'no file: each conflict zone is at conflict from its conflict_date in locations.csv, as in Flee 2',
    });
  }
  places.forEach((p, k) => {
    if (p.type !== 'conflict_zone' || listed.has(k)) return;
    if (p.conflictDate === null) {
      issues.add(LOCATIONS, undefined, 'conflict_date', `a conflict date for ${p.name}, a conflict zone that conflicts.csv does not list`, 'nothing');
      return;
    }
    for (let d = p.conflictDate; d < days; d++) intensity[d * P + k] = 1;
  });
  return intensity;
}

function readConflictTable(csv: CsvFile, places: FleePlace[], days: number, intensity: Float64Array, listed: Set<number>, issues: FleeIssues): void {
  const P = places.length;
  // Flee reads the table by position and never looks at the first header cell; "#Day" and "#Days" are both in use.
  if (!csv.header || !csv.header.cells[0].toLowerCase().startsWith('day')) {
    issues.add(csv.file, csv.header?.line ?? csv.rows[0]?.line ?? 1, undefined, 'a first line #Day,<location>,<location>,...', quoted(csv.header ? '#' + csv.header.cells.join(',') : (csv.rows[0]?.cells.join(',') ?? '')));
    return;
  }
  const index = placeIndex(places);
  const header = csv.header;
  // A trailing comma leaves an empty last name; Flee's files often have one.
  let named = header.cells.length;
  while (named > 1 && header.cells[named - 1] === '') named--;
  const columns: number[] = [];
  for (let c = 1; c < named; c++) {
    const name = header.cells[c];
    const k = index.get(name);
    if (k === undefined && name === '') issues.add(csv.file, header.line, name, 'the name of a location in locations.csv', 'an empty column name');
    else if (k === undefined) {
      // Flee reports such a column and carries on without it; so do we, saying which name was probably meant.
      const near = nearestName(name, index.keys());
      issues.warn({
        file: csv.file, line: header.line, column: name, expected: 'the name of a location in locations.csv',
        found: `no location "${name}"${near ? `: did you mean ${near}?` : ''}; the column is left out`,
      });
    } else if (listed.has(k)) issues.add(csv.file, header.line, name, 'each location named once', 'the name twice');
    else listed.add(k);
    columns.push(k ?? -1);
  }
  csv.rows.forEach((row, day) => {
    if (row.cells[0] !== String(day)) issues.add(csv.file, row.line, 'Day', `day ${day} (days are numbered from 0, one row each)`, quoted(row.cells[0]));
    for (let c = 1; c < Math.max(named, row.cells.length); c++) {
      const text = row.cells[c] ?? '';
      if (c >= named) {
        if (text !== '') issues.add(csv.file, row.line, undefined, `${named} values (the day and one per location named in the header)`, `a value ${quoted(text)} in column ${c + 1}`);
        continue;
      }
      const v = parseNumber(text);
      if (v === undefined || v < 0) issues.add(csv.file, row.line, header.cells[c], 'a conflict intensity of 0 or more', quoted(text));
      else if (day < days && columns[c - 1] >= 0) intensity[day * P + columns[c - 1]] = v;
    }
  });
  if (csv.rows.length < days) issues.add(csv.file, undefined, undefined, `a row for each of the ${days} days of sim_period.csv`, `${csv.rows.length} rows`);
}

/** Cells beyond the header's columns holding text: a shifted or mistyped row, never read in silence. */
function extraCells(csv: CsvFile, row: CsvRow, issues: FleeIssues): void {
  const width = csv.header?.cells.length ?? 0;
  const extra = row.cells.slice(width).filter((c) => c !== '');
  if (extra.length > 0) {
    issues.add(csv.file, row.line, undefined, `at most ${width} cells, one per column of the header`, `${row.cells.length} cells, with ${quoted(extra[0])} beyond the last column`);
  }
}

