import { widen } from './widen.js';

/**
 * Smugglers, the few: each works one leg, with a capacity, a cost level, a
 * mode (standard or cheap and risky) and a running estimate of its profit.
 * Stored as growing typed arrays; those arrested or gone keep their slot so
 * their books stay readable. `active` lists the slots still working, in the
 * order they entered, so the market never walks the books of those gone
 * (free entry leaves far more gone than working).
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
  /** Everything this smuggler paid officials of its leg's start country, in agent units. */
  bribes = new Float64Array(64);
  /** Slots of active smugglers, ascending; activeCount of them are valid. */
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
    this.bribes[k] = 0;
    this.active[this.activeCount++] = k;
    return k;
  }

  /** Drops those no longer active from `active`, keeping the order of the rest. */
  compact(): void {
    let kept = 0;
    for (let a = 0; a < this.activeCount; a++) {
      const k = this.active[a];
      if (this.status[k] === SmugglerStatus.Active) this.active[kept++] = k;
    }
    this.activeCount = kept;
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
    this.bribes = widen(this.bribes, n);
    this.active = widen(this.active, n);
  }
}
