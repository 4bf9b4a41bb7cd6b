import type { TicksPerYear } from '../scenario/types.js';
import type { TimePoint } from '../world/quantity.js';

const DAY_MS = 86_400_000;

/** Converts between ticks, calendar dates and years; rates per year to rates per tick. */
export class Clock {
  private readonly startYear: number;
  private readonly startMonth: number; // 0-based

  constructor(start: string, readonly ticksPerYear: TicksPerYear) {
    const [y, m] = start.split('-').map(Number);
    this.startYear = y;
    this.startMonth = m - 1;
  }

  at(tick: number): TimePoint {
    const t = tick / this.ticksPerYear;
    return { t, tick, year: this.startYear + this.startMonth / 12 + t };
  }

  /** ISO date (YYYY-MM-DD) of the first day of a tick. */
  date(tick: number): string {
    const tpy = this.ticksPerYear;
    if (tpy === 12 || tpy === 4) {
      const months = this.startMonth + tick * (12 / tpy);
      const d = new Date(Date.UTC(this.startYear, months, 1));
      return d.toISOString().slice(0, 10);
    }
    const days = tpy === 52 ? tick * 7 : tick;
    return new Date(Date.UTC(this.startYear, this.startMonth, 1) + days * DAY_MS).toISOString().slice(0, 10);
  }

  /** Probability per tick of an event with the given yearly hazard rate. */
  perTick(ratePerYear: number): number {
    return 1 - Math.exp(-ratePerYear / this.ticksPerYear);
  }

  /** Whole ticks (at least one) that a number of months takes. */
  monthsToTicks(months: number): number {
    return Math.max(1, Math.round((months * this.ticksPerYear) / 12));
  }

  /** Whole ticks (at least one) that a number of days takes. */
  daysToTicks(days: number): number {
    return Math.max(1, Math.ceil((days * this.ticksPerYear) / 365 - 1e-9));
  }

  /** Calendar year (integer) a tick falls in, for yearly quotas. */
  calendarYear(tick: number): number {
    return Math.floor(this.at(tick).year + 1e-9);
  }
}
