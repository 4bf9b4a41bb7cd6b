import { Flag, Stage, State } from '../agents/states.js';
import type { RunState } from '../engine/run-state.js';

interface ChannelQueue {
  /** Agents and the tick they applied (their ticket), in order of priority. */
  agents: number[];
  tickets: number[];
  /** Applications of this tick, shuffled before they join the queue. */
  incoming: number[];
  usedThisYear: number;
  year: number;
}

/**
 * Yearly quotas and the queues of applicants waiting for them. Applicants of
 * a tick are collected during the decisions phase and only join the queue in
 * the markets phase, in an order drawn at random, so places never go to
 * whoever happened to be read first. Compliant returners from circular schemes
 * go ahead of the queue.
 */
export class QuotaLedger {
  private readonly queues: ChannelQueue[];

  constructor(channels: number, firstYear: number) {
    this.queues = Array.from({ length: channels }, () => ({ agents: [], tickets: [], incoming: [], usedThisYear: 0, year: firstYear }));
  }

  /** Places in agents still open this year to new applicants, after those already queued. */
  placesLeft(run: RunState, channel: number): number {
    const q = this.queues[channel];
    const allowance = this.allowance(run, channel);
    return allowance - (q.year === run.clock.calendarYear(run.tick) ? q.usedThisYear : 0) - q.agents.length;
  }

  /** Places in agents for a whole calendar year, at the quota in force now. */
  allowance(run: RunState, channel: number): number {
    return Math.round(run.world.channel.values.quotaPerYear[channel] / run.scale);
  }

  apply(channel: number, agent: number): void {
    this.queues[channel].incoming.push(agent);
  }

  /** Markets phase: queue this tick's applicants, then grant places in order while the year's quota lasts. */
  allocate(run: RunState): void {
    const { store, tick, counters, clock } = run;
    const rng = run.streams.stream('quotas');
    const year = clock.calendarYear(tick);
    this.queues.forEach((q, ch) => {
      if (q.year !== year) {
        q.year = year;
        q.usedThisYear = 0;
      }
      shuffle(q.incoming, rng.int.bind(rng));
      const valid = (i: number, k: number) => store.state[i] === State.Preparing && store.stage[i] === Stage.Queued && store.option[i] === ch && store.since[i] === q.tickets[k];
      // Drop those who gave up; put priority holders first (stable, so waiting order is kept).
      const kept: number[] = [];
      const keptTickets: number[] = [];
      const priority: number[] = [];
      for (const i of q.incoming) {
        if (store.flags[i] & Flag.CircularPriority) priority.push(i);
      }
      for (let k = 0; k < q.agents.length; k++) {
        if (valid(q.agents[k], k)) {
          kept.push(q.agents[k]);
          keptTickets.push(q.tickets[k]);
        }
      }
      const normal = q.incoming.filter((i) => !(store.flags[i] & Flag.CircularPriority));
      q.agents = [...priority, ...kept, ...normal];
      q.tickets = [...priority.map(() => tick), ...keptTickets, ...normal.map(() => tick)];
      q.incoming = [];

      const allowance = this.allowance(run, ch);
      const processingTicks = clock.monthsToTicks(run.world.channels[ch].processingMonths);
      let granted = 0;
      while (granted < q.agents.length && q.usedThisYear < allowance) {
        const i = q.agents[granted++];
        store.stage[i] = Stage.Processing;
        store.timer[i] = tick + processingTicks;
        store.flags[i] &= ~Flag.CircularPriority;
        q.usedThisYear++;
        counters.channel.count.admissions[ch]++;
      }
      q.agents.splice(0, granted);
      q.tickets.splice(0, granted);
      counters.channel.count.quotaUsed[ch] = q.usedThisYear;
      counters.channel.count.quotaLeft[ch] = Math.max(0, allowance - q.usedThisYear);
    });
  }
}

/** Fisher-Yates, with the caller's seeded integer draw. */
function shuffle(a: number[], int: (n: number) => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
