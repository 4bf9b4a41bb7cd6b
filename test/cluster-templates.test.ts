import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers.js';

// The job templates run here with stand-ins for migsim and sbatch that print
// what they were given; .ci/slurm-test runs the Slurm ones on a real cluster.
const CLUSTER = join(ROOT, 'examples', 'cluster');
const bin = mkdtempSync(join(tmpdir(), 'migsim-templates-'));
const log = join(bin, 'calls');
function standIn(name: string, body = ''): void {
  writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> "${log}"\n${body}`);
  chmodSync(join(bin, name), 0o755);
}
standIn('migsim');
standIn('sbatch', 'n=$(cat "$0.count" 2>/dev/null || echo 100); n=$((n + 1)); echo "$n" > "$0.count"; echo "$n;cluster"');

function run(file: string, args: string[], env: Record<string, string>, shell = 'bash'): string[] {
  writeFileSync(log, '');
  execFileSync(shell, [file, ...args], { env: { PATH: `${bin}:${process.env.PATH}`, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return readFileSync(log, 'utf8').trim().split('\n');
}

describe('the Slurm templates', () => {
  const slurm = join(CLUSTER, 'slurm');
  it('run shard I of N, from the array task index, into its own folder', () => {
    const calls = run(join(slurm, 'shard.sbatch'), ['sweep', 's.yaml', '--reps', '20'], { SHARDS: '4', RESULTS: '/r', SLURM_ARRAY_TASK_ID: '2', SLURM_CPUS_PER_TASK: '3' });
    expect(calls).toEqual(['migsim sweep s.yaml --reps 20 --shard 2/4 --out /r/shard-2 --workers 3']);
  });

  it('merge every shard folder, in order', () => {
    expect(run(join(slurm, 'merge.sbatch'), [], { SHARDS: '3', RESULTS: '/r' })).toEqual(['migsim merge /r/merged /r/shard-0 /r/shard-1 /r/shard-2']);
  });

  it('submit an array of N tasks and a merge job that waits for all of them to succeed', () => {
    const out = mkdtempSync(join(tmpdir(), 'migsim-submit-'));
    const calls = run(join(slurm, 'submit.sh'), ['5', out, 'compare', 'a.yaml', 'b.yaml', '--reps', '40'], {});
    expect(calls).toHaveLength(2);
    expect(calls[0]).toContain('--array=0-4');
    expect(calls[0]).toMatch(new RegExp(`--export=ALL,SHARDS=5,RESULTS=${out} \\S+/shard.sbatch compare a.yaml b.yaml --reps 40$`));
    const array = Number(readFileSync(join(bin, 'sbatch.count'), 'utf8')) - 1;
    expect(calls[1]).toContain(`--dependency=afterok:${array} `);
    expect(calls[1]).toMatch(/\S+\/merge.sbatch$/);
  });
});

describe('the Slurm templates for a calibration', () => {
  const slurm = join(CLUSTER, 'slurm');
  const COMMAND = ['calibrate', 's.yaml', '--observed', 'o.csv', '--particles', '40'];

  it('submit generation 0 as an array and a merge after it that knows the command, to go on', () => {
    const out = mkdtempSync(join(tmpdir(), 'migsim-calibration-'));
    const calls = run(join(slurm, 'submit.sh'), ['3', out, ...COMMAND], {});
    expect(calls).toHaveLength(2);
    expect(calls[0]).toContain('--array=0-2');
    expect(calls[0]).toMatch(new RegExp(`--export=ALL,SHARDS=3,RESULTS=${out}/g0 \\S+/shard.sbatch ${COMMAND.join(' ')}$`));
    const array = Number(readFileSync(join(bin, 'sbatch.count'), 'utf8')) - 1;
    expect(calls[1]).toContain(`--dependency=afterok:${array} `);
    expect(calls[1]).toMatch(new RegExp(`RESULTS=${out}/g0,CALIBRATION=${out},GENERATION=0,TEMPLATES=${slurm} \\S+/merge.sbatch ${COMMAND.join(' ')}$`));
  });

  it('merge a generation, then submit the next one --from it while proposals are left', () => {
    const out = mkdtempSync(join(tmpdir(), 'migsim-calibration-'));
    mkdirSync(join(out, 'g1', 'merged'), { recursive: true });
    writeFileSync(join(out, 'g1', 'merged', 'proposals.json'), '{}');
    const env = { SHARDS: '2', RESULTS: join(out, 'g1'), CALIBRATION: out, GENERATION: '1', TEMPLATES: slurm };
    const calls = run(join(slurm, 'merge.sbatch'), COMMAND, env);
    expect(calls[0]).toBe(`migsim merge ${out}/g1/merged ${out}/g1/shard-0 ${out}/g1/shard-1`);
    expect(calls[1]).toMatch(new RegExp(`--array=0-1 .*RESULTS=${out}/g2 \\S+/shard.sbatch ${COMMAND.join(' ')} --from ${out}/g1/merged$`));
    expect(calls[2]).toMatch(new RegExp(`--dependency=afterok:\\d+ .*RESULTS=${out}/g2,CALIBRATION=${out},GENERATION=2,`));
    expect(existsSync(join(out, 'merged'))).toBe(false);
  });

  it('end the chain when the merged generation holds the calibration\'s files: RESULTS/merged points to them', () => {
    const out = mkdtempSync(join(tmpdir(), 'migsim-calibration-'));
    mkdirSync(join(out, 'g4', 'merged'), { recursive: true });
    const calls = run(join(slurm, 'merge.sbatch'), COMMAND, { SHARDS: '2', RESULTS: join(out, 'g4'), CALIBRATION: out, GENERATION: '4', TEMPLATES: slurm });
    expect(calls).toHaveLength(1);
    expect(readlinkSync(join(out, 'merged'))).toBe('g4/merged');
  });

  it('leave other commands\' merge alone, even with CALIBRATION in the environment', () => {
    const out = mkdtempSync(join(tmpdir(), 'migsim-submit-'));
    const calls = run(join(slurm, 'submit.sh'), ['2', out, 'sweep', 's.yaml'], { CALIBRATION: '/elsewhere' });
    expect(calls[1]).toContain(',CALIBRATION= ');
  });
});

describe('the Kubernetes templates', () => {
  const k8s = join(CLUSTER, 'kubernetes');
  const container = (file: string) => {
    const job = parse(readFileSync(join(k8s, file), 'utf8'));
    const c = job.spec.template.spec.containers[0];
    return { job, c, env: Object.fromEntries(c.env.map((e: { name: string; value: string }) => [e.name, e.value])) as Record<string, string> };
  };
  const script = (args: string[]) => {
    const file = join(bin, 'pod.sh');
    writeFileSync(file, args.join(' '));
    return file;
  };

  it('is an Indexed Job whose pod runs the shard of its completion index, as many shards as completions', () => {
    const { job, c, env } = container('sweep-job.yaml');
    expect(job.spec.completionMode).toBe('Indexed');
    expect(Number(env.SHARDS)).toBe(job.spec.completions);
    expect(c.command).toEqual(['sh', '-c']);
    const calls = run(script(c.args), [], { ...env, JOB_COMPLETION_INDEX: '7' }, 'sh');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^migsim sweep \S+ .*--shard 7\/8 --out \/results\/shard-7$/);
  });

  it('merges every shard of the Indexed Job', () => {
    const { c, env } = container('merge-job.yaml');
    expect(env.SHARDS).toBe(container('sweep-job.yaml').env.SHARDS);
    const calls = run(script(c.args), [], env, 'sh');
    expect(calls).toEqual([`migsim merge /results/merged ${Array.from({ length: 8 }, (_, i) => `/results/shard-${i}`).join(' ')}`]);
  });
});
