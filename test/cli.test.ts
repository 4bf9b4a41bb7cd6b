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

  it('--help for every command prints its usage with the defaults and exits 0; --version prints the version', async () => {
    for (const command of ['run', 'validate', 'compare', 'sweep', 'flee', 'report', 'explore']) {
      const { code, stdout } = await runCli([command, '--help']);
      expect(code, command).toBe(0);
      expect(stdout, command).toContain(`migsim ${command} <`);
    }
    expect((await runCli(['compare', '--help'])).stdout).toMatch(/\[--reps N\].*\n(.*\n)*.*Defaults: --reps 10/);
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('a bad option shows that command\'s usage only', async () => {
    const { code, stderr } = await runCli(['report', '--nope']);
    expect(code).toBe(2);
    expect(stderr).toContain('migsim report <dir>');
    expect(stderr).not.toContain('migsim sweep');
  });

  it('--report writes report.html next to a sweep\'s and a Flee run\'s files; without --out it is refused', async () => {
    const root = mkdtempSync(join(tmpdir(), 'migsim-cli-report-'));
    const sweep = await runCli(['sweep', fixture, '--param', 'legs[0].interception=0.1,0.5', '--reps', '2', '--workers', '1', '--format', 'csv', '--out', join(root, 'sweep'), '--report']);
    expect(sweep.code, sweep.stderr).toBe(0);
    const sweepPage = readFileSync(join(root, 'sweep', 'report.html'), 'utf8');
    expect(sweepPage).toContain('Sweep of fixture');
    expect(sweepPage).toMatch(/data-chart="sweep-deaths-legs-0-interception"/);
    const flee = await runCli(['flee', join(ROOT, 'test', 'flee', 'fixtures', 'tiny'), '--format', 'arrow', '--out', join(root, 'flee'), '--report']);
    expect(flee.code, flee.stderr).toBe(0);
    expect(readdirSync(join(root, 'flee')).sort()).toEqual(['camps.arrow', 'migsim-manifest.json', 'report.html', 'run.json', 'scores.arrow']);
    // Read back from the Arrow files: one line per camp.
    const camps = new Set(JSON.parse(readFileSync(join(root, 'flee', 'run.json'), 'utf8')).camps).size;
    expect(readFileSync(join(root, 'flee', 'report.html'), 'utf8')).toContain(`data-marks='{"line":${camps},`);
    const refused = await runCli(['run', fixture, '--report']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--report needs --out DIR');
    const notResults = await runCli(['report', root]);
    expect(notResults.code).toBe(2);
    expect(notResults.stderr).toContain('found none of those files');
  });
});
