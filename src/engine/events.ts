/** One change a plugin made to the world, as recorded in the run's event log. */
export interface PolicyEvent {
  tick: number;
  date: string;
  plugin: string;
  /** `country`, `leg` or `channel`. */
  kind: string;
  target: string;
  attribute: string;
  /** Value in force before the change. */
  from: number;
  /** Value after; NaN when an override is released (the scenario's value applies again). */
  to: number;
  reason: string;
}
