// A request waterfall of one dashboard load, to see where `./cairn bench ui`'s time goes:
// `node cairn-ui/e2e/profile-ui.mjs BASE_URL PATH [trace.json]` loads PATH once to warm the server, then
// again, printing each API request's start and end (ms from navigation) and when the charts on screen had
// drawn (or the first table row painted); with a third argument it also writes a chromium trace there.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './harness.mjs';

const [base, path = '/bench/ui1k', tracePath] = process.argv.slice(2);
const chartsOrRow = () => {
  const cards = [...document.querySelectorAll('.chart-card')].filter((c) => {
    const r = c.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  const drawn = cards.length > 0 && cards.every((c) => c.querySelector('.uplot canvas, .chart-empty, .error'));
  const row = document.querySelector('[data-run-id] [data-col=name]');
  window.__rowMs ??= row ? performance.now() : undefined;
  return drawn && { ms: performance.now(), rowMs: window.__rowMs, charts: cards.length };
};
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (let round = 0; round < 2; round++) {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    const log = [];
    page.on('requestfinished', async (request) => {
      const t = request.timing();
      log.push({ url: request.url().replace(base, ''), method: request.method(), start: t.startTime, end: t.responseEnd, wait: t.responseStart - t.requestStart });
    });
    if (round === 1 && tracePath) await browser.startTracing(page, { path: tracePath, screenshots: false });
    const navStart = Date.now();
    await page.goto(path, { waitUntil: 'commit' });
    const done = await (await page.waitForFunction(chartsOrRow, null, { polling: 'raf', timeout: 120_000 })).jsonValue();
    if (round === 1 && tracePath) await browser.stopTracing();
    if (round === 1) {
      const origin = await page.evaluate(() => performance.timeOrigin);
      for (const r of log.sort((a, b) => a.start - b.start)) {
        if (!r.url.startsWith('/api')) continue;
        const s = r.start - origin;
        console.log(`${s.toFixed(0).padStart(6)} ms +${(r.end).toFixed(0).padStart(5)} (server ${r.wait.toFixed(0)}) ${r.method} ${r.url.slice(0, 140)}`);
      }
      console.log(`first row ${done.rowMs?.toFixed(0)} ms, ${done.charts} charts drawn ${done.ms.toFixed(0)} ms (wall ${Date.now() - navStart} ms)`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
