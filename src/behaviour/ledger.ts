/** Who a migrant's debt is owed to. */
export const Lender = { None: 0, Smugglers: 1, LicensedRecruiter: 2, UnlicensedRecruiter: 3 } as const;
export type LenderCode = (typeof Lender)[keyof typeof Lender];
export const LENDER_NAMES = ['none', 'smugglers', 'licensedRecruiters', 'unlicensedRecruiters'] as const;

/**
 * The money that changes hands in a run, in agent units (multiply by scale for
 * persons): what migrants pay smugglers and recruiters, and every dollar lent,
 * repaid and written off by lender. Tests check the accounting identities
 * against the agents' own balances and the smugglers' and recruiters' books.
 */
export class MoneyLedger {
  /** Paid to smugglers per leg, cash and credit together. */
  readonly paidToSmugglers: Float64Array;
  /** Paid by smugglers of each leg to officials of its start country (bribes a government's leakage asks, leg attribute bribesPerYear). */
  readonly bribesBySmugglers: Float64Array;
  /** Paid to recruiters by workers (cash and credit), by origin. */
  readonly workerFeesToRecruiters: Float64Array;
  /** Paid to recruiters by employers, by origin of the worker placed. */
  readonly employerFeesToRecruiters: Float64Array;
  readonly lent = new Float64Array(LENDER_NAMES.length);
  readonly repaid = new Float64Array(LENDER_NAMES.length);
  readonly writtenOff = new Float64Array(LENDER_NAMES.length);

  constructor(legs: number, countries: number) {
    this.paidToSmugglers = new Float64Array(legs);
    this.bribesBySmugglers = new Float64Array(legs);
    this.workerFeesToRecruiters = new Float64Array(countries);
    this.employerFeesToRecruiters = new Float64Array(countries);
  }

  /** Debt still owed to a lender: lent minus repaid minus written off. */
  outstanding(lender: LenderCode): number {
    return this.lent[lender] - this.repaid[lender] - this.writtenOff[lender];
  }
}
