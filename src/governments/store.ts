import type { GovernmentSpec, InstrumentKind, InstrumentSpec } from '../scenario/types.js';
import { FigureHistory, type FigureSources } from './figures.js';

/**
 * Governments, the few: one per country with a `government:` block, in a
 * small struct-of-arrays store of their own, with their instruments in
 * another. A government's books balance: what it had, plus its own budget and
 * what it received, less what it gave and spent, is its reserve.
 */
export class GovernmentStore {
  readonly count: number;
  readonly country: string[];
  readonly specs: GovernmentSpec[];
  readonly sources: FigureSources[];
  readonly history: FigureHistory[];
  readonly reviewTicks: Int32Array;
  /** Money, PPP dollars, since the start: own budget in, received from states, given to states, spent on instruments, lost to corruption (part of spent). */
  readonly income: Float64Array;
  readonly received: Float64Array;
  readonly given: Float64Array;
  readonly spent: Float64Array;
  readonly leaked: Float64Array;
  readonly reserve: Float64Array;
  /** This tick's received and given, and spending per year (for its figures). */
  readonly receivedNow: Float64Array;
  readonly givenNow: Float64Array;
  readonly spendingPerYear: Float64Array;
  readonly leakage: Float64Array;
  /** Public attention to deaths: 1 in normal times, raised by a shock and fading (multiplies the weight on deaths). */
  readonly salience: Float64Array;

  constructor(entries: ReadonlyArray<{ country: string; spec: GovernmentSpec; sources: FigureSources }>, ticksPerYear: number) {
    this.count = entries.length;
    this.country = entries.map((e) => e.country);
    this.specs = entries.map((e) => e.spec);
    this.sources = entries.map((e) => e.sources);
    this.history = entries.map(() => new FigureHistory());
    this.reviewTicks = Int32Array.from(entries, (e) => Math.max(1, Math.round((e.spec.reviewMonths * ticksPerYear) / 12)));
    const money = () => new Float64Array(this.count);
    this.income = money();
    this.received = money();
    this.given = money();
    this.spent = money();
    this.leaked = money();
    this.reserve = money();
    this.receivedNow = money();
    this.givenNow = money();
    this.spendingPerYear = money();
    this.leakage = money();
    this.salience = money().fill(1);
  }

  index(country: string): number {
    return this.country.indexOf(country);
  }
}

/** Every government's instruments: what each may move, its level, and (for capacities) the capacity its money has built. */
export class InstrumentStore {
  readonly count: number;
  readonly government: Int32Array;
  readonly specs: InstrumentSpec[];
  readonly kind: InstrumentKind[];
  readonly level: Float64Array;
  /** Capacity built, PPP dollars a year of effective spending (interception, returnCooperation and inspection). */
  readonly capacity: Float64Array;
  /** Achieved level: mean interception on its legs, return cooperation, or recruiter inspection; the level itself for settings. */
  readonly achieved: Float64Array;
  /** Highest floor an agreement the government honours puts on the level (0: none). */
  readonly floor: Float64Array;
  /** Levels and payoffs at the last few reviews (for the recent response). */
  readonly pastLevels: number[][];
  readonly pastPayoffs: number[][];
  /** Figures of a quota instrument since its last review: admitted, overstayed, left on time, in persons. */
  readonly admitted: Float64Array;
  readonly overstayed: Float64Array;
  readonly leftOnTime: Float64Array;

  constructor(entries: ReadonlyArray<{ government: number; spec: InstrumentSpec }>) {
    this.count = entries.length;
    this.government = Int32Array.from(entries, (e) => e.government);
    this.specs = entries.map((e) => e.spec);
    this.kind = entries.map((e) => e.spec.kind);
    this.level = Float64Array.from(entries, (e) => e.spec.start);
    this.capacity = new Float64Array(this.count);
    this.achieved = new Float64Array(this.count);
    this.floor = new Float64Array(this.count);
    this.pastLevels = entries.map(() => []);
    this.pastPayoffs = entries.map(() => []);
    this.admitted = new Float64Array(this.count);
    this.overstayed = new Float64Array(this.count);
    this.leftOnTime = new Float64Array(this.count);
  }

  isCapacity(k: number): boolean {
    return this.kind[k] === 'interception' || this.kind[k] === 'returnCooperation' || this.kind[k] === 'inspection';
  }
}
