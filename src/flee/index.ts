/** Flee: read Flee's scenarios, run its displacement rules, score against UNHCR data. */
export { readFleeScenario, type FleeFiles } from './reader.js';
export { FleeFormatError, formatFleeIssue, type FleeIssue, type FleeReadOptions } from './errors.js';
export {
  PLACE_TYPES, CLOSURE_TYPES, observedOn, campIndices,
  type FleeScenario, type FleePlace, type FleeLink, type FleeClosure, type PlaceType, type ClosureType,
  type ObservedSeries, type RegistrationCorrection,
} from './scenario.js';
export { parseFleeSettings, DEFAULT_FLEE_SETTINGS, type FleeSettings, type SpawnRules, type MoveRules } from './settings.js';
export { Role, placeRole, moveChance, placeScore, capacityMultiplier, optionWeight, conflictDecay, spawnWeight } from './rules.js';
export { FleeSimulation, type FleeRunOptions, type FleeRunResult } from './simulation.js';
export { displacementSchedule, type DisplacementSchedule } from './displacement.js';
export { FleeNetwork } from './network.js';
export { DayState } from './day-state.js';
export {
  relativeDifference, averagedRelativeDifference, naiveBaseline, baselineScore, scoreSpread,
  type CampCounts, type ScoreSpread,
} from './score.js';
