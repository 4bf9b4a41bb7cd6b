import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const fixture = join(ROOT, 'test', 'fixtures', 'valid.yaml');

describe('migsim CLI', () => {
  it('run prints a summary and writes per-tick tables, events and a reproducible record', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'migsim-cli-')), 'run');
    const { code, stdout } = await runCli(['run', fixture, '--seed', '3', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/fixture: seed 3, replication 0, 12 ticks \(2020-01-01 to 2020-12-01\)/);
    expect(stdout).toMatch(/Irregular arrivals and deaths by corridor and route:/);
    expect(stdout).toMatch(/Everybody at the end, by status:/);
    expect(readdirSync(out).sort()).toEqual(['channels.csv', 'countries.csv', 'events.csv', 'legs.csv', 'migsim-manifest.json', 'population.csv', 'routes.csv', 'run.json']);
    const population = readFileSync(join(out, 'population.csv'), 'utf8').trim().split('\n');
    expect(population[0]).toBe('tick,date,home,preparing,inTransit,abroadRegular,asylumPending,protected,irregular,overstaying,returned,dead,total');
    expect(population).toHaveLength(13);
    const record = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(record.seed).toBe(3);
    expect(record.scenario.name).toBe('fixture');
  });

  it('--ticks and --scale change the run', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'migsim-cli-')), 'run');
    const { code, stdout } = await runCli(['run', fixture, '--ticks', '3', '--scale', '1000', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('3 ticks');
    expect(stdout).toContain('100 agents x 1000 persons');
  });

  it('validate accepts the built-in scenario', async () => {
    const { code, stdout } = await runCli(['validate', join(ROOT, 'scenarios', 'mediterranean.yaml')]);
    expect(code).toBe(0);
    expect(stdout).toContain('valid scenario "mediterranean"');
  });

  it.each([
    [['run'], /expected one scenario file, found 0 arguments/],
    [['run', fixture, '--seed', '-1'], /--seed: expected a whole number of at least 0, found "-1"/],
    [['run', fixture, '--speed', '3'], /unknown option --speed/],
    [['fly'], /unknown command "fly"/],
    [['run', join(ROOT, 'no-such-file.yaml')], /no-such-file.yaml: \(whole file\): expected a readable YAML or JSON scenario file in UTF-8, found no file at that path/],
  ])('bad arguments %j exit with 2 and say why', async (argv, message) => {
    const { code, stderr } = await runCli(argv as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
