import { STATE_NAMES } from '../agents/states.js';

/** Raised when somebody is lost or created: a defect in the engine, never a user error. */
export class ConservationError extends Error {
  constructor(readonly tick: number, detail: string) {
    super(`conservation violated at tick ${tick}: ${detail}`);
    this.name = 'ConservationError';
  }
}

/**
 * Checks every tick that everybody is somewhere: the stocks by state add up to
 * the population, and each stock changed by exactly its recorded inflows minus
 * outflows. The second check catches a state written without being counted.
 */
export class ConservationLedger {
  private previous: Float64Array;
  readonly total: number;
  ticksChecked = 0;

  /** `initial`: people by state (or by any other stocks, named by `names`) before the first tick. */
  constructor(initial: Float64Array, private readonly names: readonly string[] = STATE_NAMES) {
    this.previous = Float64Array.from(initial);
    this.total = initial.reduce((a, b) => a + b, 0);
  }

  check(tick: number, stocks: Float64Array, transitions: Float64Array): void {
    const sum = stocks.reduce((a, b) => a + b, 0);
    if (sum !== this.total) throw new ConservationError(tick, `stocks add up to ${sum}, population is ${this.total}`);
    const n = this.names.length;
    for (let s = 0; s < n; s++) {
      let flow = 0;
      for (let k = 0; k < n; k++) flow += transitions[k * n + s] - transitions[s * n + k];
      if (this.previous[s] + flow !== stocks[s]) {
        throw new ConservationError(tick, `${this.names[s]} went from ${this.previous[s]} to ${stocks[s]} but recorded flows add ${flow}`);
      }
    }
    this.previous = Float64Array.from(stocks);
    this.ticksChecked++;
  }
}
