// `./cairn bench ui` drives this script (node bench-ui.mjs BASE_URL): headless Debian chromium with the
// browser tests' flags, against a server the benchmark has filled. Prints `key: value unit` lines; each
// figure is the median of REPEATS cold page loads (a fresh browser context each) after one warm-up,
// measured with the page's own clock (performance.now(), from navigation start).
import { chromium } from 'playwright-core';
import { CHROMIUM } from './harness.mjs';

const [base, tableProject = 'bench/table10k', chartsProject = 'bench/ui1k', wideRun = 'bench/wide/runs/wide1000',
  narrowRun = 'bench/wide/runs/narrow20', sortKey = 'summary.m00'] = process.argv.slice(2);
const REPEATS = Number(process.env.CAIRN_BENCH_UI_REPEATS ?? 5);
const VIEWPORT = { width: 1600, height: 1000 };

// Ready when at least one chart card is on screen and every card on screen has drawn its canvas (or says
// it has nothing to draw). Returns the page's clock at that moment.
const chartsDrawn = () => {
  const cards = [...document.querySelectorAll('.chart-card')].filter((c) => {
    const r = c.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  if (cards.length === 0) return false;
  const done = cards.every((c) => c.querySelector('.uplot canvas, .chart-empty, .error'));
  return done && { ms: performance.now(), charts: cards.length };
};
const firstProject = () => document.querySelector('table.projects tbody tr') && { ms: performance.now() };
const firstRow = () => document.querySelector('[data-run-id] [data-col=name]') && { ms: performance.now() };

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function measure(path, ready) {
  const samples = [];
  let detail = null;
  for (let i = 0; i <= REPEATS; i++) {
    const context = await browser.newContext({ baseURL: base, viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(path, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(ready, null, { polling: 'raf', timeout: 120_000 });
    const result = await handle.jsonValue();
    await context.close();
    if (i > 0) samples.push(result.ms); // the first load warms the server's caches and JIT
    detail = result;
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)], detail };
}

const fixed = (ms) => ms.toFixed(0);
try {
  // the floor every page pays on this machine: load the app, start React, one API call, first paint
  const home = await measure('/', firstProject);
  console.log(`ui.home: ${fixed(home.ms)} ms`);
  const charts = await measure(`/${chartsProject}`, chartsDrawn);
  console.log(`ui.charts: ${fixed(charts.ms)} ms`);
  console.log(`ui.charts.visible: ${charts.detail.charts} charts`);
  const table = await measure(`/${tableProject}?sort=-${sortKey}`, firstRow);
  console.log(`ui.table: ${fixed(table.ms)} ms`);
  const narrow = await measure(`/${narrowRun}`, chartsDrawn);
  const wide = await measure(`/${wideRun}`, chartsDrawn);
  console.log(`ui.run.metrics20: ${fixed(narrow.ms)} ms`);
  console.log(`ui.run.metrics1000: ${fixed(wide.ms)} ms`);
  console.log(`ui.run.ratio: ${(wide.ms / narrow.ms).toFixed(2)} x`);
} finally {
  await browser.close();
}
