import type { Census } from '../metrics/census.js';
import type { RunState } from '../engine/run-state.js';

/**
 * Labour markets, read in the drivers phase from the census at the start of
 * the tick. Jobs open to migrants (by skill) are shared among regular
 * migrants and, weighing less, irregular ones; irregular migrants find work
 * less often. Wages respond mildly: down in a destination as its migrant
 * share grows, up in an origin as its emigrant share grows.
 */
export class LabourMarket {
  /** employment[(country * 2 + skill) * 2 + (irregular ? 1 : 0)]: chance a migrant there has work. */
  readonly employment: Float64Array;

  constructor(countries: number) {
    this.employment = new Float64Array(countries * 4);
  }

  update(run: RunState, census: Census): void {
    const { world, params, scale, counters } = run;
    const v = world.country.values;
    for (let k = 0; k < world.countryCount; k++) {
      const population = v.population[k];
      let migrants = 0;
      for (let j = 0; j < 4; j++) migrants += census.migrants[k * 4 + j];
      const migrantShare = population > 0 ? (migrants * scale) / population : 0;
      const emigrantShare = population > 0 ? (census.abroad[k] * scale) / population : 0;
      const wageFactor = Math.pow(1 + migrantShare, -params.destinationWageElasticity) * Math.pow(1 + emigrantShare, params.originWageElasticity);
      v.wageLow[k] *= wageFactor;
      v.wageHigh[k] *= wageFactor;
      counters.country.count.wageLow[k] = v.wageLow[k];
      counters.country.count.wageHigh[k] = v.wageHigh[k];

      const employed = 1 - v.unemployment[k];
      for (let s = 0; s < 2; s++) {
        const regular = census.migrants[(k * 2 + s) * 2];
        const irregular = census.migrants[(k * 2 + s) * 2 + 1];
        const jobs = s === 0 ? v.labourDemandLow[k] : v.labourDemandHigh[k];
        const seekers = (regular + params.irregularJobCompetition * irregular) * scale;
        const share = seekers > 0 ? Math.min(1, jobs / seekers) : 1;
        this.employment[(k * 2 + s) * 2] = employed * share;
        this.employment[(k * 2 + s) * 2 + 1] = employed * share * params.irregularEmployment;
        counters.country.count.employedRegular[k] += regular * employed * share;
        counters.country.count.employedIrregular[k] += irregular * employed * share * params.irregularEmployment;
      }
    }
  }
}
