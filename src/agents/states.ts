/**
 * Where a person is in the migration process. These ten states are also the
 * categories of the conservation check: everybody is in exactly one, every tick.
 */
export const State = {
  Home: 0,
  Preparing: 1,
  InTransit: 2,
  AbroadRegular: 3,
  AsylumPending: 4,
  Protected: 5,
  Irregular: 6,
  Overstaying: 7,
  Returned: 8,
  Dead: 9,
} as const;
export type StateCode = (typeof State)[keyof typeof State];
export const STATE_COUNT = 10;
export const STATE_NAMES = ['home', 'preparing', 'inTransit', 'abroadRegular', 'asylumPending', 'protected', 'irregular', 'overstaying', 'returned', 'dead'] as const;

/** Finer steps inside Preparing and InTransit. */
export const Stage = {
  /** Preparing: applied to a legal channel, waiting for a quota place. */
  Queued: 0,
  /** Preparing: quota place granted, papers being processed. */
  Processing: 1,
  /** Preparing: arranging an irregular journey. */
  Arranging: 2,
  /** InTransit: at the start of a leg, waiting to attempt it (or working to pay for it). */
  AtLegStart: 3,
  /** InTransit: crossing a leg. */
  OnLeg: 4,
} as const;

/** Bits of the per-agent flags byte. */
export const Flag = {
  /** Ordered to leave the country they are in. */
  ReturnOrder: 1,
  /** Left a circular scheme on time: priority for the next stay. */
  CircularPriority: 2,
  /** A returnee with reintegration support (a job or business), until their timer runs out. */
  Reintegrated: 4,
  /** Placed by a recruiter in a job worse than promised (poor matching): earns less while it lasts. */
  Mismatched: 8,
  /** In transit: weighs the journey again before the next try (after a failure, or on being readmitted to a transit country). */
  Redecide: 16,
} as const;

export const Skill = { Low: 0, High: 1 } as const;

/** Age bands: under 20, 20-34, 35-54, 55 and over. */
export const AGE_BANDS = ['under20', '20to34', '35to54', '55plus'] as const;

/** Timer value meaning "never" (a permanent permit). */
export const NEVER = 0x7fffffff;
