import type { Table } from '../metrics/table.js';
import type { Scenario } from '../scenario/types.js';

/** Page → worker: run this scenario with these field values set (paths as in a sweep), against the scenario untouched. */
export interface RunRequest {
  type: 'run';
  run: number;
  scenario: Scenario;
  values: Record<string, number>;
  /** Persons per agent for both arms (coarser runs faster). */
  scale: number;
  seed: number;
}

/** Worker → page: both arms' tables after `tick` ticks; `done` on the last. */
export interface TickMessage {
  type: 'tick';
  run: number;
  tick: number;
  ticks: number;
  done: boolean;
  baseline: readonly Table[];
  variant: readonly Table[];
}

export interface ErrorMessage {
  type: 'error';
  run: number;
  message: string;
}

export type WorkerMessage = TickMessage | ErrorMessage;

/** The tables the explorer charts, sent after every tick. */
export const EXPLORER_TABLES = ['routes', 'population', 'legs'];
