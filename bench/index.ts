/**
 * The benchmark command (`npm run bench`): prints each suite's figures.
 * Timing lives here, never in unit tests.
 */
import { formatThroughput, measureThroughput } from './throughput.js';

const agents = Number(process.env.MIGSIM_BENCH_AGENTS ?? 1_000_000);
console.log('Throughput, built-in scenario (mediterranean), one core:');
console.log('  ' + formatThroughput(measureThroughput(agents)));
console.log('  target: 20 million migrant-ticks/s per core at one million agents, under 150 bytes per agent');
