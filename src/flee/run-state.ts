import type { RandomStreams } from '../random/streams.js';
import type { FleeAgents } from './agents.js';
import type { DayState } from './day-state.js';
import type { DisplacementSchedule } from './displacement.js';
import type { FleeNetwork } from './network.js';
import type { FleeScenario } from './scenario.js';
import type { FleeSettings } from './settings.js';

/**
 * Everything the phases of a Flee run read and write. People are counted in
 * stocks: 0 not yet displaced, 1 + p at place p, and the last on the way.
 */
export interface FleeRunState {
  readonly scenario: FleeScenario;
  readonly settings: FleeSettings;
  readonly network: FleeNetwork;
  readonly state: DayState;
  readonly agents: FleeAgents;
  readonly streams: RandomStreams;
  readonly schedule: DisplacementSchedule;
  /** Residents left at each place (take_from_population lowers it). */
  readonly population: Float64Array;
  /** Agents in each stock at the end of the last movement phase. */
  readonly stocks: Float64Array;
  /** transitions[from * stocks + to]: agents that changed stock today. */
  readonly transitions: Float64Array;
  /** Persons at each place at the start of the day, for the drivers (filled every day, made once). */
  readonly persons: Float64Array;
  /** The movement phase's trials left before the next person at each place sets off, and 1 / log(1 - move chance) (filled every day, made once). */
  readonly wait: Float64Array;
  readonly gapScale: Float64Array;
  /** Agents due to be displaced on a day when no place was at conflict. */
  waiting: number;
  day: number;
}
