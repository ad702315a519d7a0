import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { ACC, CURVES, logCurves, STEP_S } from './curves.mjs';
import { chartData, eventually, setup } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
  await logCurves(env.cairn, 'alice', 'curves');
});
after(() => env?.close());
afterEach(() => env && Promise.all(env.context.pages().map((p) => p.close())));

const line = ({ data, labels }, label) => {
  const i = labels.indexOf(label);
  assert.ok(i > 0, `a series "${label}" in ${labels}`);
  return data[i];
};
const ema = (values, w) => {
  let last = 0;
  return values.map((v, n) => { last = last * w + (1 - w) * v; return last / (1 - w ** (n + 1)); });
};
const close = (actual, expected) => assert.deepEqual(actual.map((v) => Number(v.toFixed(6))), expected.map((v) => Number(v.toFixed(6))));

test('smoothing draws the moving average over the faint raw line, and stays in the URL', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/curves');
  close(line(await chartData(page, 'loss'), 'a-sgd'), CURVES['a-sgd'].loss);
  const slider = page.getByLabel('smoothing');
  // set the value at once: 50 quick ArrowRight presses could lose some on a loaded machine (each press
  // changes the URL, which the controlled slider follows a moment later)
  await slider.fill('0.5');
  await eventually(async () => {
    const chart = await chartData(page, 'loss');
    close(line(chart, 'a-sgd'), ema(CURVES['a-sgd'].loss, 0.5));
    close(line(chart, 'a-sgd raw'), CURVES['a-sgd'].loss);
  });
  assert.match(page.url(), /smooth=0\.5/);
  await page.reload();
  close(line(await chartData(page, 'loss'), 'b-sgd'), ema(CURVES['b-sgd'].loss, 0.5));
});

test('the log scale toggle switches the y axis and survives a reload', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/curves');
  await chartData(page, 'loss');
  const distr = () => page.evaluate(() => window.__cairnCharts.loss.scales.y.distr);
  assert.equal(await distr(), 1);
  // click, not check(): the box follows the URL (updated in a react-router transition), so it flips a
  // moment after the click and check()'s immediate verification can miss that
  await page.getByLabel('log scale').click();
  await eventually(async () => assert.equal(await distr(), 3));
  assert.match(page.url(), /log=1/);
  await page.reload();
  await chartData(page, 'loss');
  await eventually(async () => assert.equal(await distr(), 3));
  assert.ok(await page.getByLabel('log scale').isChecked());
});

test('the x axis switches to relative time, wall time and another metric', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/curves');
  await chartData(page, 'loss');
  const axis = page.getByLabel('x axis');

  await axis.selectOption('rel');
  await eventually(async () => close((await chartData(page, 'loss')).data[0], ACC.map((_, s) => s * STEP_S)));
  assert.match(page.url(), /x=rel/);

  await axis.selectOption('time');
  await eventually(async () => {
    const x = (await chartData(page, 'loss')).data[0];
    assert.ok(x[0] > 1.7e9 && x.length === 18, `wall-clock seconds of three runs: ${x}`);
  });

  await axis.selectOption('acc');
  await eventually(async () => {
    const chart = await chartData(page, 'loss');
    close(chart.data[0], ACC);
    close(line(chart, 'c-adam'), CURVES['c-adam'].loss);
  });
});

test('hovering a chart lists every visible run with its value there', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/curves');
  await chartData(page, 'loss');
  const plot = page.locator('[data-chart="loss"] .u-over');
  const box = await plot.boundingBox();
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2); // the last step
  const readout = page.locator('[data-metric="loss"] .metric-chart-readout');
  await eventually(async () => {
    const items = await readout.locator('[data-run]').allInnerTexts();
    assert.deepEqual(items.sort(), ['a-sgd: 0.25', 'b-sgd: 0.125', 'c-adam: 0.0625']);
  });
});

test('dragging across a long chart zooms in and fetches every point of that range', async () => {
  const run = await env.cairn.createRun('alice', 'zoom', { name: 'long' });
  const points = Array.from({ length: 3000 }, (_, step) => [step, { loss: Math.sin(step / 7) }]);
  for (let i = 0; i < points.length; i += 1000) await env.cairn.history(run, points.slice(i, i + 1000));
  const page = await env.context.newPage();
  await page.goto('/alice/zoom');
  const before = (await chartData(page, 'loss')).data[0];
  assert.ok(before.length <= 500, `downsampled to ${before.length} buckets`);

  const box = await page.locator('[data-chart="loss"] .u-over').boundingBox();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.locator('[data-metric="loss"][data-detail="zoomed"]').waitFor();
  const x = (await chartData(page, 'loss')).data[0];
  assert.ok(x.length > 100 && x.length < 200, `${x.length} points in the zoomed range`);
  assert.ok(x.every((v, i) => i === 0 || v === x[i - 1] + 1), 'every step of the range, none skipped');

  await page.locator('[data-chart="loss"] .u-over').dblclick();
  await page.locator('[data-metric="loss"][data-detail="all"]').waitFor();
  assert.equal((await chartData(page, 'loss')).data[0].at(-1) >= 2990, true);
});
