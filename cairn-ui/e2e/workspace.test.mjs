import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { chartData, eventually, setup } from './harness.mjs';

let env;
const runs = {};
// three finished runs with different learning rates; loss falls at a rate-dependent pace
const RATES = { 'slow-fox': 0.001, 'mid-owl': 0.01, 'fast-elk': 0.1 };
const lossAt = (lr, step) => Number((1 / (1 + lr * 10 * step)).toFixed(6));

before(async () => {
  env = await setup();
  for (const [name, lr] of Object.entries(RATES)) {
    const run = await env.cairn.createRun('alice', 'mnist', { name, config: { lr, optimizer: { name: 'adam' } }, tags: lr > 0.005 ? ['big'] : [] });
    await env.cairn.history(run, Array.from({ length: 20 }, (_, step) => [step, { loss: lossAt(lr, step), 'train/acc': step / 20 }]));
    await env.cairn.finish(run);
    runs[name] = run;
  }
});
after(() => env?.close());
// each open dashboard page holds a live stream, and a browser allows six connections to one server
afterEach(() => env && Promise.all(env.context.pages().map((p) => p.close())));

const rowNames = (page) => page.locator('[data-run-id] [data-col=name]').allInnerTexts();

test('the runs table shows each run with its state, config and summary values', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/mnist');
  await page.getByText('3 runs', { exact: true }).waitFor();
  const row = page.locator(`[data-run-id="${runs['mid-owl'].id}"]`);
  assert.equal(await row.locator('[data-col=name]').innerText(), 'mid-owl');
  assert.match(await row.locator('[data-col=state]').innerText(), /finished/);
  assert.equal(await row.locator('[data-col="config.lr"]').innerText(), '0.01');
  assert.equal(await row.locator('[data-col="config.optimizer.name"]').innerText(), 'adam');
  assert.equal(await row.locator('[data-col="summary.loss"]').innerText(), String(Number(lossAt(0.01, 19).toPrecision(4))));
  assert.equal(await row.locator('[data-col=tags]').innerText(), 'big');
});

test('clicking a metric column header sorts the runs by it, again reverses', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/mnist');
  await page.getByText('3 runs', { exact: true }).waitFor();
  const header = page.getByRole('columnheader', { name: /loss/ }).getByRole('button');
  await header.click();
  await eventually(async () => assert.deepEqual(await rowNames(page), ['fast-elk', 'mid-owl', 'slow-fox']));
  assert.match(page.url(), /sort=summary\.loss/);
  await header.click();
  await eventually(async () => assert.deepEqual(await rowNames(page), ['slow-fox', 'mid-owl', 'fast-elk']));
  assert.match(page.url(), /sort=-summary\.loss/);
});

test('a config comparison filters the runs and stays in the URL', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/mnist');
  await page.getByText('3 runs', { exact: true }).waitFor();
  await page.getByLabel('conditions').fill('config.lr > 0.005');
  await page.getByLabel('conditions').press('Enter');
  await page.getByText('2 runs', { exact: true }).waitFor();
  assert.deepEqual((await rowNames(page)).sort(), ['fast-elk', 'mid-owl']);

  await page.reload();
  await page.getByText('2 runs', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('conditions').inputValue(), 'config.lr > 0.005');

  await page.getByLabel('name contains').fill('OWL');
  await page.getByLabel('name contains').press('Enter');
  await page.getByText('1 run', { exact: true }).waitFor();
  assert.deepEqual(await rowNames(page), ['mid-owl']);
});

test('a metric chart draws exactly the logged points of each run', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/mnist');
  const { data, labels } = await chartData(page, 'loss');
  assert.deepEqual(data[0], Array.from({ length: 20 }, (_, i) => i));
  for (const [name, lr] of Object.entries(RATES)) {
    const line = labels.indexOf(name);
    assert.ok(line > 0, `a line for ${name} in ${labels}`);
    assert.deepEqual(data[line], Array.from({ length: 20 }, (_, step) => lossAt(lr, step)));
  }
  // keys with a prefix get their own section
  await page.locator('.chart-section summary', { hasText: 'train' }).waitFor();
  await chartData(page, 'train/acc');
});

test('ticking runs charts only those runs', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/mnist');
  await page.getByLabel('select slow-fox').check();
  await eventually(async () => {
    const { labels } = await chartData(page, 'loss');
    assert.deepEqual(labels.filter((l) => Object.keys(RATES).includes(l)), ['slow-fox']);
  });
  assert.match(page.url(), new RegExp(`sel=${runs['slow-fox'].id}`));
});

test('a project without runs says so', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/nothing-here');
  await page.getByText('no runs yet').waitFor();
  assert.deepEqual(env.errors, []);
});

test('a thousand-run project keeps only the visible rows in the page and scrolls to the last', async () => {
  const { cairn } = env;
  const names = Array.from({ length: 1500 }, (_, i) => `r${String(i).padStart(4, '0')}`);
  for (let i = 0; i < names.length; i += 50) {
    await Promise.all(names.slice(i, i + 50).map((name, j) => cairn.createRun('alice', 'big', { name, config: { i: i + j } })));
  }
  const page = await env.context.newPage();
  await page.goto('/alice/big?sort=config.i');
  await page.getByText('1500 runs', { exact: true }).waitFor();
  const rendered = await page.locator('[data-run-id]').count();
  assert.ok(rendered > 10 && rendered < 80, `rendered ${rendered} rows`);
  // scroll to the bottom (pages load on the way) until the last run shows
  await eventually(async () => {
    await page.locator('.runs-table').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    assert.ok((await rowNames(page)).includes('r1499'));
  }, 30_000);
  assert.ok(await page.locator('[data-run-id]').count() < 80);
});
