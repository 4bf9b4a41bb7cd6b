import { totalmem } from 'node:os';
import { checkRunSize, formatBytes } from '../../scenario/size.js';
import { Args, type Command } from '../args.js';
import { readScenarioFile } from '../files.js';

export const validateCommand: Command = {
  run(argv) {
    const args = new Args(argv, []);
    const [file] = args.exactly(1, 'one scenario file');
    const s = readScenarioFile(file);
    const size = checkRunSize(s, file, totalmem());
    console.log(`${file}: valid scenario "${s.name}": ${s.countries.length} countries, ${s.legs.length} legs, ${s.routes.length} routes, ${s.channels.length} channels, ${s.ticks} ticks; `
      + `a run takes ${size.agents.toLocaleString('en-US')} agents, about ${formatBytes(size.bytes)}, ${size.agentTicks.toExponential(1)} agent-ticks`);
  },
};
