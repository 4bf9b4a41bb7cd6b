import type { MigrantStore } from '../agents/store.js';
import type { BehaviourParameters } from '../behaviour/parameters.js';
import type { Prospects } from '../behaviour/prospects.js';
import type { QuotaLedger } from '../behaviour/quotas.js';
import type { TickCounters } from '../metrics/counters.js';
import type { RandomStreams } from '../random/streams.js';
import type { Scenario } from '../scenario/types.js';
import type { World } from '../world/world.js';
import type { Clock } from './clock.js';

/**
 * Everything the engine's own phases read and write. Plugins never see this:
 * they get a PolicyApi.
 */
export interface RunState {
  readonly scenario: Scenario;
  readonly world: World;
  readonly clock: Clock;
  readonly params: BehaviourParameters;
  readonly store: MigrantStore;
  readonly streams: RandomStreams;
  readonly counters: TickCounters;
  readonly quotas: QuotaLedger;
  readonly prospects: Prospects;
  /** Persons per agent. */
  readonly scale: number;
  tick: number;
}
