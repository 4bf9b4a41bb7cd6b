import { compileQuantity, type QuantityFn, type TimePoint } from './quantity.js';
import type { Quantity } from '../scenario/types.js';

/**
 * Time-varying attributes of one kind of entity (countries, legs, channels):
 * the scenario's value for this tick, replaced where a policy has set an
 * override. `values[attribute][entity]` is what behaviour reads.
 */
export class AttributeTable<A extends string> {
  readonly values: Record<A, Float64Array>;
  private readonly baseValues: Record<A, Float64Array>;
  private readonly fns: Record<A, QuantityFn[]>;
  /** Overrides in force, by attribute and entity. */
  private readonly overrides = new Map<A, Map<number, number>>();
  private readonly known: ReadonlySet<string>;

  constructor(readonly kind: string, readonly ids: readonly string[], readonly attributes: readonly A[], quantity: (entity: number, attribute: A) => Quantity) {
    this.values = {} as Record<A, Float64Array>;
    this.baseValues = {} as Record<A, Float64Array>;
    this.fns = {} as Record<A, QuantityFn[]>;
    this.known = new Set(attributes);
    for (const a of attributes) {
      this.values[a] = new Float64Array(ids.length);
      this.baseValues[a] = new Float64Array(ids.length);
      this.fns[a] = ids.map((_, i) => compileQuantity(quantity(i, a)));
    }
  }

  has(attribute: string): attribute is A {
    return this.known.has(attribute);
  }

  /** Reads the scenario's values for this moment, then applies overrides. */
  update(at: TimePoint): void {
    for (const a of this.attributes) {
      const base = this.baseValues[a];
      const fns = this.fns[a];
      for (let i = 0; i < fns.length; i++) base[i] = fns[i](at);
      this.values[a].set(base);
    }
    this.applyOverrides();
  }

  base(entity: number, attribute: A): number {
    return this.baseValues[attribute][entity];
  }

  /** Replaces the scenario's value from now until released. */
  override(entity: number, attribute: A, value: number): void {
    let cells = this.overrides.get(attribute);
    if (!cells) this.overrides.set(attribute, (cells = new Map()));
    cells.set(entity, value);
    this.values[attribute][entity] = value;
  }

  /** Lets the scenario's value apply again. */
  release(entity: number, attribute: A): void {
    this.overrides.get(attribute)?.delete(entity);
    this.values[attribute][entity] = this.baseValues[attribute][entity];
  }

  private applyOverrides(): void {
    for (const [a, cells] of this.overrides) {
      const values = this.values[a];
      for (const [e, value] of cells) values[e] = value;
    }
  }
}
