/**
 * The validation scorecard (`npm run validate`): every fact of
 * src/experiment/fact-catalogue.ts on its world in scenarios/facts/, as a
 * paired comparison with common random numbers and the default behaviour.
 * Prints the scorecard and writes bench/results/validation.md.
 *
 * Sizes come from environment variables (the defaults take a few minutes on
 * two cores):
 *   MIGSIM_VALIDATE_REPS     24   paired replications per world
 *   MIGSIM_VALIDATE_WORKERS  every core
 *   MIGSIM_VALIDATE_ONLY     all facts (or a list such as A1,B6)
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatFactsMarkdown, formatFactsText } from '../src/experiment/facts.js';
import { libraryVersion, writeFilesAtomically } from '../src/node/files.js';
import { FACT_REPLICATIONS, runFacts } from '../src/node/facts.js';
import { DIAGNOSES } from './validation-diagnoses.js';

const env = process.env;
const replications = Number(env.MIGSIM_VALIDATE_REPS ?? FACT_REPLICATIONS);
const workers = Number(env.MIGSIM_VALIDATE_WORKERS ?? availableParallelism());
const only = env.MIGSIM_VALIDATE_ONLY?.split(',');
const started = performance.now();
const results = await runFacts({
  replications, workers, only,
  onWorld: (world, done, of) => console.log(`  world ${world} done (${done} of ${of}, ${((performance.now() - started) / 1000).toFixed(0)} s)`),
});
const seconds = (performance.now() - started) / 1000;
// The code measured, so a reader knows which mechanisms the diagnoses speak of.
const commit = execFileSync('git', ['log', '-1', '--format=%h %s'], { encoding: 'utf8' }).trim();
console.log(formatFactsText(results));
console.log(`\n${seconds.toFixed(0)} s on ${workers} workers`);

const markdown = [
  '# Validation scorecard',
  '',
  `Published stylised facts (\`../shared/FACTS.md\`) measured with migsim ${libraryVersion()} and its **default behaviour parameters**:`,
  'each fact is a paired comparison of a world written from the real situation (`scenarios/facts/`, no `behaviour:` block)',
  `and the same world with the policy or shock, ${replications} replications with common random numbers.`,
  'A check passes when its mean lies in the band of FACTS.md\'s "Sim test" column; a fact passes when all its checks do.',
  'Percent figures are relative changes, variant against baseline, over the months named.',
  '',
  formatFactsMarkdown(results, DIAGNOSES),
  '',
  `Run with \`npm run validate\` (${replications} replications, ${workers} workers): ${seconds.toFixed(0)} s, at commit ${commit}.`,
  '',
].join('\n');
writeFilesAtomically(fileURLToPath(new URL('./results/', import.meta.url)), [{ name: 'validation.md', content: markdown }], false);
console.log('Wrote bench/results/validation.md');
