import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displacementSchedule } from '../../src/flee/displacement.js';
import { campIndices } from '../../src/flee/scenario.js';
import { averagedRelativeDifference, baselineScore } from '../../src/flee/score.js';
import { FleeSimulation } from '../../src/flee/simulation.js';
import { readFleeFolder, readFleeSettingsFile } from '../../src/node/flee-files.js';
import { runCli } from '../helpers.js';
import { CONFLICTS, FIXTURES, VALIDATION } from './tiny.js';

const SETTINGS = join(VALIDATION, 'simsetting.yml');

describe('the eight validation conflicts run from the files as they are', () => {
  const settings = readFleeSettingsFile(SETTINGS);

  it.each(CONFLICTS)('%s: its first 30 days, everybody accounted for every day', (conflict) => {
    const scenario = readFleeFolder(join(VALIDATION, conflict));
    const sim = new FleeSimulation(scenario, { settings });
    const result = sim.runFor(30);
    expect(sim.conservationChecks).toBe(30);
    expect(result.camps).toEqual(campIndices(scenario).map((p) => scenario.places[p].name));
    expect(result.simulated).toHaveLength(30);
    const schedule = displacementSchedule(scenario, settings);
    const due = schedule.initialByPlace.reduce((a, b) => a + b, 0) + schedule.agentsByDay.slice(0, 30).reduce((a, b) => a + b, 0);
    expect(sim.agents.size).toBe(due);
    // On day 0 the camps hold their observed counts, less the few who left that day.
    const day0 = result.simulated[0].reduce((a, b) => a + b, 0);
    const observed0 = result.observed[0].reduce((a, b) => a + b, 0);
    expect(day0).toBeLessThanOrEqual(observed0);
    expect(day0).toBeGreaterThanOrEqual(observed0 * 0.99);
  });

  it.each(['mali2012', 'burundi2015'])('%s: a whole run scores below the naive baseline', (conflict) => {
    const result = new FleeSimulation(readFleeFolder(join(VALIDATION, conflict)), { settings }).runFor();
    const score = averagedRelativeDifference(result.simulated, result.observed);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(baselineScore(result.observed));
  });
});

describe('migsim flee', () => {
  const mali = join(VALIDATION, 'mali2012');
  const runTo = async (seed: number) => {
    const out = join(mkdtempSync(join(tmpdir(), 'migsim-flee-')), 'out');
    const { code, stdout } = await runCli(['flee', mali, '--settings', SETTINGS, '--seed', String(seed), '--reps', '2', '--out', out]);
    expect(code).toBe(0);
    return { stdout, camps: readFileSync(join(out, 'camps.csv'), 'utf8'), scores: readFileSync(join(out, 'scores.csv'), 'utf8'), record: JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) };
  };

  it('prints the score next to the baseline and writes per-day counts per camp; the same seed gives the same files, another seed others', async () => {
    const a = await runTo(7);
    expect(a.stdout).toMatch(/^mali2012: 300 days from 2012-02-29, 23 places, 35 links, 7 camps; 89,991 people displaced; seed 7, 2 replications/);
    expect(a.stdout).toMatch(/simulated +0\.\d{3} ± 0\.\d{4} \(sd; min 0\.\d{3}, max 0\.\d{3}\)/);
    expect(a.stdout).toMatch(/naive baseline +0\.452/);
    // The work done, counted as Flee counts it: agents present, summed over days and replications.
    const speed = /Speed: ([0-9,]+) agent-days in [0-9.]+ CPU-s \([0-9.]+ s wall\): [0-9,]+ agent-days per CPU second/.exec(a.stdout);
    expect(speed).not.toBeNull();
    expect(Number(speed![1].replace(/,/g, ''))).toBeGreaterThan(2 * 300 * 9265);
    const lines = a.camps.trim().split('\n');
    expect(lines[0]).toBe('replication,day,date,camp,simulated,observed');
    expect(lines).toHaveLength(1 + 2 * 300 * 7);
    // Day 0: Fassala-Mbera starts with its 9,265 observed and a few (move chance 0.001) leave.
    expect(lines[1]).toMatch(/^0,0,2012-02-29,Fassala-Mbera,92[2-6]\d,9265$/);
    expect(a.record.score.runs).toBe(2);

    const b = await runTo(7);
    expect(b.camps).toBe(a.camps);
    expect(b.scores).toBe(a.scores);
    expect(b.record.score).toEqual(a.record.score);

    const c = await runTo(8);
    expect(c.camps).not.toBe(a.camps);
    expect(c.record.score.mean).not.toBe(a.record.score.mean);
  });

  it.each([
    [['flee'], /expected one Flee conflict folder, found 0 arguments/],
    [['flee', join(FIXTURES, 'bad')], /input_csv\/sim_period.csv: expected the file, found no file at that path/],
    [['flee', mali, '--settings', join(FIXTURES, 'bad', 'settings-unknown-key.yml')], /key "move_rules.camps_are_sicks": expected a key of move_rules/],
    [['flee', mali, '--reps', '0'], /--reps: expected a whole number of at least 1, found "0"/],
  ])('bad input %j exits with 2 and says why', async (argv, message) => {
    const { code, stderr } = await runCli(argv as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
