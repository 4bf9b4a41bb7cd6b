import { MigrantStore, NONE } from '../agents/store.js';
import { Clock } from '../engine/clock.js';
import { compileQuantity } from '../world/quantity.js';
import { ScenarioError } from './errors.js';
import type { Scenario } from './types.js';

/** What a run of a scenario will take, estimated before anything is allocated. */
export interface RunSize {
  agents: number;
  /** Memory the run needs: the agents' store, the world's country-by-country matrices, the per-tick tables. */
  bytes: number;
  /** Agents times ticks: the work of the run. */
  agentTicks: number;
}

/** The bytes of one agent in the store, measured from the store itself so a new field is counted. */
export const BYTES_PER_AGENT = (() => {
  const size = 7;
  const store = new MigrantStore(size) as unknown as Record<string, unknown>;
  let bytes = 0;
  for (const v of Object.values(store)) if (ArrayBuffer.isView(v) && (v as Uint8Array).length === size) bytes += v.byteLength;
  return bytes / size;
})();

/** Bytes of the per-tick tables per row-holding entity (a country pair, leg, route or channel), a generous measure of JS rows of numbers. */
const TABLE_BYTES_PER_ENTITY_TICK = 64;
/** The world keeps a few country-by-country matrices of doubles (diaspora, recognition, flows). */
const COUNTRY_PAIR_BYTES = 4 * 8;
/** Places are indexed by 16 bits in the store (one value marks "none"); agents by a 32-bit index. */
const MAX_PLACES = NONE;
const MAX_AGENTS = 2 ** 31 - 1;

export function estimateRunSize(scenario: Scenario): RunSize {
  const clock = new Clock(scenario.start, scenario.ticksPerYear);
  const at = clock.at(0);
  let agents = 0;
  for (const id of scenario.agents.origins) {
    const country = scenario.countries.find((c) => c.id === id);
    if (country) agents += Math.round(compileQuantity(country.population)(at) / scenario.agents.scale);
  }
  const n = scenario.countries.length;
  const entities = n * n + n + scenario.legs.length + scenario.routes.length + scenario.channels.length;
  const bytes = agents * BYTES_PER_AGENT + n * n * COUNTRY_PAIR_BYTES + (scenario.ticks + 1) * entities * TABLE_BYTES_PER_ENTITY_TICK;
  return { agents, bytes, agentTicks: agents * scenario.ticks };
}

/**
 * Refuses a run that cannot fit (in `memoryBytes`, for `copies` runs at once,
 * one per worker) or that the store cannot index, with what would fit. Throws
 * a ScenarioError naming the field to change; returns the estimate otherwise.
 */
export function checkRunSize(scenario: Scenario, source: string, memoryBytes = Infinity, copies = 1): RunSize {
  const size = estimateRunSize(scenario);
  const places = scenario.countries.reduce((sum, c) => sum + Math.max(1, c.places.length), 0);
  const scale = scenario.agents.scale;
  const perAgent = BYTES_PER_AGENT * copies;
  const fixed = size.bytes - size.agents * BYTES_PER_AGENT;
  const fail = (path: string, expected: string, found: string): never => {
    throw new ScenarioError(source, [{ path, expected, found }]);
  };
  if (places >= MAX_PLACES) fail('countries', `fewer than ${MAX_PLACES} places in all (each country without places is one)`, `${places} places`);
  if (fixed * copies > memoryBytes) {
    fail('countries', `a world that fits in ${formatBytes(memoryBytes)}${copies > 1 ? ` for ${copies} workers` : ''}`, `${n(scenario.countries.length)} countries over ${n(scenario.ticks)} ticks, needing about ${formatBytes(fixed * copies)} before any agent`);
  }
  const fitting = Math.min(MAX_AGENTS, Math.floor((memoryBytes - fixed * copies) / perAgent));
  if (size.agents > fitting) {
    const limit = fitting === MAX_AGENTS ? `the store indexes at most ${n(MAX_AGENTS)} agents` : `this machine has ${formatBytes(memoryBytes)}${copies > 1 ? ` shared by ${copies} workers` : ''}: at most about ${n(fitting)} agents`;
    fail('agents.scale', `a scale giving agents that fit (${limit})`, `${scale}, which makes ${n(size.agents)} agents (about ${formatBytes(size.agents * perAgent + fixed * copies)})`);
  }
  return size;
}

/** A count in a short form: 6e+15 for the absurd, 1,234,567 otherwise. */
function n(count: number): string {
  return count >= 1e12 ? count.toExponential(1) : count.toLocaleString('en-US');
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === units.length - 1 && v >= 1024 ? `${bytes.toExponential(1)} bytes` : `${v >= 100 || u === 0 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}
