import type { MigrantStore } from '../agents/store.js';
import type { AidEffects } from '../behaviour/aid.js';
import type { HomeSavings } from '../behaviour/home-savings.js';
import type { LabourMarket } from '../behaviour/labour-market.js';
import type { MoneyLedger } from '../behaviour/ledger.js';
import type { BehaviourParameters } from '../behaviour/parameters.js';
import type { Prospects } from '../behaviour/prospects.js';
import type { QuotaLedger } from '../behaviour/quotas.js';
import type { RecruitmentMarket } from '../behaviour/recruitment.js';
import type { ReturnRisk } from '../behaviour/return-risk.js';
import type { SmugglingMarket } from '../behaviour/smuggling.js';
import type { Census } from '../metrics/census.js';
import type { TickCounters } from '../metrics/counters.js';
import type { RandomStreams } from '../random/streams.js';
import type { Scenario } from '../scenario/types.js';
import type { World } from '../world/world.js';
import type { StateLedger } from '../governments/ledger.js';
import type { Clock } from './clock.js';
import type { Resettlement } from '../behaviour/resettlement.js';

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
  readonly labour: LabourMarket;
  readonly aid: AidEffects;
  readonly smuggling: SmugglingMarket;
  readonly recruitment: RecruitmentMarket;
  readonly ledger: MoneyLedger;
  readonly homeSavings: HomeSavings;
  /** Payments and aid between states. */
  readonly states: StateLedger;
  /** Chances of being returned, from the last status phase. */
  readonly returns: ReturnRisk;
  /** Applications from transit countries, where a channel takes them (`from`); null in worlds without. */
  readonly resettlement: Resettlement | null;
  /** Everybody as counted at the end of the last tick: the state markets start from. */
  census: Census;
  /** Persons per agent. */
  readonly scale: number;
  tick: number;
}
