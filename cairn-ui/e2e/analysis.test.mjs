import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eventually, setup } from './harness.mjs';

let env;
// 24 runs whose val_acc falls with lr (plus a tiny wobble); batch and optimizer are noise, epochs is the
// same everywhere (a zero-variance axis).
const RUNS = Array.from({ length: 24 }, (_, n) => {
  const i = (n * 7) % 24; // created in a scrambled order of lr
  const lr = Number((0.001 + 0.0004 * i).toFixed(4));
  const valAcc = Number((0.95 - 20 * lr + 0.001 * (((i * 5) % 7) - 3) / 3).toFixed(5));
  return {
    name: `run-${String(i).padStart(2, '0')}`,
    config: { lr, batch: 16 + ((i * 11) % 24) * 4, optimizer: ((i * 13) % 5) % 2 ? 'sgd' : 'adam', epochs: 10 },
    valAcc,
    loss: Number((1 - valAcc).toFixed(5)),
  };
});
const ids = {};

before(async () => {
  env = await setup();
  for (const r of RUNS) {
    const run = await env.cairn.createRun('alice', 'tune', { name: r.name, config: r.config });
    await env.cairn.history(run, [[0, { val_acc: r.valAcc, loss: r.loss }]]);
    await env.cairn.finish(run);
    ids[r.name] = run.id;
  }
});
after(() => env?.close());

async function openWorkspace() {
  const page = await env.context.newPage();
  await page.goto('/alice/tune');
  await page.getByText('24 runs', { exact: true }).waitFor();
  return page;
}

const rowNames = (page) => page.locator('[data-run-id] [data-col=name]').allInnerTexts();

test('the bar chart shows each run\'s value and marks the best, following the goal toggle', async () => {
  const page = await openWorkspace();
  const chart = page.locator('.bar-chart');
  await chart.getByLabel('bar chart metric').selectOption('val_acc');
  await eventually(async () => assert.equal(await chart.getAttribute('data-metric'), 'val_acc'));
  const bars = await chart.locator('g.bar').evaluateAll((gs) => gs.map((g) => ({
    name: g.querySelector('.bar-label').textContent.replace('★ ', ''),
    value: Number(g.getAttribute('data-value')),
    shown: g.querySelector('.bar-value').textContent,
    best: g.classList.contains('best'),
  })));
  assert.equal(bars.length, 24);
  for (const r of RUNS) {
    const bar = bars.find((b) => b.name === r.name);
    assert.equal(bar.value, r.valAcc, r.name);
    assert.equal(bar.shown, String(Number(r.valAcc.toPrecision(4))));
  }
  const highest = RUNS.reduce((a, b) => (b.valAcc > a.valAcc ? b : a));
  assert.deepEqual(bars.filter((b) => b.best).map((b) => b.name), [highest.name]);
  assert.match(await chart.locator('[data-best-run]').innerText(), new RegExp(`best: ${highest.name}`));
  assert.equal(await chart.getByLabel('lower is better').isChecked(), false);

  await chart.getByLabel('lower is better').check();
  const lowest = RUNS.reduce((a, b) => (b.valAcc < a.valAcc ? b : a));
  await eventually(async () => assert.equal(await chart.locator('g.bar.best .bar-label').textContent(), `★ ${lowest.name}`));

  await chart.getByLabel('bar chart metric').selectOption('loss');
  assert.equal(await chart.getByLabel('lower is better').isChecked(), true, 'a loss is better low by default');
  await eventually(async () => assert.equal(await chart.locator('g.bar.best .bar-label').textContent(), `★ ${highest.name}`));
});

test('brushing a parallel-coordinates axis narrows the runs table to exactly the runs inside, clearing restores it', async () => {
  const page = await openWorkspace();
  const panel = page.locator('.parallel');
  await panel.getByLabel('parallel coordinates metric').selectOption('val_acc');
  const axisIds = await panel.locator('.pc-axis').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-axis')));
  assert.ok(!axisIds.includes('config.epochs'), 'the zero-variance axis is dropped');
  assert.equal(axisIds.at(-1), 'summary.val_acc', 'the metric axis comes last');
  assert.equal(await panel.locator('[data-axis="config.optimizer"]').getAttribute('data-kind'), 'category');
  assert.equal(await panel.locator('path.pc-line').count(), 24);

  const axis = panel.locator('[data-axis="config.lr"]');
  const [min, max, top, bottom, x] = await Promise.all(['data-min', 'data-max', 'data-top', 'data-bottom', 'data-x']
    .map(async (a) => Number(await axis.getAttribute(a))));
  await panel.locator('svg').scrollIntoViewIfNeeded();
  const box = await panel.locator('svg').boundingBox();
  const yOf = (lr) => box.y + top + (1 - (lr - min) / (max - min)) * (bottom - top);
  // brush lr from between the 6th and 7th lowest to between the 12th and 13th: six runs
  const sorted = RUNS.map((r) => r.config.lr).sort((a, b) => a - b);
  const low = (sorted[5] + sorted[6]) / 2;
  const high = (sorted[11] + sorted[12]) / 2;
  const expected = RUNS.filter((r) => r.config.lr > low && r.config.lr < high).map((r) => r.name).sort();
  assert.equal(expected.length, 6);
  await page.mouse.move(box.x + x, yOf(high));
  await page.mouse.down();
  await page.mouse.move(box.x + x, yOf(low), { steps: 6 });
  await page.mouse.up();

  await eventually(async () => assert.deepEqual((await rowNames(page)).sort(), expected));
  assert.match(await panel.locator('.brush-status').innerText(), /6 of 24 runs in the brush/);
  const faded = await panel.locator('path.pc-line.out').count();
  assert.equal(faded, 18);

  await panel.getByRole('button', { name: 'clear brush' }).click();
  await eventually(async () => assert.equal((await rowNames(page)).length >= 12, true));
  assert.equal(await panel.locator('.brush-status').count(), 0);
  assert.equal(await panel.locator('path.pc-line.out').count(), 0);
});

test('the importance panel puts the key that drives the metric first, and follows the filter', async () => {
  const page = await openWorkspace();
  const panel = page.locator('.importance');
  await panel.getByLabel('importance metric').selectOption('val_acc');
  await eventually(async () => assert.equal(await panel.locator('tbody tr').first().getAttribute('data-key'), 'lr'));
  const keys = await panel.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
  assert.deepEqual(keys.slice().sort(), ['batch', 'epochs', 'lr', 'optimizer']);
  assert.ok(Number(await panel.locator('tr[data-key=lr]').getAttribute('data-importance')) > 0.8);
  assert.match(await panel.locator('tr[data-key=lr] .correlation').innerText(), /^−(0\.9\d|1\.00)$/);
  assert.match(await panel.innerText(), /fitted on 24 runs/);

  await page.getByLabel('conditions').fill('config.optimizer = adam');
  await page.getByLabel('conditions').press('Enter');
  const adam = RUNS.filter((r) => r.config.optimizer === 'adam').length;
  await eventually(async () => assert.match(await panel.innerText(), new RegExp(`fitted on ${adam} runs`)));
  assert.equal(await panel.locator('tbody tr').first().getAttribute('data-key'), 'lr');
});
