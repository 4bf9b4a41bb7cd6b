/** The kinds of place in a Flee scenario (`location_type` in locations.csv). */
export const PLACE_TYPES = ['conflict_zone', 'town', 'camp', 'idpcamp', 'forwarding_hub', 'marker'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

export interface FleePlace {
  name: string;
  region: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  type: PlaceType;
  /** Its country differs from the country of the first place listed (Flee's home country). */
  foreign: boolean;
  /** Residents, in persons: the weight of a conflict zone when people are displaced from it. 0 for camps. */
  population: number;
  /** Persons a camp holds (camps and IDP camps only; the last column of locations.csv). */
  capacity: number | null;
  /** Day a conflict begins here, from locations.csv; used only for a conflict zone that conflicts.csv does not list. */
  conflictDate: number | null;
  /** Extra columns of locations.csv, by header name. */
  attributes: Readonly<Record<string, string>>;
}

/**
 * A two-way road between two places. `forcedRedirection` is read and kept
 * (0 none, 1 from the first place, 2 from the second) but, as in Flee 3, no
 * movement rule uses it; unlike Flee, a value of 1 never makes a second link.
 */
export interface FleeLink {
  a: number;
  b: number;
  distanceKm: number;
  forcedRedirection: 0 | 1 | 2;
}

export const CLOSURE_TYPES = ['country', 'location', 'link', 'camp', 'idpcamp', 'remove_forced_redirection'] as const;
export type ClosureType = (typeof CLOSURE_TYPES)[number];

/**
 * Something shut for days `start` (inclusive) to `end` (exclusive; null: to the
 * end of the run). A `country` closure shuts every link between two countries,
 * a `location` closure every link of one place, a `link` closure one link; a
 * closed `camp` is treated as a town. `remove_forced_redirection` only lifts a
 * link's forced-redirection mark.
 */
export type FleeClosure = { start: number; end: number | null } & (
  | { type: 'country'; countries: [string, string] }
  | { type: 'location'; place: number }
  | { type: 'link' | 'remove_forced_redirection'; link: number }
  | { type: 'camp' | 'idpcamp'; place: number }
);

/** A UNHCR count series for one name of data_layout.csv: recorded counts on days counted from the start date. */
export interface ObservedSeries {
  name: string;
  /** The files summed into it, as named in data_layout.csv. */
  files: string[];
  /** Days since the start (negative before it), increasing, with their counts after registration corrections. */
  days: Float64Array;
  counts: Float64Array;
}

/**
 * Rescales a camp's counts before `date` (registration_corrections.csv):
 * early (level 1) registrations were not reliable, so every earlier count is
 * multiplied by the ratio of the first reliable count to the last unreliable one.
 */
export interface RegistrationCorrection {
  camp: string;
  date: string;
  /** Days since the start. */
  day: number;
  /** The factor applied to earlier counts; 1 when the date is before the start (ignored, as in Flee). */
  factor: number;
}

/** A Flee scenario read into memory: places, links, the daily schedules and the UNHCR counts it is judged by. */
export interface FleeScenario {
  /** The conflict's name (the folder's name, e.g. `burundi2015`). */
  name: string;
  /** First day, YYYY-MM-DD. */
  startDate: string;
  /** Days to simulate (sim_period.csv `Length`). */
  days: number;
  places: FleePlace[];
  links: FleeLink[];
  closures: FleeClosure[];
  /**
   * Conflict intensity of each place on each day, `intensity[day * places + place]`,
   * for at least `days` days: from conflicts.csv, or for a conflict zone it
   * does not list, 1 from the place's conflict date on.
   */
  conflictIntensity: Float64Array;
  corrections: RegistrationCorrection[];
  /** The `total` series of data_layout.csv, if it names one. */
  observedTotal: ObservedSeries | null;
  /** Every other series of data_layout.csv, in its order: one per camp, and any that name no place. */
  observedSeries: ObservedSeries[];
}

/** The count of a series on a day: linear between recorded days, flat before the first and after the last. */
export function interpolateCount(days: Float64Array, counts: Float64Array, day: number): number {
  const n = days.length;
  if (day <= days[0]) return counts[0];
  if (day >= days[n - 1]) return counts[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (days[mid] <= day) lo = mid;
    else hi = mid;
  }
  return counts[lo] + ((day - days[lo]) / (days[hi] - days[lo])) * (counts[hi] - counts[lo]);
}

/** The observed count of a series on a day, in whole persons (Flee truncates too). */
export function observedOn(series: ObservedSeries, day: number): number {
  return Math.trunc(interpolateCount(series.days, series.counts, day));
}

/** The indices of the places that are camps (including IDP camps): the places a run is scored on. */
export function campIndices(scenario: FleeScenario): number[] {
  return scenario.places.flatMap((p, k) => (p.type === 'camp' || p.type === 'idpcamp' ? [k] : []));
}
