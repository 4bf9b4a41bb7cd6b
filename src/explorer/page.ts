/**
 * The explorer page: pick a scenario, move sliders for its policies and key
 * attributes, and watch both arms (the scenario untouched, and with the
 * sliders' values) run tick by tick in a Web Worker, charted with migsim/charts.
 * Everything it needs is inlined in the page by `migsim explore`, so a static
 * build opens from a file as well as from the local server.
 */
import { armsOverTimeChart } from '../charts/comparison.js';
import { deathsByLegChart } from '../charts/deaths.js';
import { arrivalsChart, populationChart } from '../charts/over-time.js';
import type { Chart } from '../charts/render.js';
import type { Table } from '../metrics/table.js';
import type { Scenario } from '../scenario/types.js';
import type { RunRequest, TickMessage, WorkerMessage } from './protocol.js';

/** What `migsim explore` embeds in the page: the scenarios offered, and the worker's code. */
interface Embedded {
  scenarios: Array<{ file: string; scenario: Scenario }>;
  selected: number;
}

interface Slider {
  group: string;
  path: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
}

declare const MIGSIM_WORKER_SOURCE: string;

const embedded = JSON.parse(document.getElementById('migsim-scenarios')!.textContent!) as Embedded;
const worker = new Worker(URL.createObjectURL(new Blob([MIGSIM_WORKER_SOURCE], { type: 'text/javascript' })));
const status = document.getElementById('status')!;
const controls = document.getElementById('controls')!;
const charts = document.getElementById('charts')!;
const scenarioSelect = document.getElementById('scenario') as HTMLSelectElement;
const scaleSelect = document.getElementById('scale') as HTMLSelectElement;
let run = 0;
let latest: TickMessage | undefined;
let drawing = false;

embedded.scenarios.forEach(({ file, scenario }, k) => scenarioSelect.add(new Option(`${scenario.name} (${file})`, String(k), false, k === embedded.selected)));
scenarioSelect.addEventListener('change', () => setUp());
scaleSelect.addEventListener('change', () => start());
document.getElementById('reset')!.addEventListener('click', () => setUp());
worker.onmessage = (e: MessageEvent<WorkerMessage>) => receive(e.data);
setUp();

function scenario(): Scenario {
  return embedded.scenarios[Number(scenarioSelect.value)].scenario;
}

/** Builds the sliders and scale choices for the chosen scenario, then runs it. */
function setUp(): void {
  const s = scenario();
  scaleSelect.replaceChildren(...[1, 2, 5, 10, 20].map((f) => new Option(`${(s.agents.scale * f).toLocaleString('en-US')}${f === 1 ? ' (the file\'s)' : ''}`, String(s.agents.scale * f), false, f === 5)));
  const groups = new Map<string, Slider[]>();
  for (const slider of slidersOf(s)) groups.set(slider.group, [...(groups.get(slider.group) ?? []), slider]);
  controls.replaceChildren(...[...groups].map(([group, sliders], k) => {
    const details = document.createElement('details');
    details.open = k === 0;
    details.innerHTML = `<summary>${group} (${sliders.length})</summary>`;
    for (const slider of sliders) details.append(sliderElement(slider));
    return details;
  }));
  start();
}

/** Sliders for what a scenario sets as plain numbers: its policies' parameters, each leg's interception, each origin's conflict. */
function slidersOf(s: Scenario): Slider[] {
  const sliders: Slider[] = [];
  const range = (group: string, path: string, label: string, value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    const share = value >= 0 && value <= 1;
    const max = share ? 1 : Math.max(1, value * 2);
    sliders.push({ group, path, label, value, min: 0, max, step: share ? 0.01 : Number.isInteger(value) ? Math.max(1, Math.round(max / 100)) : max / 100 });
  };
  for (const p of s.policies) {
    for (const [key, value] of Object.entries(p)) if (key !== 'from' && key !== 'until') range('Policies', `policies[name=${p.name}].${key}`, `${p.name}: ${key}`, value);
  }
  for (const leg of s.legs) range('Legs: interception per attempt', `legs[id=${leg.id}].interception`, leg.id, leg.interception);
  for (const c of s.countries) if (s.agents.origins.includes(c.id)) range('Origins: conflict intensity', `countries[id=${c.id}].conflict`, c.id, c.conflict);
  return sliders;
}

function sliderElement(slider: Slider): HTMLElement {
  const label = document.createElement('label');
  label.className = 'slider';
  label.innerHTML = `<span>${slider.label}</span><input type="range" data-path="${slider.path}" data-base="${slider.value}" min="${slider.min}" max="${slider.max}" step="${slider.step}" value="${slider.value}"><output>${slider.value}</output>`;
  const input = label.querySelector('input')!;
  const output = label.querySelector('output')!;
  input.addEventListener('input', () => (output.textContent = input.value));
  // Rerun when the slider is let go, not at every step of a drag.
  input.addEventListener('change', () => start());
  return label;
}

/** Starts a run of both arms with the sliders' current values (only those moved from the file's). */
function start(): void {
  const values: Record<string, number> = {};
  controls.querySelectorAll<HTMLInputElement>('input[type=range]').forEach((input) => {
    if (Number(input.value) !== Number(input.dataset.base)) values[input.dataset.path!] = Number(input.value);
  });
  run++;
  latest = undefined;
  const s = scenario();
  setStatus('running', 0, s.ticks, Object.keys(values).length === 0 ? 'no slider moved: both arms are the same' : `changed: ${Object.entries(values).map(([p, v]) => `${p} = ${v}`).join(', ')}`);
  const request: RunRequest = { type: 'run', run, scenario: s, values, scale: Number(scaleSelect.value), seed: s.seed };
  worker.postMessage(request);
}

function receive(message: WorkerMessage): void {
  if (message.run !== run) return;
  if (message.type === 'error') {
    setStatus('error', 0, 0, message.message);
    return;
  }
  latest = message;
  if (!drawing) {
    drawing = true;
    requestAnimationFrame(draw);
  }
}

/** Draws the latest tick's tables (at most once a frame, however fast ticks come). */
function draw(): void {
  drawing = false;
  const m = latest;
  if (!m) return;
  const table = (tables: readonly Table[], name: string) => tables.find((t) => t.name === name)!;
  const stacked: Table = {
    name: 'routes',
    columns: ['arm', 'replication', ...table(m.variant, 'routes').columns],
    rows: [...table(m.baseline, 'routes').rows.map((r) => ['baseline', 0, ...r]), ...table(m.variant, 'routes').rows.map((r) => ['variant', 0, ...r])],
  };
  const drawn: Chart[] = [
    armsOverTimeChart(stacked, { height: 360 }),
    arrivalsChart(table(m.variant, 'routes'), { by: 'route' }),
    populationChart(table(m.variant, 'population')),
    deathsByLegChart(table(m.variant, 'legs')),
  ];
  charts.innerHTML = drawn.map((c) => `<figure class="chart" id="chart-${c.id}" data-marks='${JSON.stringify(c.marks)}'><figcaption>${c.title}${c.id.startsWith('arms') ? '' : ' (with the sliders\' values)'}</figcaption>${c.svg}</figure>`).join('');
  setStatus(m.done ? 'done' : 'running', m.tick, m.ticks, status.dataset.detail ?? '');
}

function setStatus(state: string, tick: number, ticks: number, detail: string): void {
  Object.assign(status.dataset, { state, run: String(run), tick: String(tick), detail });
  status.textContent = `${state === 'done' ? 'Done' : state === 'error' ? 'Error' : 'Running'}: tick ${tick} of ${ticks}. ${detail}`;
}
