import type { RandomStream } from '../random/streams.js';
import type { TimePoint } from '../world/quantity.js';
import {
  ATTRIBUTE_RANGES, type AgreementAttribute, type ChannelAttribute, type ChannelOriginAttribute, type CountryAttribute, type LegAttribute, type World,
} from '../world/world.js';
import type { AttributeTable } from '../world/attributes.js';
import type { PolicyEvent } from './events.js';
import type { StateLedger } from '../governments/ledger.js';

export interface AttributesOf {
  country: CountryAttribute;
  leg: LegAttribute;
  channel: ChannelAttribute;
  /** Ids `channel:origin`. */
  channelOrigin: ChannelOriginAttribute;
  agreement: AgreementAttribute;
}
export type TargetKind = keyof AttributesOf;

/** Last tick's recorded figures, in persons, as plugins may read them. */
export type Observation = (dimension: FigureDimension, id: string, field: string) => number;
export type FigureDimension = 'country' | 'route' | 'leg' | 'channel' | 'channelOrigin' | 'return';

/**
 * The sum of one figure over `ids`, resolved once to places in last tick's
 * figures so that a plugin reading it every tick looks nothing up: each read
 * gives what adding up `observe` over the ids, in order, gives then.
 */
export type SummedObservation = (dimension: FigureDimension, ids: readonly string[], field: string) => () => number;

/**
 * What a plugin may do to the world. Reads see the state at the start of the
 * current phase; `set` and `release` take effect when the phase commits, and
 * each is recorded as a PolicyEvent. Values are checked against the
 * attribute's range; a bad id, attribute or value throws an Error naming them.
 */
export interface PolicyApi {
  readonly plugin: string;
  readonly tick: number;
  readonly date: string;
  readonly time: TimePoint;
  /** This plugin's own random stream. */
  readonly random: RandomStream;
  ids(kind: TargetKind): readonly string[];
  /** Value in force now (scenario value or a policy's override). */
  get<K extends TargetKind>(kind: K, id: string, attribute: AttributesOf[K]): number;
  /** The scenario's value for this tick, ignoring overrides. */
  base<K extends TargetKind>(kind: K, id: string, attribute: AttributesOf[K]): number;
  set<K extends TargetKind>(kind: K, id: string, attribute: AttributesOf[K], value: number, reason?: string): void;
  release<K extends TargetKind>(kind: K, id: string, attribute: AttributesOf[K], reason?: string): void;
  /** A figure of the last completed tick (0 before the first). */
  observe: Observation;
  /** A reader of `observe`'s sum over ids, for figures read every tick (bad ids or fields throw here, not at the read). */
  observer: SummedObservation;
  /** Money from one state to another this tick, PPP dollars, into the run's ledger of payments between states. */
  pay(from: string, to: string, amount: number): void;
  /** Records a change that is not an attribute of the world (an agreement's status, a payment's rate, a government's instrument). */
  note(kind: string, target: string, attribute: string, from: number, to: number, reason: string): void;
}

interface PendingChange {
  table: AttributeTable<string>;
  entity: number;
  attribute: string;
  value: number | undefined;
}

/** Collects plugin changes during a phase and applies them, in order, when it commits. */
export class PolicyChanges {
  private pending: PendingChange[] = [];
  constructor(private readonly world: World, private readonly events: PolicyEvent[], private readonly ledger: StateLedger) {}

  private readonly rows = new Map<AttributeTable<string>, Map<string, number>>();

  /** An entity's index in its table (-1 if unknown), from a map built once per table. */
  private rowOf(table: AttributeTable<string>, id: string): number {
    let rows = this.rows.get(table);
    if (!rows) this.rows.set(table, (rows = new Map(table.ids.map((x, i) => [x, i]))));
    return rows.get(id) ?? -1;
  }

  table(kind: TargetKind): AttributeTable<string> {
    return this.world[kind] as AttributeTable<string>;
  }

  /** Makes the API one plugin sees during one phase. */
  api(plugin: string, tick: number, date: string, time: TimePoint, random: RandomStream, observe: Observation, observer: SummedObservation): PolicyApi {
    // A plugin may call these several times a tick: the table, then the entity's row, with no object built a call.
    const tableOf = (kind: TargetKind) => {
      const table = this.table(kind);
      if (!table) throw new Error(`plugin "${plugin}": unknown kind "${kind}" (expected country, leg or channel)`);
      return table;
    };
    const locate = (table: AttributeTable<string>, kind: TargetKind, id: string, attribute: string) => {
      const entity = this.rowOf(table, id);
      if (entity < 0) throw new Error(`plugin "${plugin}": unknown ${kind} "${id}" (known: ${table.ids.join(', ')})`);
      if (!table.has(attribute)) throw new Error(`plugin "${plugin}": ${kind} has no attribute "${attribute}" (attributes: ${table.attributes.join(', ')})`);
      return entity;
    };
    const record = (kind: TargetKind, id: string, attribute: string, value: number | undefined, reason: string) => {
      const table = tableOf(kind);
      const entity = locate(table, kind, id, attribute);
      if (value !== undefined) {
        const range = (ATTRIBUTE_RANGES[kind] as Record<string, { min: number; max: number }>)[attribute];
        if (Number.isNaN(value) || value < range.min || value > range.max) {
          throw new Error(`plugin "${plugin}": ${kind} "${id}" ${attribute} must be from ${range.min} to ${range.max}, got ${value}`);
        }
      }
      this.pending.push({ table, entity, attribute, value });
      this.events.push({ tick, date, plugin, kind, target: id, attribute, from: table.values[attribute][entity], to: value ?? Number.NaN, reason });
    };
    return {
      plugin, tick, date, time, random, observe, observer,
      ids: (kind) => this.table(kind).ids,
      get: (kind, id, attribute) => {
        const table = tableOf(kind);
        return table.values[attribute][locate(table, kind, id, attribute)];
      },
      base: (kind, id, attribute) => {
        const table = tableOf(kind);
        return table.base(locate(table, kind, id, attribute), attribute);
      },
      set: (kind, id, attribute, value, reason = '') => record(kind, id, attribute, value, reason),
      release: (kind, id, attribute, reason = '') => record(kind, id, attribute, undefined, reason),
      pay: (from, to, amount) => this.ledger.pay(from, to, amount),
      note: (kind, target, attribute, from, to, reason) => void this.events.push({ tick, date, plugin, kind, target, attribute, from, to, reason }),
    };
  }

  commit(): void {
    for (const c of this.pending) {
      if (c.value === undefined) c.table.release(c.entity, c.attribute);
      else c.table.override(c.entity, c.attribute, c.value);
    }
    this.pending = [];
  }
}
