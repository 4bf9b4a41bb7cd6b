import { scenario } from '../src/scenario/builder.js';
import type { ChannelInput, CountryInput, LegInput, Scenario } from '../src/scenario/types.js';
import type { BehaviourParameters } from '../src/behaviour/parameters.js';

/**
 * A small three-country world for testing one mechanism at a time: origin ORI,
 * transit TRA, destination DES, a route ORI -> TRA -> DES and, optionally, a
 * legal channel. People here want to leave (high aspiration) and can afford
 * to, so transitions happen within a few ticks.
 */
export interface SmallWorld {
  ticks?: number;
  legs?: Partial<LegInput>[];
  channel?: Partial<ChannelInput> | false;
  origin?: Partial<CountryInput>;
  destination?: Partial<CountryInput>;
  behaviour?: Partial<BehaviourParameters>;
  population?: number;
}

export function smallWorld(options: SmallWorld = {}): Scenario {
  const legs = options.legs ?? [{}, {}];
  const b = scenario('small-world')
    .starting('2020-01')
    .ticks(options.ticks ?? 36)
    .agents({ scale: 10, origins: ['ORI'] })
    .behaviour({ reconsiderPerYear: 4, aspirationBase: 1, initialSavingsMonths: 24, choiceIrregularConstant: 0, choiceLegalConstant: 0, ...options.behaviour })
    .country({ id: 'ORI', population: options.population ?? 50_000, gdpPerCapita: 2000, wages: { low: 1500, high: 4000 }, unemployment: 0.2, ...options.origin })
    .country({ id: 'TRA', population: 10_000_000, gdpPerCapita: 8000, wages: { low: 5000, high: 12000 } })
    .country({
      id: 'DES', population: 50_000_000, gdpPerCapita: 40_000, wages: { low: 25_000, high: 50_000 }, unemployment: 0.05,
      asylum: { decisionMonths: 3, recognition: { default: 0 } }, ...options.destination,
    })
    .leg({ id: 'ori-tra', from: 'ORI', to: 'TRA', mode: 'land', durationDays: 5, cost: 100, mortality: 0, interception: 0, ...legs[0] })
    .leg({ id: 'tra-des', from: 'TRA', to: 'DES', mode: 'sea', durationDays: 2, cost: 300, mortality: 0, interception: 0, ...legs[1] })
    .route({ id: 'main', legs: ['ori-tra', 'tra-des'] });
  if (options.channel) {
    b.channel({ id: 'work', type: 'work', destination: 'DES', quotaPerYear: 1000, fee: 100, processingMonths: 1, stayMonths: 12, ...options.channel });
  }
  return b.build();
}
