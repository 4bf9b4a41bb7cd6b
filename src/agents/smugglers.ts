import { widen } from './widen.js';

/**
 * Smugglers, the few: each works one leg, with a capacity, a cost level, a
 * mode (standard or cheap and risky) and a running estimate of its profit.
 * Stored as growing typed arrays; those arrested or gone keep their slot so
 * their books stay readable.
 */
export const SmugglerStatus = { Active: 1, Arrested: 2, Left: 3 } as const;

export class SmugglerStore {
  count = 0;
  leg = new Int32Array(64);
  status = new Uint8Array(64);
  risky = new Uint8Array(64);
  /** Multiplier of the leg's operating cost for this smuggler. */
  costFactor = new Float64Array(64);
  /** Agents one smuggler can take across per tick. */
  capacity = new Float64Array(64);
  /** Profit per year, smoothed, PPP dollars. */
  profit = new Float64Array(64);
  /** Everything migrants paid this smuggler, in agent units (times scale for persons). */
  revenue = new Float64Array(64);
  /**
   * Slots of the smugglers active as of the last prune, in increasing order, then those added
   * since: most slots ever used are of smugglers arrested or gone, so the markets' loops walk
   * this list (checking the status still) and, in the same order, meet the same smugglers.
   */
  active = new Int32Array(64);
  activeCount = 0;

  add(leg: number, capacity: number, costFactor: number, profit: number): number {
    if (this.count === this.leg.length) this.grow();
    const k = this.count++;
    this.leg[k] = leg;
    this.status[k] = SmugglerStatus.Active;
    this.risky[k] = 0;
    this.costFactor[k] = costFactor;
    this.capacity[k] = capacity;
    this.profit[k] = profit;
    this.revenue[k] = 0;
    this.active[this.activeCount++] = k;
    return k;
  }

  /** Drops from `active` the smugglers no longer active, keeping the order. */
  pruneActive(): void {
    let n = 0;
    for (let a = 0; a < this.activeCount; a++) {
      const k = this.active[a];
      if (this.status[k] === SmugglerStatus.Active) this.active[n++] = k;
    }
    this.activeCount = n;
  }

  private grow(): void {
    const n = this.leg.length * 2;
    this.leg = widen(this.leg, n);
    this.status = widen(this.status, n);
    this.risky = widen(this.risky, n);
    this.costFactor = widen(this.costFactor, n);
    this.capacity = widen(this.capacity, n);
    this.profit = widen(this.profit, n);
    this.revenue = widen(this.revenue, n);
    this.active = widen(this.active, n);
  }
}
