import { widen } from './widen.js';

/**
 * Recruiters, the few: each works in one origin, licensed or not, with a
 * capacity of placements and a running estimate of its profit.
 */
export const RecruiterStatus = { Active: 1, Left: 2 } as const;

export class RecruiterStore {
  count = 0;
  origin = new Int32Array(64);
  licensed = new Uint8Array(64);
  status = new Uint8Array(64);
  /** Placements one recruiter can make per tick, in agents. */
  capacity = new Float64Array(64);
  /** Profit per year, smoothed, PPP dollars. */
  profit = new Float64Array(64);
  /** Everything workers and employers paid this recruiter, in agent units (times scale for persons). */
  revenue = new Float64Array(64);

  add(origin: number, licensed: boolean, capacity: number, profit: number): number {
    if (this.count === this.origin.length) this.grow();
    const k = this.count++;
    this.origin[k] = origin;
    this.licensed[k] = licensed ? 1 : 0;
    this.status[k] = RecruiterStatus.Active;
    this.capacity[k] = capacity;
    this.profit[k] = profit;
    this.revenue[k] = 0;
    return k;
  }

  private grow(): void {
    const n = this.origin.length * 2;
    this.origin = widen(this.origin, n);
    this.licensed = widen(this.licensed, n);
    this.status = widen(this.status, n);
    this.capacity = widen(this.capacity, n);
    this.profit = widen(this.profit, n);
    this.revenue = widen(this.revenue, n);
  }
}
