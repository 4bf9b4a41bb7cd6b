/**
 * Charts: `migsim/charts`. Functions that draw the figures researchers look
 * at from migsim's tables, with Observable Plot, as SVG markup. They run in a
 * browser as they are; in Node (a report, a notebook) pass a document from
 * `await chartDocument()` of `migsim/node`. Kept out of the core entry point because
 * Plot and d3 are large.
 */

// Drawing: options, the chart record and its expected marks
export { draw, type Chart, type ChartOptions } from './render.js';

// A run over time: arrivals, everybody by status, smuggling markets, remittances
export { arrivalsChart, populationChart, smugglingPriceChart, smugglingCapacityChart, remittancesChart } from './over-time.js';

// Deaths by leg: totals and per thousand crossings
export { deathsByLegChart, deathRateByLegChart } from './deaths.js';

// Flows: origin → route → destination
export { flowsChart, routeFlows, type RouteFlow } from './flows.js';

// A comparison: effects with intervals (a forest plot), baseline against variant over time
export { effectsChart, armsOverTimeChart, type EffectsOptions, type ArmsOptions } from './comparison.js';

// A sweep: each indicator against each parameter, or a heatmap for two
export { sweepCharts, sweepParameters } from './sweep.js';

// Flee: camps simulated against observed
export { campsChart } from './flee.js';
