import { populate } from '../agents/population.js';
import { checkRunSize } from '../scenario/size.js';
import { STATE_COUNT, State } from '../agents/states.js';
import type { MigrantStore } from '../agents/store.js';
import { decide } from '../behaviour/decisions.js';
import { earn } from '../behaviour/earnings.js';
import { Prospects } from '../behaviour/prospects.js';
import { QuotaLedger } from '../behaviour/quotas.js';
import { Resettlement } from '../behaviour/resettlement.js';
import { changeStatus } from '../behaviour/status.js';
import { travel } from '../behaviour/travel.js';
import { ConservationLedger } from '../metrics/conservation.js';
import { TickCounters, type CounterTable } from '../metrics/counters.js';
import { Recorder } from '../metrics/recorder.js';
import { computeRoles, type CountryRole } from '../metrics/roles.js';
import { Census } from '../metrics/census.js';
import { LabourMarket } from '../behaviour/labour-market.js';
import { MoneyLedger } from '../behaviour/ledger.js';
import { HomeSavings } from '../behaviour/home-savings.js';
import { AidEffects } from '../behaviour/aid.js';
import { RecruitmentMarket } from '../behaviour/recruitment.js';
import { SmugglingMarket } from '../behaviour/smuggling.js';
import { ReturnRisk } from '../behaviour/return-risk.js';
import type { Table } from '../metrics/table.js';
import { RandomStreams } from '../random/streams.js';
import type { Scenario } from '../scenario/types.js';
import { World } from '../world/world.js';
import { Clock } from './clock.js';
import type { PolicyEvent } from './events.js';
import { PHASES, type Phase } from './phases.js';
import type { Plugin } from './plugin.js';
import { createPolicies, scenarioIndex } from '../policies/registry.js';
import { PolicyChanges, type Observation, type PolicyApi, type SummedObservation } from './policy-api.js';
import type { RunState } from './run-state.js';
import { StateLedger } from '../governments/ledger.js';
import { governmentsPlugin, hasGovernments } from '../governments/plugin.js';

export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Replication number: a different, independent run of the same scenario and seed. */
  replication?: number;
  /** Plugins added to those of the scenario's `policies:` section. */
  plugins?: readonly Plugin[];
  /**
   * Which scenario's random streams to draw from (default: this scenario's
   * name). A variant run with its baseline's name draws the same numbers for
   * the same purposes: common random numbers.
   */
  streamsOf?: string;
}

/** Everything a finished (or paused) run produced. */
export interface RunResult {
  scenario: string;
  seed: number;
  replication: number;
  ticksRun: number;
  scale: number;
  agents: number;
  tables: Table[];
  events: PolicyEvent[];
  roles: CountryRole[];
  plugins: Array<{ name: string; parameters: Readonly<Record<string, unknown>> }>;
}

/** The engine's own work in each phase; the metrics phase is the simulation's recordTick. */
const ENGINE_WORK: Record<Exclude<Phase, 'metrics'>, (run: RunState) => void> = {
  drivers: (run) => {
    run.world.update(run.clock.at(run.tick));
    run.aid.update(run);
    run.labour.update(run, run.census);
  },
  policies: () => {},
  decisions: decide,
  markets: (run) => {
    run.recruitment.update(run);
    run.quotas.allocate(run);
    run.resettlement?.allocate(run);
    run.recruitment.settle(run);
    run.smuggling.update(run, run.census);
  },
  movement: (run) => {
    travel(run);
    run.resettlement?.arrive(run);
  },
  status: changeStatus,
  earnings: earn,
};

/**
 * One run of a scenario. Step it a tick at a time from a script or notebook,
 * or run it to the end; read its tables at any point.
 */
export class Simulation {
  readonly scenario: Scenario;
  readonly world: World;
  readonly clock: Clock;
  readonly store: MigrantStore;
  readonly seed: number;
  readonly replication: number;
  readonly events: PolicyEvent[] = [];
  private readonly run: RunState;
  private readonly recorder: Recorder;
  private readonly conservation: ConservationLedger;
  private readonly changes: PolicyChanges;
  private readonly plugins: readonly Plugin[];
  /** The counters as of the last metrics phase, by dimension and field, for plugins' observations; zero before the first. */
  private readonly snapshot = new Map<string, Float64Array>();
  /** (copy in the snapshot, counter it copies), refilled at each metrics phase. */
  private readonly snapshotCopies: Array<[Float64Array, Float64Array]> = [];
  private finishedPlugins = false;

  constructor(scenario: Scenario, options: SimulationOptions = {}) {
    this.scenario = scenario;
    this.seed = options.seed ?? scenario.seed;
    this.replication = options.replication ?? 0;
    // Before anything is allocated: a run the store cannot index is a clear error, not a RangeError.
    checkRunSize(scenario, scenario.name);
    this.world = new World(scenario);
    this.clock = new Clock(scenario.start, scenario.ticksPerYear);
    const index = scenarioIndex(scenario, this.clock);
    const governed = hasGovernments(scenario);
    this.plugins = [...createPolicies(scenario.policies, index), ...(governed ? [governmentsPlugin(scenario, index)] : []), ...(options.plugins ?? [])];
    const names = new Set<string>();
    for (const p of this.plugins) {
      if (names.has(p.name)) throw new Error(`two plugins are named "${p.name}": plugin names must be unique in a run`);
      names.add(p.name);
    }
    const streams = new RandomStreams({ scenario: options.streamsOf ?? scenario.name, seed: this.seed, replication: this.replication });
    this.store = populate(scenario, this.world, scenario.behaviour, this.clock, streams.stream('population'));
    const counters = new TickCounters({
      routes: this.world.routes.map((r) => r.id),
      legs: this.world.legs.map((l) => l.id),
      channels: this.world.channels.map((c) => c.id),
      countries: this.world.countryIds,
    });
    const scale = scenario.agents.scale;
    this.run = {
      scenario, world: this.world, clock: this.clock, params: scenario.behaviour, store: this.store, streams, counters,
      quotas: new QuotaLedger(this.world.channels.length, this.world.countryCount, this.clock.calendarYear(0)),
      prospects: new Prospects(this.world),
      labour: new LabourMarket(this.world.countryCount),
      aid: new AidEffects(this.world.countryCount),
      smuggling: new SmugglingMarket(this.world, this.clock, scenario.behaviour, scale, streams),
      recruitment: new RecruitmentMarket(this.world, this.clock, scale, streams),
      ledger: new MoneyLedger(this.world.legs.length, this.world.countryCount),
      homeSavings: new HomeSavings(this.world, this.store),
      states: new StateLedger(this.world.countryIds),
      returns: new ReturnRisk(this.world),
      resettlement: this.world.channels.some((c) => c.from >= 0) ? new Resettlement(this.world) : null,
      census: Census.initial(this.store, this.world),
      scale, tick: 0,
    };
    // Allocated before plugins' setup, so that figures they resolve once (observer) stay where each tick's copy lands.
    for (const t of [...counters.tables(), ...counters.byOrigin()]) {
      for (const f of t.fields) {
        const copy = new Float64Array(t.count[f].length);
        this.snapshot.set(`${t.dimension}\u0000${f}`, copy);
        this.snapshotCopies.push([copy, t.count[f]]);
      }
    }
    this.recorder = new Recorder(counters, scenario.agents.scale, this.world.routes.map((r) => r.corridor), governed);
    const everyoneHome = new Float64Array(STATE_COUNT);
    everyoneHome[State.Home] = this.store.size;
    this.conservation = new ConservationLedger(everyoneHome);
    this.changes = new PolicyChanges(this.world, this.events, this.run.states);
    for (const p of this.plugins) p.setup?.(this.api(p));
    this.changes.commit();
  }

  /** The next tick to run (= ticks run so far). */
  get tick(): number {
    return this.run.tick;
  }

  get finished(): boolean {
    return this.run.tick >= this.scenario.ticks;
  }

  /** Runs one tick through every phase in order. */
  step(): void {
    if (this.finished) throw new Error(`the run has already reached its last tick (${this.scenario.ticks}); a Simulation cannot run past the scenario's ticks`);
    const run = this.run;
    run.counters.reset();
    this.store.transitions.fill(0);
    for (const phase of PHASES) {
      if (phase === 'metrics') this.recordTick();
      else ENGINE_WORK[phase](run);
      for (const p of this.plugins) {
        const hook = p.hooks?.[phase];
        if (hook) hook(this.api(p));
      }
      this.changes.commit();
    }
    run.tick++;
  }

  /** Runs `ticks` more ticks, or to the scenario's end. */
  runFor(ticks = this.scenario.ticks - this.tick): RunResult {
    const end = Math.min(this.scenario.ticks, this.tick + ticks);
    while (this.tick < end) this.step();
    if (this.finished) this.teardown();
    return this.result();
  }

  result(): RunResult {
    const tables = [...this.recorder.tables(), ...this.plugins.flatMap((p) => p.tables?.() ?? [])];
    const countries = tables.find((t) => t.name === 'countries')!;
    return {
      scenario: this.scenario.name, seed: this.seed, replication: this.replication, ticksRun: this.tick, scale: this.scenario.agents.scale,
      agents: this.store.size, tables, events: this.events, roles: computeRoles(countries, this.world.countryIds),
      plugins: this.plugins.map((p) => ({ name: p.name, parameters: p.parameters })),
    };
  }

  /** The money that changed hands: payments to smugglers and recruiters, and debt by lender. */
  get money(): MoneyLedger {
    return this.run.ledger;
  }

  get smugglers(): SmugglingMarket {
    return this.run.smuggling;
  }

  get recruiters(): RecruitmentMarket {
    return this.run.recruitment;
  }

  /** Payments and aid between states. */
  get statePayments(): StateLedger {
    return this.run.states;
  }

  /** Number of ticks the conservation check has passed. */
  get conservationChecks(): number {
    return this.conservation.ticksChecked;
  }

  private recordTick(): void {
    const run = this.run;
    run.census = Census.take(this.store, this.world, run.counters, run.census);
    this.conservation.check(run.tick, run.census.byState, this.store.transitions);
    this.recorder.record(run.tick, this.clock.date(run.tick), run.census.byState, run.counters);
    for (const [copy, counter] of this.snapshotCopies) copy.set(counter);
  }

  private teardown(): void {
    if (this.finishedPlugins) return;
    this.finishedPlugins = true;
    for (const p of this.plugins) p.teardown?.(this.api(p));
    this.changes.commit();
  }

  private api(plugin: Plugin): PolicyApi {
    const tick = this.run.tick;
    return this.changes.api(plugin.name, tick, this.clock.date(tick), this.clock.at(tick), this.run.streams.stream(`plugin:${plugin.name}`), this.observe, this.observer);
  }

  /** Figure tables by dimension, with each id's row, built once: plugins read figures every tick. */
  private figureTables?: Map<string, { table: CounterTable<string>; row: Map<string, number> }>;

  /** Where a figure of last tick is in the snapshot; a bad dimension, id or field throws. */
  private figure(dimension: string, id: string, field: string): { values: Float64Array; entity: number } {
    this.figureTables ??= new Map([...this.run.counters.tables(), ...this.run.counters.byOrigin()].map((t) => [t.dimension, { table: t, row: new Map(t.ids.map((x, i) => [x, i])) }]));
    const found = this.figureTables.get(dimension);
    if (!found) throw new Error(`no figures by "${dimension}" (expected country, route, leg, channel, channelOrigin or return)`);
    const entity = found.row.get(id);
    if (entity === undefined) throw new Error(`unknown ${dimension} "${id}"`);
    if (!found.table.fields.includes(field)) throw new Error(`no figure "${field}" by ${dimension} (figures: ${found.table.fields.join(', ')})`);
    return { values: this.snapshot.get(`${dimension}\u0000${field}`)!, entity };
  }

  private readonly observe: Observation = (dimension, id, field) => {
    const { values, entity } = this.figure(dimension, id, field);
    return values[entity] * this.scenario.agents.scale;
  };

  private readonly observer: SummedObservation = (dimension, ids, field) => {
    const located = ids.map((id) => this.figure(dimension, id, field));
    const values = located[0]?.values ?? new Float64Array(0);
    const entities = Int32Array.from(located, (f) => f.entity);
    const scale = this.scenario.agents.scale;
    return () => {
      let sum = 0;
      for (let k = 0; k < entities.length; k++) sum += values[entities[k]] * scale;
      return sum;
    };
  };
}
