#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ObservedDataError } from '../calibration/observed.js';
import { FleeFormatError } from '../flee/errors.js';
import { ScenarioError } from '../scenario/errors.js';
import { UsageError, type Command } from './args.js';
import { calibrateCommand } from './commands/calibrate.js';
import { libraryVersion } from './files.js';
import { compareCommand } from './commands/compare.js';
import { factsCommand } from './commands/facts.js';
import { fleeCommand } from './commands/flee.js';
import { exploreCommand } from './commands/explore.js';
import { reportCommand } from './commands/report.js';
import { mergeCommand } from './commands/merge.js';
import { runCommand } from './commands/run.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { sweepCommand } from './commands/sweep.js';
import { validateCommand } from './commands/validate.js';
import { OutputError } from './output-error.js';

/** Every command of the CLI; a new command is one file in commands/ and one line here. */
const COMMANDS: Record<string, Command> = {
  run: runCommand,
  validate: validateCommand,
  compare: compareCommand,
  sweep: sweepCommand,
  flee: fleeCommand,
  merge: mergeCommand,
  calibrate: calibrateCommand,
  sensitivity: sensitivityCommand,
  facts: factsCommand,
  report: reportCommand,
  explore: exploreCommand,
};

const USAGE = `migsim: agent-based simulation of migration flows

Usage:
${Object.values(COMMANDS).map((c) => '  ' + c.usage).join('\n')}

migsim <command> --help shows one command's options and defaults; migsim --version the version.
Exit codes: 0 ok, 2 bad input (scenario, data or arguments), 1 an internal error, 130 interrupted.`;

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(libraryVersion());
    return 0;
  }
  try {
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
    // Help for one command: `migsim run --help` (before any other argument is read).
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(`Usage:\n  ${command.usage}`);
      return 0;
    }
    return (await command.run(rest)) ?? 0;
  } catch (e) {
    if (e instanceof ScenarioError || e instanceof FleeFormatError || e instanceof ObservedDataError || e instanceof OutputError) {
      console.error(e.message);
      return 2;
    }
    if (e instanceof UsageError) {
      const command = COMMANDS[name];
      console.error(`migsim: ${e.message}\n\n${command ? `Usage:\n  ${command.usage}` : USAGE}`);
      return 2;
    }
    throw e;
  }
}

// Run only when started as a program (also through npm's bin link), not when imported by tests.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
