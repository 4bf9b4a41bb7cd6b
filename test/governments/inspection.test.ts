import { describe, expect, it } from 'vitest';
import { Simulation, type RunResult } from '../../src/engine/simulation.js';
import { validateScenario } from '../../src/scenario/validate.js';
import { smallWorld } from '../worlds.js';
import { paired } from './worlds.js';
import { deterrence } from '../../src/behaviour/recruitment.js';
import { DEFAULT_BEHAVIOUR } from '../../src/behaviour/parameters.js';

/**
 * Recruiter inspection, a government's capacity instrument: its spending
 * becomes inspection (the share of the origin's unlicensed recruiters found and
 * shut down a year) through the production function, bounded by governance.
 * Fewer unlicensed recruiters must follow from recruiters shut down and
 * entering, not from the instrument.
 */
const world = (effort: number, governance: number) => {
  const input: any = structuredClone(smallWorld({
    ticks: 48,
    channel: { quotaPerYear: 100000, stayMonths: 12, recruited: true, fee: 100 },
    legs: [{ cost: 1e6 }, {}], // no irregular way: whoever leaves is recruited
    destination: { wages: { low: 12000, high: 30000 } },
    origin: { governance, recruitment: { feeCap: null, licenceDeposit: 0, licensedRecruiters: 5, unlicensedRecruiters: 20, placementsPerYear: 300, costPerPlacement: 1500 } },
    behaviour: { initialSavingsMonths: 2 },
  }));
  input.name = `inspection-${effort}-${governance}`;
  input.passiveGovernments = true; // the effort is held where it starts: this tests the production function and the recruiters' response
  input.countries[0].government = {
    budgetPerYear: 5e6, objectives: { migrantDebt: -1, spending: -1 },
    instruments: [{ kind: 'inspection', start: effort, step: 0.25, costPerYear: 1e6 }],
  };
  return validateScenario(input, 'inspection world (test)');
};
const mean = (r: RunResult, field: string, from: number) => {
  const t = r.tables.find((x) => x.name === 'countries')!;
  const k = t.columns.indexOf(field);
  const rows = t.rows.filter((x) => x[2] === 'ORI' && Number(x[0]) >= from);
  return rows.reduce((s, x) => s + Number(x[k]), 0) / rows.length;
};
const sum = (r: RunResult, field: string) => {
  const t = r.tables.find((x) => x.name === 'channels')!;
  const k = t.columns.indexOf(field);
  return t.rows.reduce((s, x) => s + Number(x[k]), 0);
};
const unlicensedShare = (r: RunResult) => sum(r, 'placedUnlicensed') / Math.max(1, sum(r, 'placedUnlicensed') + sum(r, 'placedLicensed'));
/** Workers placed by unlicensed recruiters from the third year. */
const unlicensedPlacements = (r: RunResult) => {
  const t = r.tables.find((x) => x.name === 'channels')!;
  const k = t.columns.indexOf('placedUnlicensed');
  return t.rows.filter((x) => Number(x[0]) >= 24).reduce((s, x) => s + Number(x[k]), 0);
};

describe('recruiter inspection', () => {
  it('deters entry by the chance of being shut down: an entrant values its business at profit / (discount + inspection)', () => {
    expect(deterrence(DEFAULT_BEHAVIOUR, 0)).toBe(1);
    expect(deterrence(DEFAULT_BEHAVIOUR, 0.5)).toBeCloseTo(0.68 / 1.18, 12);
    expect(deterrence(DEFAULT_BEHAVIOUR, 1)).toBeLessThan(deterrence(DEFAULT_BEHAVIOUR, 0.5));
  });

  it('sets the inspection the production function gives, and none without effort', () => {
    const r = (effort: number, governance: number) => {
      const e = new Simulation(world(effort, governance)).runFor().events.filter((x) => x.attribute === 'recruiterInspection');
      return e.length > 0 ? e[e.length - 1].to : 0;
    };
    expect(r(0, 0.8)).toBe(0);
    // achieved = g (1 - e^(-K / C)), K = C (1 - leak), leak = (1 - g) 0.2
    expect(r(1, 0.8)).toBeCloseTo(0.8 * (1 - Math.exp(-(1 - 0.2 * 0.2))), 3);
    expect(r(1, 0.2)).toBeLessThan(r(1, 0.8) / 3);
  });

  it('leaves fewer unlicensed recruiters, fewer where governance is high, and deters their entry', () => {
    const measures = {
      unlicensed: (r: RunResult) => mean(r, 'unlicensedRecruiters', 24), placements: unlicensedPlacements, entered: (r: RunResult) => mean(r, 'recruitersEntered', 0) * 48,
      share: unlicensedShare, debt: (r: RunResult) => mean(r, 'migrantDebt', 24),
    };
    const high = paired(world(0, 0.8), world(1, 0.8), measures, 3);
    const low = paired(world(0, 0.2), world(1, 0.2), measures, 3);
    console.log('inspection at full effort minus none, governance 0.8:', high, 'governance 0.2:', low);
    expect(high.unlicensed.high).toBeLessThan(0);
    expect(low.unlicensed.high).toBeLessThan(0);
    expect(low.unlicensed.mean).toBeGreaterThan(high.unlicensed.mean);
    // Deterrence (behaviour/recruitment.ts): an entrant values the business at profit / (discount + inspection), so
    // fewer enter where workers go unserved. Reported, not asserted (a finding): at governance 0.8 it cuts entrants
    // (-47 [-52, -42] against -15 [-16, -13] without it, 3 replications), but placements by unlicensed recruiters
    // (-1,490 [-6,490, 3,520]) and workers' debt do not fall significantly: licensed capacity is full either way and
    // grows only on its margin, so the workers the survivors cannot serve wait for them. Without deterrence inspection
    // raised placements (+660 [-270, 1,590]) and debt (+180k [146k, 217k]) by churn.
    console.log('entrants', high.entered, 'unlicensed placements', high.placements, 'debt', high.debt);
  });
});
