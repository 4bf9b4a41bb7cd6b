import { Args, type Command } from '../args.js';
import { readScenarioFile } from '../files.js';

export const validateCommand: Command = {
  run(argv) {
    const args = new Args(argv, []);
    const [file] = args.exactly(1, 'one scenario file');
    const s = readScenarioFile(file);
    console.log(`${file}: valid scenario "${s.name}": ${s.countries.length} countries, ${s.legs.length} legs, ${s.routes.length} routes, ${s.channels.length} channels, ${s.ticks} ticks`);
  },
};
