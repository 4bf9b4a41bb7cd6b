import { formatFleeIssue, type FleeReadOptions } from '../../flee/errors.js';
import { FleeSimulation, type FleeRunResult } from '../../flee/simulation.js';
import { averagedRelativeDifference, baselineScore, scoreSpread } from '../../flee/score.js';
import { DEFAULT_FLEE_SETTINGS } from '../../flee/settings.js';
import type { Table } from '../../metrics/table.js';
import { Args, type Command } from '../args.js';
import { readFleeFolder, readFleeSettingsFile } from '../flee-files.js';
import { parseFormats, tableFiles } from '../table-files.js';
import { checkOutputFolder } from '../files.js';
import { Progress } from '../progress.js';
import { REPORT_SWITCH, reportWanted, writeReportInto } from './common.js';

export const fleeCommand: Command = {
  async run(argv) {
    const args = new Args(argv, ['settings', 'seed', 'reps', 'out', 'format'], ['force', 'strict', REPORT_SWITCH, 'progress']);
    const [folder] = args.exactly(1, 'one Flee conflict folder');
    const seed = args.wholeNumber('seed', 0) ?? 1;
    const reps = args.wholeNumber('reps', 1) ?? 1;
    const out = args.text('out');
    const formats = parseFormats(args.text('format'), ['csv']);
    const report = reportWanted(args, out);
    const settingsFile = args.text('settings');
    const read: Required<FleeReadOptions> = { strict: args.has('strict'), warnings: [] };
    const settings = settingsFile === undefined ? DEFAULT_FLEE_SETTINGS : readFleeSettingsFile(settingsFile, read);
    const settingsWarnings = read.warnings.length;
    const scenario = readFleeFolder(folder, read);
    const warnings = read.warnings.map((w, k) => `${k < settingsWarnings ? settingsFile : folder}: ${formatFleeIssue(w)}`);
    for (const w of warnings) console.error(`migsim: warning: ${w}`);
    if (out !== undefined) checkOutputFolder(out, args.has('force'));

    const results: FleeRunResult[] = [];
    const progress = new Progress(reps * scenario.days, 'days', Progress.wanted(args.has('progress')));
    const cpu = process.cpuUsage();
    const wall = performance.now();
    for (let replication = 0; replication < reps; replication++) {
      const simulation = new FleeSimulation(scenario, { settings, seed, replication });
      while (!simulation.finished) {
        simulation.step();
        progress.advance();
      }
      results.push(simulation.runFor(0));
    }
    progress.finish();
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const wallSeconds = (performance.now() - wall) / 1e3;
    const agentDays = results.reduce((sum, r) => sum + r.agentDays, 0);
    const scores = results.map((r) => averagedRelativeDifference(r.simulated, r.observed));
    const spread = scoreSpread(scores);
    const baseline = baselineScore(results[0].observed);
    const first = results[0];
    console.log(`${scenario.name}: ${scenario.days} days from ${scenario.startDate}, ${scenario.places.length} places, ${scenario.links.length} links, `
      + `${first.camps.length} camps; ${first.agents.toLocaleString('en-US')} people displaced; seed ${seed}, ${reps} replication${reps === 1 ? '' : 's'}`);
    console.log(`Speed: ${fmt(agentDays)} agent-days in ${cpuSeconds.toFixed(2)} CPU-s (${wallSeconds.toFixed(2)} s wall): `
      + `${fmt(agentDays / cpuSeconds)} agent-days per CPU second`);
    console.log(`\nScore (averaged relative difference to UNHCR camp counts, rescaled; lower is better):`);
    console.log(`  simulated       ${spread.mean.toFixed(3)}${reps > 1 ? ` ± ${spread.sd.toFixed(4)} (sd; min ${spread.min.toFixed(3)}, max ${spread.max.toFixed(3)})` : ''}`);
    console.log(`  naive baseline  ${baseline.toFixed(3)} (every camp keeps its share of day 0, or of the last day when camps start empty)`);
    const last = first.days - 1;
    console.log(`\nOn the last day (${first.dates[last]}), replication 0:`);
    first.camps.forEach((camp, c) => {
      console.log(`  ${camp.padEnd(22)} simulated ${fmt(first.simulated[last][c]).padStart(11)}   observed ${fmt(first.observed[last][c]).padStart(11)}`);
    });

    if (out !== undefined) {
      // Loaded only here: files.js brings the scenario reader and its validator, which a Flee run without --out never needs.
      const { libraryVersion, writeFilesAtomically } = await import('../files.js');
      const camps: Table = {
        name: 'camps',
        columns: ['replication', ...first.table.columns],
        rows: results.flatMap((r) => r.table.rows.map((row) => [r.replication, ...row])),
      };
      const scoreTable: Table = { name: 'scores', columns: ['replication', 'ard'], rows: results.map((r, k) => [r.replication, scores[k]]) };
      const record = {
        library: 'migsim', version: libraryVersion(), conflict: scenario.name, folder, seed, replications: reps, settings, warnings,
        score: spread, baseline, days: scenario.days, startDate: scenario.startDate, camps: first.camps, agents: first.agents,
      };
      const written = writeFilesAtomically(out, [
        ...(await tableFiles([camps, scoreTable], formats)),
        { name: 'run.json', content: JSON.stringify(record, null, 2) + '\n' },
      ]);
      console.log(`\nWrote ${written.length} files to ${out}`);
      if (report) await writeReportInto(out);
    }
  },
};

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
