import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { Simulation } from '../../src/engine/simulation.js';
import { validateScenario } from '../../src/scenario/validate.js';
import { governedWorld } from './worlds.js';

function issues(change: (x: any) => void): string[] {
  try {
    governedWorld(change);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path}: expected ${i.expected}, found ${i.found}`);
    throw e;
  }
  return [];
}

describe('validation of government: and agreements:', () => {
  it('names the field path, what was expected and what was found', () => {
    expect(issues((x) => (x.countries[1].government.reviewMonths = 0))).toEqual(['countries[1].government.reviewMonths: expected a whole number from 1 to 120, found the number 0']);
    expect(issues((x) => (x.countries[1].government.instruments[0].kind = 'bribes'))[0]).toMatch(/^countries\[1\]\.government\.instruments\[0\]\.kind: expected one of "interception"/);
    expect(issues((x) => (x.countries[1].government.instruments[0].legs = ['nowhere']))[0]).toMatch(/^countries\[1\]\.government\.instruments\[0\]\.legs\[0\]: expected a leg leaving or entering TRA id \(one of tra-des, ori-tra\)/);
    expect(issues((x) => delete x.countries[1].government.instruments[0].costPerYear)[0]).toMatch(/instruments\[0\]\.costPerYear: expected a number of at least/);
    expect(issues((x) => (x.countries[1].government.objectives.happiness = 1))[0]).toMatch(/objectives\.happiness: expected no field of that name/);
    expect(issues((x) => (x.countries[1].government.instruments[0].start = 5))[0]).toMatch(/instruments\[0\]\.start: expected a number from 0 to 3/);
    expect(issues((x) => (x.agreements[0].parties = ['DES', 'ORI']))[0]).toMatch(/^agreements\[0\]\.parties\[1\]: expected a country with a `government:` block id \(one of TRA, DES\)/);
    expect(issues((x) => (x.agreements[0].terms[0].by = 'ORI'))[0]).toMatch(/^agreements\[0\]\.terms\[0\]\.by: expected one of "DES", "TRA"/);
    expect(issues((x) => (x.agreements[0].terms[1].perYear = 5))[0]).toMatch(/^agreements\[0\]\.terms\[1\]\.perYear: expected no `perYear` in a interception term/);
    expect(issues((x) => (x.agreements[0].terms[1].atLeast = 2))[0]).toMatch(/terms\[1\]\.atLeast: expected a number from 0 to 1, found the number 2/);
    expect(issues((x) => (x.agreements[0].terms = []))[0]).toMatch(/^agreements\[0\]\.terms: expected at least one term/);
    expect(issues((x) => (x.agreements[0].id = 'TRA'))[0]).toMatch(/^agreements\[0\]\.id: expected an id not used by another agreement/);
    expect(issues((x) => (x.agreements[0].from = '2019-13'))[0]).toMatch(/^agreements\[0\]\.from: expected a tick/);
    expect(issues((x) => (x.agreements[0].terms[0] = { kind: 'readmission', by: 'DES', perYear: 10 }))[0]).toMatch(/terms\[0\]\.by: expected a party with a leg from its territory into TRA/);
    expect(issues((x) => (x.passiveGovernments = 'yes'))).toEqual(['passiveGovernments: expected true or false, found the text "yes"']);
    const channel = { id: 'resettle', type: 'humanitarian', destination: 'DES', origins: ['ORI'], quotaPerYear: 0 };
    expect(issues((x) => (x.channels = [{ ...channel, from: 'NOWHERE' }]))[0]).toMatch(/^channels\[0\]\.from: expected a country id \(one of ORI, TRA, DES\), found "NOWHERE"/);
    expect(issues((x) => (x.channels = [{ ...channel, from: 'DES' }]))).toEqual(['channels[0].from: expected a country other than the channel\'s destination, found "DES", its destination']);
  });
  it('reports every problem at once', () => {
    expect(issues((x) => {
      x.countries[1].government.reviewMonths = -1;
      x.agreements[0].tolerance = 3;
    })).toHaveLength(2);
  });
  it('a validated scenario reads back as itself (extends and worker threads revalidate it)', () => {
    const s = governedWorld();
    expect(validateScenario(structuredClone(s), 'again')).toEqual(s);
  });
  it('the same scenario and seed give the same run, byte for byte', () => {
    const a = new Simulation(governedWorld()).runFor();
    const b = new Simulation(governedWorld()).runFor();
    expect(JSON.stringify(b.tables)).toBe(JSON.stringify(a.tables));
    expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
  });
});
