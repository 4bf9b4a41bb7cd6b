/**
 * Money between states: every payment and every dollar of aid one government
 * gives another, in PPP dollars. What each state paid and received, and the
 * flows between each pair, are kept so the books can be checked to balance.
 */
export class StateLedger {
  /** transfers[payer * countries + recipient], all ticks so far. */
  readonly transfers: Float64Array;
  readonly paid: Float64Array;
  readonly received: Float64Array;
  /** Paid and received in the current tick, by country (reset each tick). */
  readonly paidNow: Float64Array;
  readonly receivedNow: Float64Array;

  constructor(readonly countries: readonly string[]) {
    const n = countries.length;
    this.transfers = new Float64Array(n * n);
    this.paid = new Float64Array(n);
    this.received = new Float64Array(n);
    this.paidNow = new Float64Array(n);
    this.receivedNow = new Float64Array(n);
  }

  pay(from: string, to: string, amount: number): void {
    const a = this.countries.indexOf(from);
    const b = this.countries.indexOf(to);
    if (a < 0 || b < 0) throw new Error(`a payment needs two countries of the scenario, got "${from}" to "${to}"`);
    if (!(amount >= 0) || !Number.isFinite(amount)) throw new Error(`a payment from ${from} to ${to} must be a finite amount of 0 or more, got ${amount}`);
    if (a === b) throw new Error(`${from} cannot pay itself`);
    this.transfers[a * this.countries.length + b] += amount;
    this.paid[a] += amount;
    this.received[b] += amount;
    this.paidNow[a] += amount;
    this.receivedNow[b] += amount;
  }

  startTick(): void {
    this.paidNow.fill(0);
    this.receivedNow.fill(0);
  }

  /** Largest gap between what was paid and what was received, over all states and each one's pairs: 0 when the books balance. */
  imbalance(): number {
    const n = this.countries.length;
    let gap = Math.abs(this.paid.reduce((s, v) => s + v, 0) - this.received.reduce((s, v) => s + v, 0));
    for (let k = 0; k < n; k++) {
      let out = 0;
      let into = 0;
      for (let j = 0; j < n; j++) {
        out += this.transfers[k * n + j];
        into += this.transfers[j * n + k];
      }
      gap = Math.max(gap, Math.abs(out - this.paid[k]), Math.abs(into - this.received[k]));
    }
    return gap;
  }
}
