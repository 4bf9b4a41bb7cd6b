import type { RunState } from '../engine/run-state.js';

/**
 * Root-cause aid, read in the drivers phase: money an origin receives each
 * year (the `aidPerYear` attribute, set by the aid policy) raises incomes
 * and jobs there, in proportion to its share of GDP and to how well the
 * country is governed, and only with a lag. Aid small against GDP changes
 * little; where it raises incomes it lowers aspiration but raises what people
 * can afford, so emigration first rises, then falls (the migration hump).
 */
export class AidEffects {
  /** Current rise of incomes from aid, by country (0.05: 5% higher). */
  readonly incomeEffect: Float64Array;

  constructor(countries: number) {
    this.incomeEffect = new Float64Array(countries);
  }

  update(run: RunState): void {
    const { world, params, clock, counters } = run;
    const v = world.country.values;
    const adjust = 1 - Math.exp(-1 / (Math.max(params.aidLagYears, 1e-9) * clock.ticksPerYear));
    for (let k = 0; k < world.countryCount; k++) {
      const gdp = v.gdpPerCapita[k] * v.population[k];
      const share = gdp > 0 ? v.aidPerYear[k] / gdp : 0;
      const target = params.aidIncomeReturn * Math.pow(v.governance[k], params.aidGovernanceElasticity) * share;
      this.incomeEffect[k] += adjust * (target - this.incomeEffect[k]);
      const e = this.incomeEffect[k];
      v.wageLow[k] *= 1 + e;
      v.wageHigh[k] *= 1 + e;
      v.gdpPerCapita[k] *= 1 + e;
      v.unemployment[k] *= Math.max(0, 1 - params.aidJobEffect * e);
      counters.country.count.aidReceived[k] = v.aidPerYear[k] / clock.ticksPerYear;
      counters.country.count.aidIncomeEffect[k] = e;
    }
  }
}
