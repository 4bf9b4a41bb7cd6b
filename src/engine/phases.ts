/**
 * The ordered phases of a tick. Each phase decides from the state at its
 * start and commits before the next begins; plugins hook into any of them.
 *
 * - drivers: read every country, leg and channel attribute for this tick
 * - policies: plugins act (only plugins run here)
 * - decisions: people at home reconsider and choose
 * - markets: quota places are granted to queued applicants
 * - movement: departures, legs attempted and crossed, arrivals
 * - status: asylum decisions, permits expiring, apprehension, returns
 * - earnings: income and savings
 * - metrics: stocks counted, conservation checked, the tick recorded
 */
export const PHASES = ['drivers', 'policies', 'decisions', 'markets', 'movement', 'status', 'earnings', 'metrics'] as const;
export type Phase = (typeof PHASES)[number];
