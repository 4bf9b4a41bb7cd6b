#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ObservedDataError } from '../calibration/observed.js';
import { FleeFormatError } from '../flee/errors.js';
import { ScenarioError } from '../scenario/errors.js';
import { UsageError } from './args.js';
import { COMMANDS } from './commands/index.js';
import { OutputError } from './output-error.js';

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
    console.log((await import('./files.js')).libraryVersion());
    return 0;
  }
  try {
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
    // Help for one command: `migsim run --help` (before any other argument is read).
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(`Usage:\n  ${command.usage}`);
      return 0;
    }
    return (await (await command.load()).run(rest)) ?? 0;
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
