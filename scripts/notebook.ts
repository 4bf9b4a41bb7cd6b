/**
 * Turns a script with cells separated by `// %%` (examples/*.ts) into a
 * Jupyter notebook for the tslab TypeScript kernel, so the example that runs
 * with tsx is the notebook that runs in Jupyter, never a copy of it:
 *
 *   npx tsx scripts/notebook.ts examples/compare-balloon.ts out/compare-balloon.ipynb
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const [source, target] = process.argv.slice(2);
if (source === undefined || target === undefined) {
  console.error('usage: npx tsx scripts/notebook.ts <script.ts> <notebook.ipynb>');
  process.exit(2);
}
const cells = readFileSync(source, 'utf8').split(/^(?=\/\/ %%)/m).map((c) => c.trimEnd()).filter((c) => c.startsWith('// %%'));
const lines = (text: string) => text.split('\n').map((l, k, all) => (k < all.length - 1 ? `${l}\n` : l));
const notebook = {
  cells: cells.map((c) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: lines(c) })),
  metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' }, language_info: { name: 'typescript' } },
  nbformat: 4,
  nbformat_minor: 5,
};
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(notebook, null, 1) + '\n');
console.log(`${target}: ${cells.length} cells`);
