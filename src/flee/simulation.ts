import { Clock } from '../engine/clock.js';
import { PHASES, type Phase } from '../engine/phases.js';
import { ConservationLedger } from '../metrics/conservation.js';
import type { Table } from '../metrics/table.js';
import { RandomStreams } from '../random/streams.js';
import { FleeAgents } from './agents.js';
import { DayState } from './day-state.js';
import { displace, displacementSchedule } from './displacement.js';
import { move } from './movement.js';
import { FleeNetwork } from './network.js';
import type { FleeRunState } from './run-state.js';
import { campIndices, observedOn, type FleeScenario, type ObservedSeries } from './scenario.js';
import { DEFAULT_FLEE_SETTINGS, type FleeSettings } from './settings.js';

export interface FleeRunOptions {
  /** The rule set's parameters; DEFAULT_FLEE_SETTINGS when left out. */
  settings?: FleeSettings;
  /** Seed of the run's random streams (default 1). */
  seed?: number;
  /** Replication number: a different, independent run of the same scenario and seed. */
  replication?: number;
}

/** What a Flee run produced: persons in each camp at the end of each day, simulated and observed. */
export interface FleeRunResult {
  conflict: string;
  seed: number;
  replication: number;
  /** Days run. */
  days: number;
  /** People displaced so far (agents × personsPerAgent is persons). */
  agents: number;
  personsPerAgent: number;
  /** Sum over days of the agents present that day: the work done. */
  agentDays: number;
  camps: string[];
  dates: string[];
  /** simulated[day][camp] and observed[day][camp], in persons, camps in the order of `camps`. */
  simulated: Float64Array[];
  observed: Float64Array[];
  /** The same, one row per day and camp: day, date, camp, simulated, observed. */
  table: Table;
}

/** The phases of a day in which the Flee rule set does work; the metrics phase is the simulation's recordDay. */
const FLEE_WORK: Partial<Record<Exclude<Phase, 'metrics'>, (run: FleeRunState) => void>> = {
  drivers: (run) => {
    const perAgent = run.settings.optimisations.hasten;
    const { persons, stocks } = run;
    for (let p = 0; p < persons.length; p++) persons[p] = stocks[p + 1] * perAgent;
    run.state.update(run.day, persons, run.population);
  },
  decisions: displace,
  movement: move,
};

/**
 * One run of a Flee scenario under the displacement rule set (see
 * docs/flee.md): a day is a tick, and each day runs the engine's phases in
 * order: drivers (conflicts, closures, the day's tables), decisions (newly
 * displaced people appear), movement (everyone decides and travels), metrics
 * (conservation checked, camps counted). Step it a day at a time or run it to
 * the end.
 */
export class FleeSimulation {
  readonly scenario: FleeScenario;
  readonly settings: FleeSettings;
  readonly seed: number;
  readonly replication: number;
  readonly clock: Clock;
  readonly agents: FleeAgents;
  readonly network: FleeNetwork;
  private readonly run: FleeRunState;
  private readonly ledger: ConservationLedger;
  /** Day of the month the run starts on, less one: the Clock counts days from the first of the month. */
  private readonly dayOffset: number;
  private readonly camps: number[];
  private readonly campSeries: ObservedSeries[];
  private readonly simulated: Float64Array[] = [];
  private readonly observed: Float64Array[] = [];
  private agentDays = 0;

  constructor(scenario: FleeScenario, options: FleeRunOptions = {}) {
    this.scenario = scenario;
    this.settings = options.settings ?? DEFAULT_FLEE_SETTINGS;
    this.seed = options.seed ?? 1;
    this.replication = options.replication ?? 0;
    this.clock = new Clock(scenario.startDate.slice(0, 7), 365);
    this.dayOffset = Number(scenario.startDate.slice(8, 10)) - 1;
    this.network = new FleeNetwork(scenario, this.settings.move_rules.awareness_level);
    const schedule = displacementSchedule(scenario, this.settings);
    this.agents = new FleeAgents(schedule.totalAgents, this.network.optionArcs.length > this.network.options);
    const P = scenario.places.length;
    const stocks = new Float64Array(P + 2);
    schedule.initialByPlace.forEach((n, p) => {
      for (let k = 0; k < n; k++) this.agents.add(p, 0);
      stocks[p + 1] = n;
    });
    stocks[0] = schedule.totalAgents - this.agents.size;
    this.ledger = new ConservationLedger(stocks, ['not yet displaced', ...scenario.places.map((p) => p.name), 'on the way']);
    this.camps = campIndices(scenario);
    this.campSeries = this.camps.map((p) => scenario.observedSeries.find((s) => s.name === scenario.places[p].name)!);
    this.run = {
      scenario, settings: this.settings, network: this.network, agents: this.agents, schedule,
      state: new DayState(scenario, this.settings, this.network),
      streams: new RandomStreams({ scenario: scenario.name, seed: this.seed, replication: this.replication }),
      population: Float64Array.from(scenario.places, (p) => p.population),
      stocks, transitions: new Float64Array((P + 2) * (P + 2)),
      persons: new Float64Array(P), wait: new Float64Array(P), gapScale: new Float64Array(P), waiting: 0, day: 0,
    };
  }

  /** The next day to run (= days run so far). */
  get day(): number {
    return this.run.day;
  }

  get finished(): boolean {
    return this.run.day >= this.scenario.days;
  }

  /** Calendar date (YYYY-MM-DD) of a day of the run. */
  date(day: number): string {
    return this.clock.date(this.dayOffset + day);
  }

  /** Persons at a place now (at the end of the last day run). */
  personsAt(place: string): number {
    const p = this.scenario.places.findIndex((x) => x.name === place);
    if (p < 0) throw new Error(`no place "${place}" in ${this.scenario.name}`);
    return this.run.stocks[p + 1] * this.settings.optimisations.hasten;
  }

  /** Persons on the way between places now. */
  get personsOnTheWay(): number {
    return this.run.stocks[this.run.stocks.length - 1] * this.settings.optimisations.hasten;
  }

  /** The day's tables as the rules set them (role, move chance, option weights) for inspection. */
  get dayState(): DayState {
    return this.run.state;
  }

  /** Runs one day through every phase in order. */
  step(): void {
    if (this.finished) throw new Error(`the run has already reached its last day (${this.scenario.days}); a FleeSimulation cannot run past sim_period.csv's Length`);
    const run = this.run;
    run.transitions.fill(0);
    for (const phase of PHASES) {
      if (phase === 'metrics') this.recordDay();
      else FLEE_WORK[phase]?.(run);
    }
    run.day++;
  }

  /** Runs `days` more days, or to the end of the period. */
  runFor(days = this.scenario.days - this.day): FleeRunResult {
    const end = Math.min(this.scenario.days, this.day + days);
    while (this.day < end) this.step();
    return this.result();
  }

  /** Days the conservation check has passed. */
  get conservationChecks(): number {
    return this.ledger.ticksChecked;
  }

  result(): FleeRunResult {
    const perAgent = this.settings.optimisations.hasten;
    const camps = this.camps.map((p) => this.scenario.places[p].name);
    const dates = this.simulated.map((_, d) => this.date(d));
    const rows: Array<Array<string | number>> = [];
    this.simulated.forEach((sim, d) => camps.forEach((camp, c) => rows.push([d, dates[d], camp, sim[c], this.observed[d][c]])));
    return {
      conflict: this.scenario.name, seed: this.seed, replication: this.replication, days: this.day,
      agents: this.agents.size, personsPerAgent: perAgent, agentDays: this.agentDays, camps, dates,
      simulated: this.simulated, observed: this.observed,
      table: { name: 'camps', columns: ['day', 'date', 'camp', 'simulated', 'observed'], rows },
    };
  }

  private recordDay(): void {
    const run = this.run;
    run.stocks[0] = run.schedule.totalAgents - this.agents.size;
    this.ledger.check(run.day, run.stocks, run.transitions);
    this.agentDays += this.agents.size;
    const perAgent = this.settings.optimisations.hasten;
    this.simulated.push(Float64Array.from(this.camps, (p) => run.stocks[p + 1] * perAgent));
    this.observed.push(Float64Array.from(this.campSeries, (s) => observedOn(s, run.day)));
  }
}
