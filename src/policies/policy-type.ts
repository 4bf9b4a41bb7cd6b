import type { Clock } from '../engine/clock.js';
import type { Plugin } from '../engine/plugin.js';
import type { FieldPath, FieldReader } from '../scenario/fields.js';
import { countryOfPlace } from '../scenario/places.js';
import type { Scenario } from '../scenario/types.js';

/** What a policy's parameters may refer to: the ids in the scenario, and its calendar. */
export interface ScenarioIndex {
  countries: readonly string[];
  legs: readonly string[];
  channels: readonly string[];
  routes: readonly string[];
  /** Agreements between states, which `set-attribute` can end (kind `agreement`, attribute `inForce`). */
  agreements: readonly string[];
  /** Origins whose residents are simulated. */
  origins: readonly string[];
  /** Each leg with the countries it leaves and enters, and its mode. */
  legPlaces: ReadonlyArray<{ id: string; fromCountry: string; toCountry: string; mode: string }>;
  /** Each channel's destination. */
  channelDestinations: Readonly<Record<string, string>>;
  clock: Clock;
  ticks: number;
}

/**
 * A kind of policy that scenario files can name under `policies:`:
 *
 *   policies:
 *     - { plugin: border-enforcement, name: libya-coastguard, legs: [lby-ita], from: 2017-07, interception: 0.5 }
 *
 * `read` checks the parameters (every field but `plugin` and `name`), reporting
 * problems with their field paths, and returns them complete with defaults;
 * `create` makes the plugin for one run. Parameters are plain data, so a
 * scenario with its policies can be sent to a worker thread and rebuilt there.
 */
export interface PolicyType<P extends Record<string, unknown> = Record<string, unknown>> {
  readonly plugin: string;
  readonly description: string;
  read(spec: Record<string, unknown>, path: FieldPath, r: FieldReader, index: ScenarioIndex): P | undefined;
  create(name: string, parameters: P, index: ScenarioIndex): Plugin;
}

/** A policy as written in a validated scenario: its type, a unique name, and its parameters. */
export type PolicySpec = { plugin: string; name: string } & Record<string, unknown>;

/** The index of a scenario's parts (during validation, before the scenario is whole, or after). */
export function indexScenario(
  parts: Pick<Scenario, 'countries' | 'legs' | 'channels' | 'routes' | 'agreements'> & { origins: readonly string[] }, clock: Clock, ticks: number,
): ScenarioIndex {
  const countryOf = countryOfPlace(parts.countries);
  return {
    countries: parts.countries.map((c) => c.id), legs: parts.legs.map((l) => l.id), channels: parts.channels.map((c) => c.id),
    routes: parts.routes.map((r) => r.id), agreements: (parts.agreements ?? []).map((a) => a.id), origins: parts.origins, clock, ticks,
    legPlaces: parts.legs.map((l) => ({ id: l.id, fromCountry: countryOf.get(l.from)!, toCountry: countryOf.get(l.to)!, mode: l.mode })),
    channelDestinations: Object.fromEntries(parts.channels.map((c) => [c.id, c.destination])),
  };
}
