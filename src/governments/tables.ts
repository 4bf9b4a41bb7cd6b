import type { Table } from '../metrics/table.js';
import type { InstrumentSpec } from '../scenario/types.js';

// What the governments plugin records: its two tables, and the names its instruments go by in them and in the events.

/** What an instrument acts on: its legs, its channel (and origin), or its origin. */
export function instrumentTarget(spec: InstrumentSpec): string {
  if (spec.kind === 'interception') return spec.legs.join('+');
  if (spec.kind === 'quota' || spec.kind === 'visa') return spec.origin === null ? spec.channel! : `${spec.channel}:${spec.origin}`;
  return spec.origin ?? '';
}

/** An instrument's id in the events: its country, kind and target. */
export function instrumentId(country: string, spec: InstrumentSpec): string {
  const target = instrumentTarget(spec);
  return target ? `${country}:${spec.kind}:${target}` : `${country}:${spec.kind}`;
}

/** A row per instrument at each of its government's reviews. */
export function governmentsTable(): Table {
  return {
    name: 'governments',
    columns: ['tick', 'date', 'country', 'instrument', 'target', 'level', 'achieved', 'capacityPerYear', 'floor', 'payoff', 'budgetPerYear', 'paymentsReceivedPerYear', 'spendingPerYear', 'leakage', 'reserve', 'deathsSalience'],
    rows: [],
  };
}

/** A row per party at each of an agreement's reviews. */
export function agreementsTable(): Table {
  return {
    name: 'agreements',
    columns: ['tick', 'date', 'agreement', 'status', 'party', 'honouring', 'punishing', 'trust', 'value', 'breaches', 'paymentPerYear', 'leverage'],
    rows: [],
  };
}
