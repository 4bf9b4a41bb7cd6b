import type { PolicyApi } from './policy-api.js';
import type { Phase } from './phases.js';
import type { Table } from '../metrics/table.js';

/**
 * A policy plugin: a named, parameterised intervention. It acts on the world
 * only through the PolicyApi it is given, at the phases it hooks; every change
 * it makes lands in the run's event record. Hooks of a phase run after the
 * engine's own work for that phase; the changes they make take effect when the
 * phase commits, so every hook of a phase sees the same state.
 */
export interface Plugin {
  readonly name: string;
  /** The plugin's settings, as given; written to results so a run can be reproduced. */
  readonly parameters: Readonly<Record<string, unknown>>;
  setup?(policy: PolicyApi): void;
  readonly hooks?: Partial<Record<Phase, (policy: PolicyApi) => void>>;
  teardown?(policy: PolicyApi): void;
  /** Tables of the plugin's own, added to the run's (the governments' reviews, for one). */
  tables?(): Table[];
}
