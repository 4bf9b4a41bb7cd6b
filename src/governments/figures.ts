import type { FigureDimension, PolicyApi } from '../engine/policy-api.js';
import type { ObjectiveWeights } from '../scenario/types.js';

/**
 * What a government can see of the world: aggregates of the last completed
 * tick, read through the policy interface, kept tick by tick so that it acts
 * on figures published with a lag. Flows are per year, stocks as counted.
 */
export const FIGURE_NAMES = [
  'arrivals', 'deaths', 'borderIncome', 'remittances', 'returnsReceived', 'returnAttempts', 'workers', 'overstays', 'leftOnTime',
  'paymentsReceived', 'spending', 'inTransit', 'hosted', 'abroad', 'migrantDebt',
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];
export type Figures = Record<FigureName, number>;
const STOCKS: ReadonlySet<FigureName> = new Set(['inTransit', 'hosted', 'abroad', 'migrantDebt']);
/** By figure's position in FIGURE_NAMES: whether it is a stock, and the position of each name. */
const IS_STOCK = FIGURE_NAMES.map((f) => STOCKS.has(f));
const POSITION = Object.fromEntries(FIGURE_NAMES.map((f, i) => [f, i])) as Record<FigureName, number>;
const PAYMENTS = POSITION.paymentsReceived;
const SPENDING = POSITION.spending;

/** Where a government's figures come from: ids of the routes, legs and pairs that are its own. */
export interface FigureSources {
  country: string;
  /** Routes that end in the country. */
  routesInto: string[];
  /** Legs that start in the country (its border economy) and that start or end in it (deaths). */
  legsFrom: string[];
  legsTouching: string[];
  /** Ids `channel:origin` of its own channels, and `destination:origin` of its nationals abroad. */
  channelPairs: string[];
  nationalsAbroad: string[];
}

/** How each figure it observes is read each tick, by position in FIGURE_NAMES: the sum of these readers of last tick's figures (none for its own books). */
export type FigureReaders = ReadonlyArray<ReadonlyArray<() => number>>;

/** A government's figures resolved once, at setup, to their places in last tick's figures (PolicyApi.observer). */
export function figureReaders(api: PolicyApi, src: FigureSources): FigureReaders {
  const country = (...fields: string[]) => fields.map((f) => api.observer('country', [src.country], f));
  // A figure over no routes, legs or pairs is 0: it gets no reader.
  const over = (dimension: FigureDimension, ids: readonly string[], field: string) => (ids.length === 0 ? [] : [api.observer(dimension, ids, field)]);
  const observed: Record<Exclude<FigureName, 'paymentsReceived' | 'spending'>, ReadonlyArray<() => number>> = {
    arrivals: over('route', src.routesInto, 'arrivals'),
    deaths: over('leg', src.legsTouching, 'deaths'),
    borderIncome: over('leg', src.legsFrom, 'revenue'),
    remittances: country('remittancesReceived'),
    // Its nationals returned, and others readmitted to it as a transit country.
    returnsReceived: country('returnsReceived', 'readmissionsReceived'),
    returnAttempts: over('return', src.nationalsAbroad, 'returnAttempts'),
    workers: over('channelOrigin', src.channelPairs, 'admissions'),
    overstays: over('channelOrigin', src.channelPairs, 'overstaysBegun'),
    leftOnTime: over('channelOrigin', src.channelPairs, 'leftOnTime'),
    inTransit: country('inTransit'),
    // Would-be migrants it hosts: those in transit there, and those who came without a channel and stay (given up on going on, readmitted, claiming asylum or protected there).
    hosted: country('inTransit', 'irregular', 'asylumPending', 'protected'),
    abroad: over('return', src.nationalsAbroad, 'abroad'),
    migrantDebt: country('migrantDebt'),
  };
  return FIGURE_NAMES.map((f) => (f === 'paymentsReceived' || f === 'spending' ? [] : observed[f]));
}

/** The tick-by-tick record of one government's figures, a row of FIGURE_NAMES a tick in one growing typed array, and their lagged means. */
export class FigureHistory {
  private rows = new Float64Array(FIGURE_NAMES.length * 64);
  private ticks = 0;

  /** Records last tick's figures; payments received and spending (last tick's, in dollars) are the government's own books. */
  record(readers: FigureReaders, ticksPerYear: number, paymentsReceived: number, spending: number): void {
    const width = FIGURE_NAMES.length;
    if ((this.ticks + 1) * width > this.rows.length) {
      const grown = new Float64Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const at = this.ticks * width;
    for (let f = 0; f < width; f++) {
      const parts = readers[f];
      let v = f === PAYMENTS ? paymentsReceived : f === SPENDING ? spending : 0;
      for (let j = 0; j < parts.length; j++) v += parts[j]();
      this.rows[at + f] = IS_STOCK[f] ? v : v * ticksPerYear;
    }
    this.ticks++;
  }

  /**
   * Public attention to deaths after this tick's record: it fades with its
   * half-life and jumps by the latest published tick's deaths beyond
   * `threshold` times the mean of the year before it (once a year is on
   * record), in units of `news` persons. 1 when nothing is news.
   */
  salience(previous: number, ticksPerYear: number, lag: number, threshold: number, news: number, halfLifeTicks: number): number {
    const latest = this.meanOf('deaths', 1, lag);
    const year = this.meanOf('deaths', ticksPerYear, lag + 1);
    const shock = this.ticks > ticksPerYear + lag ? Math.max(0, latest - threshold * year) / ticksPerYear / news : 0;
    return 1 + (previous - 1) * Math.pow(0.5, 1 / halfLifeTicks) + shock;
  }

  /** Means over `window` ticks ending `lag` ticks ago (what the latest statistics show). */
  lagged(window: number, lag: number): Figures {
    const means = {} as Figures;
    for (const f of FIGURE_NAMES) means[f] = this.meanOf(f, window, lag);
    return means;
  }

  /** The mean of one figure over `window` ticks ending `lag` ticks ago (0 before there is any). */
  meanOf(figure: FigureName, window: number, lag: number): number {
    const end = Math.max(0, this.ticks - lag);
    const start = Math.max(0, end - window);
    if (end === start) return 0;
    const width = FIGURE_NAMES.length;
    let sum = 0;
    for (let k = start * width + POSITION[figure]; k < end * width; k += width) sum += this.rows[k];
    return sum / (end - start);
  }
}

/**
 * A government's payoff from its figures: each weight times its figure in
 * the units below; public pressure is arrivals (thousands a year) scaled up
 * by neighbours' tightening (the rise in interception on their legs); deaths
 * weigh more while a shock holds public attention (salience); debt is
 * its nationals' debt to recruiters and lenders, a stock in M$.
 */
export function payoff(w: ObjectiveWeights, f: Figures, neighbourTightening: number, salience = 1): number {
  return w.arrivals * f.arrivals / 1e3 + w.deaths * salience * f.deaths / 1e2 + w.spending * f.spending / 1e6 + w.paymentsReceived * f.paymentsReceived / 1e6
    + w.remittances * f.remittances / 1e6 + w.returnsReceived * f.returnsReceived / 1e3 + w.borderIncome * f.borderIncome / 1e6
    + w.pressure * (f.arrivals / 1e3) * (1 + neighbourTightening) + w.workers * f.workers / 1e3 + w.overstays * f.overstays / 1e3 + w.migrantDebt * f.migrantDebt / 1e6;
}
