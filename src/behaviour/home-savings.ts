import { State } from '../agents/states.js';
import type { MigrantStore } from '../agents/store.js';
import type { World } from '../world/world.js';

/**
 * Wealth of people at home, kept lazily and valued at what home incomes are
 * now. Most of what a household at home owns (land, livestock, a house,
 * savings in kind) and what it can raise against it move with local incomes,
 * so a rise in home incomes raises at once what a would-be migrant can
 * mobilise: income shocks change migration within a year or two through
 * liquidity (Bazzi 2017, AEJ Applied 9(2), Indonesian villages; Angelucci
 * 2015, REStat 97(1), Progresa transfers raised migration to the US).
 *
 * So a person at home holds wealth in years of their home income, and
 * everybody at home of one origin and skill saves the same share of a year's
 * income each tick: one running total per origin and skill grows, and a
 * person at home holds their wealth minus that total as it stood when they
 * came home. `effective` gives the balance in dollars at today's income;
 * leaving home turns it back into dollars, which no longer follow home incomes.
 */
export class HomeSavings {
  /** Saved so far by one person at home, in years of home income, by origin * 2 + skill. */
  readonly total: Float64Array;
  /** What a year of home income is worth now, by origin * 2 + skill (at least a dollar, so no wealth is lost to a zero). */
  readonly income: Float64Array;

  /** Turns the dollars everybody at home starts with into years of the home income at the start. */
  constructor(world: World, store: MigrantStore) {
    const n = world.countryCount;
    const c = world.country.values;
    this.total = new Float64Array(n * 2);
    this.income = new Float64Array(n * 2);
    for (let k = 0; k < n; k++) {
      this.income[k * 2] = Math.max(1, c.wageLow[k] * (1 - c.unemployment[k]));
      this.income[k * 2 + 1] = Math.max(1, c.wageHigh[k] * (1 - c.unemployment[k]));
    }
    for (let i = 0; i < store.size; i++) if (store.state[i] === State.Home) store.savings[i] /= this.income[store.origin[i] * 2 + store.skill[i]];
  }

  effective(store: MigrantStore, i: number): number {
    if (store.state[i] !== State.Home) return store.savings[i];
    const key = store.origin[i] * 2 + store.skill[i];
    return (store.savings[i] + this.total[key]) * this.income[key];
  }

  /** Call just before a person leaves home. */
  leave(store: MigrantStore, i: number): void {
    const key = store.origin[i] * 2 + store.skill[i];
    store.savings[i] = (store.savings[i] + this.total[key]) * this.income[key];
  }

  /** Call just after a person comes back to the Home state. */
  arrive(store: MigrantStore, i: number): void {
    const key = store.origin[i] * 2 + store.skill[i];
    store.savings[i] = store.savings[i] / this.income[key] - this.total[key];
  }

  /** Earnings phase: wealth at home is revalued at this tick's home incomes, and everybody at home saves `share` of a year's income. */
  save(homeIncome: Float64Array, share: number): void {
    for (let key = 0; key < this.total.length; key++) {
      this.income[key] = Math.max(1, homeIncome[key]);
      this.total[key] += share;
    }
  }
}
