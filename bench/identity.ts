/**
 * Byte-identity of two builds: every built-in scenario that one build can
 * read, run to its end at a coarser scale (scale × the second argument,
 * default 20), with a hash of all the files a run writes. Run it with each
 * build and compare the lines, e.g. the branch point against this tree:
 *
 *   npx tsx bench/identity.ts /path/to/other/dist 20 > a.txt
 *   npx tsx bench/identity.ts ../src 20 > b.txt && diff a.txt b.txt
 *
 * (the first argument is the library folder, relative to bench/ or absolute).
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const lib = pathToFileURL(resolve(here, process.argv[2] ?? '../src')).href;
const factor = Number(process.argv[3] ?? 20);
const { readScenarioFile } = await import(`${lib}/node/files.js`);
const { runFiles } = await import(`${lib}/io/summary.js`);
const { Simulation } = await import(`${lib}/engine/simulation.js`);
const { validateScenario } = await import(`${lib}/scenario/validate.js`);
const dir = fileURLToPath(new URL('../scenarios', import.meta.url));
for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
  let s0;
  try {
    s0 = readScenarioFile(`${dir}/${f}`);
  } catch {
    continue; // a file this build cannot read (a newer field)
  }
  if (s0.passiveGovernments !== undefined || s0.agreements !== undefined || s0.countries.some((c: { government?: unknown }) => c.government)) continue;
  const s = validateScenario({ ...s0, agents: { ...s0.agents, scale: s0.agents.scale * factor } }, f);
  const result = new Simulation(s).runFor();
  const h = createHash('sha256');
  for (const file of runFiles(s, result, '0.1.0')) {
    h.update(file.name);
    h.update(file.content);
  }
  console.log(f, h.digest('hex').slice(0, 16));
}
