import type { BehaviourParameters } from '../behaviour/parameters.js';
import type { ChannelInput, CountryInput, LegInput, PolicyInput, RouteInput, Scenario, ScenarioInput, TicksPerYear } from './types.js';
import { validateScenario } from './validate.js';

/**
 * Builds a scenario in a script or notebook, with types to guide you. `build()`
 * runs the same validation as a scenario file, so both give the same Scenario.
 *
 *   const s = scenario('my-study').starting('2014-01').ticks(24)
 *     .agents({ scale: 1000, origins: ['SEN'] })
 *     .country({ id: 'SEN', population: 15e6, gdpPerCapita: 3000, wages: { low: 1800, high: 7000 } })
 *     .build();
 */
export class ScenarioBuilder {
  private readonly input: { -readonly [K in keyof ScenarioInput]: ScenarioInput[K] };

  constructor(name: string) {
    this.input = { name, start: '', ticks: 0, agents: { scale: 1, origins: [] }, countries: [], channels: [], legs: [], routes: [] };
  }

  describe(text: string): this {
    this.input.description = text;
    return this;
  }

  /** First month, `YYYY-MM`. */
  starting(month: string): this {
    this.input.start = month;
    return this;
  }

  ticks(n: number, ticksPerYear?: TicksPerYear): this {
    this.input.ticks = n;
    if (ticksPerYear !== undefined) this.input.ticksPerYear = ticksPerYear;
    return this;
  }

  seed(n: number): this {
    this.input.seed = n;
    return this;
  }

  agents(agents: ScenarioInput['agents']): this {
    this.input.agents = agents;
    return this;
  }

  behaviour(overrides: Partial<BehaviourParameters>): this {
    this.input.behaviour = { ...this.input.behaviour, ...overrides };
    return this;
  }

  country(country: CountryInput): this {
    this.input.countries.push(country);
    return this;
  }

  channel(channel: ChannelInput): this {
    this.input.channels!.push(channel);
    return this;
  }

  leg(leg: LegInput): this {
    this.input.legs!.push(leg);
    return this;
  }

  route(route: RouteInput): this {
    this.input.routes!.push(route);
    return this;
  }

  /** A policy from the registry, e.g. `{ plugin: 'set-attribute', kind: 'leg', targets: ['lby-ita'], attribute: 'interception', value: 0.5, from: '2017-07' }`. */
  policy(policy: PolicyInput): this {
    (this.input.policies ??= []).push(policy);
    return this;
  }

  /** An agreement between two countries with governments (see the README on agreements). */
  agreement(agreement: Record<string, unknown>): this {
    (this.input.agreements ??= []).push(agreement);
    return this;
  }

  /** Validates and returns the scenario; throws a ScenarioError listing every problem. */
  build(): Scenario {
    return validateScenario(structuredClone(this.input), `scenario builder "${this.input.name}"`);
  }
}

export function scenario(name: string): ScenarioBuilder {
  return new ScenarioBuilder(name);
}
