import { State } from '../agents/states.js';
import type { MigrantStore } from '../agents/store.js';

/**
 * Savings of people at home, kept lazily. Everybody at home of one origin and
 * skill saves the same amount each tick, so instead of adding it to millions
 * of balances, one running total per origin and skill grows, and a person at
 * home holds their savings minus that total as it stood when they came home.
 * `effective` gives the real balance; leaving home makes it real again.
 */
export class HomeSavings {
  /** Saved so far by one person at home, by origin * 2 + skill. */
  readonly total: Float64Array;

  constructor(countries: number) {
    this.total = new Float64Array(countries * 2);
  }

  effective(store: MigrantStore, i: number): number {
    return store.state[i] === State.Home ? store.savings[i] + this.total[store.origin[i] * 2 + store.skill[i]] : store.savings[i];
  }

  /** Call just before a person leaves home. */
  leave(store: MigrantStore, i: number): void {
    store.savings[i] += this.total[store.origin[i] * 2 + store.skill[i]];
  }

  /** Call just after a person comes back to the Home state. */
  arrive(store: MigrantStore, i: number): void {
    store.savings[i] -= this.total[store.origin[i] * 2 + store.skill[i]];
  }
}
