import type { PlaceType } from './scenario.js';
import type { MoveRules, SpawnRules } from './settings.js';

/**
 * The part a place plays on one day. A place is a conflict zone while its
 * conflict intensity is above 0, whatever its type; a closed camp is a town;
 * a conflict_zone at peace is a town too.
 */
export const Role = { Town: 0, Conflict: 1, Camp: 2, IdpCamp: 3, Hub: 4, Marker: 5 } as const;
export type Role = (typeof Role)[keyof typeof Role];

export function placeRole(type: PlaceType, intensity: number, campClosed: boolean): Role {
  if (intensity > 0) return Role.Conflict;
  switch (type) {
    case 'camp': return campClosed ? Role.Town : Role.Camp;
    case 'idpcamp': return campClosed ? Role.Town : Role.IdpCamp;
    case 'forwarding_hub': return Role.Hub;
    case 'marker': return Role.Marker;
    default: return Role.Town;
  }
}

export function isCampRole(role: Role): boolean {
  return role === Role.Camp || role === Role.IdpCamp;
}

/**
 * Chance a day that someone at a place sets off. Forwarding hubs and markers
 * are places people are moved through, so everybody there moves on (as in Flee).
 */
export function moveChance(role: Role, rules: MoveRules): number {
  switch (role) {
    case Role.Conflict: return rules.conflict_movechance;
    case Role.Camp: return rules.camp_movechance;
    case Role.IdpCamp: return rules.idpcamp_movechance;
    case Role.Hub:
    case Role.Marker: return 1;
    default: return rules.default_movechance;
  }
}

/**
 * How attractive a place is as a destination, before distance: 1, times
 * foreign_weight abroad, camp_weight for an open camp, and conflict_weight
 * raised to the conflict's intensity for a conflict zone (so intensity 1
 * multiplies by conflict_weight, and a fiercer conflict repels more).
 */
export function placeScore(role: Role, foreign: boolean, intensity: number, rules: MoveRules): number {
  let score = 1;
  if (foreign) score *= rules.foreign_weight;
  if (isCampRole(role)) score *= rules.camp_weight;
  if (role === Role.Conflict) score *= rules.conflict_weight ** intensity;
  return score;
}

/**
 * How much of a camp's weight is left given the persons in it: 1 up to
 * capacity_buffer of its (capacity_scaling-adjusted) capacity, falling
 * linearly to 0 at full capacity. A camp with no capacity given is never full.
 */
export function capacityMultiplier(persons: number, capacity: number | null, rules: MoveRules): number {
  const full = (capacity ?? 0) * rules.capacity_scaling;
  if (full < 1) return 1;
  const nearlyFull = rules.capacity_buffer * full;
  if (persons <= nearlyFull) return 1;
  if (persons >= full) return 0;
  return 1 - (persons - nearlyFull) / (full - nearlyFull);
}

/**
 * Weight of one option (a destination at the end of a path):
 * ((weight_softening + score) / (softening + distance)^distance_power × capacity)^weight_power.
 */
export function optionWeight(score: number, distanceKm: number, capacity: number, rules: MoveRules): number {
  const w = ((rules.weight_softening + score) / (rules.softening + distanceKm) ** rules.distance_power) * capacity;
  return w ** rules.weight_power;
}

/** Spawn-weight factor of a conflict `age` days after it began: conflict_spawn_decay per interval, the last value holding on. */
export function conflictDecay(age: number, rules: SpawnRules): number {
  const decay = rules.conflict_spawn_decay;
  return decay[Math.min(Math.floor(age / rules.conflict_spawn_decay_interval), decay.length - 1)];
}

/** How likely people are displaced from a place on a day: population × intensity × decay. */
export function spawnWeight(population: number, intensity: number, age: number, rules: SpawnRules): number {
  return intensity > 0 ? population * intensity * conflictDecay(age, rules) : 0;
}
