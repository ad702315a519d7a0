import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { CURVES, logCurves } from './curves.mjs';
import { chartData, eventually, setup } from './harness.mjs';

let env;
let runs;
before(async () => {
  env = await setup();
  runs = await logCurves(env.cairn, 'alice', 'curves');
});
after(() => env?.close());
afterEach(() => env && Promise.all(env.context.pages().map((p) => p.close())));

const headers = (page) => page.locator('.runs-header [role=columnheader]').allInnerTexts();

test('grouping by a config value shows one row per value with its run count and metric range', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/curves');
  await page.getByText('3 runs', { exact: true }).waitFor();
  await page.getByLabel('group by').selectOption('config.opt');
  const sgd = page.locator('[data-group="sgd"] .group-row');
  await sgd.waitFor();
  assert.match(await sgd.locator('.group-count').innerText(), /^2 runs$/);
  assert.match(await page.locator('[data-group="adam"] .group-count').innerText(), /^1 run$/);
  assert.equal(await sgd.locator('[data-col="summary.loss"]').innerText(), '0.125 / 0.1875 / 0.25');
  assert.equal(await sgd.locator('[data-col="config.shared"]').innerText(), '1');
  assert.match(page.url(), /group_by=config\.opt/);

  await sgd.getByRole('button').click();
  await page.locator('[data-group="sgd"] [data-run-id]').first().waitFor();
  assert.deepEqual((await page.locator('[data-group="sgd"] [data-run-id] [data-col=name]').allInnerTexts()).sort(), ['a-sgd', 'b-sgd']);

  await page.reload();
  await page.locator('[data-group="adam"]').waitFor();
  assert.equal(await page.getByLabel('group by').inputValue(), 'config.opt');
});

test('grouped charts draw each group as the mean of its runs inside a min-max band', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/curves?group_by=group');
  await eventually(async () => {
    const { data, labels } = await chartData(page, 'loss');
    const sgd = labels.indexOf('sgd');
    assert.ok(sgd > 0 && labels.includes('adam'), `group lines in ${labels}`);
    const [a, b] = [CURVES['a-sgd'].loss, CURVES['b-sgd'].loss];
    assert.deepEqual(data[sgd], a.map((v, i) => (v + b[i]) / 2));
    assert.deepEqual(data[labels.indexOf('sgd min')], b);
    assert.deepEqual(data[labels.indexOf('sgd max')], a);
    assert.deepEqual(data[labels.indexOf('adam')], CURVES['c-adam'].loss);
  });
});

test('hidden and reordered columns stay so after a reload', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/curves');
  await page.getByText('3 runs', { exact: true }).waitFor();
  const before = await headers(page);
  assert.ok(before.includes('tags') && before.indexOf('group') > before.indexOf('tags'));
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByLabel('show tags').uncheck();
  await page.getByLabel('move group up').click(); // past the hidden tags, then past runtime
  await page.getByLabel('move group up').click();
  await page.getByLabel('pin config.lr').click();
  const after = await headers(page);
  assert.ok(!after.includes('tags'), `no tags column in ${after}`);
  assert.equal(after[1], 'lr', 'the pinned column comes first');

  await page.reload();
  await page.getByText('3 runs', { exact: true }).waitFor();
  assert.deepEqual(await headers(page), after);
  assert.ok(await page.locator('.runs-header .pinned').count() === 1);
  // another project keeps its own layout
  await env.cairn.createRun('alice', 'other', { name: 'x', tags: ['t'] });
  await page.goto('/alice/other');
  await page.getByText('1 run', { exact: true }).waitFor();
  assert.ok((await headers(page)).includes('tags'));
});

test('compare shows the ticked runs side by side, differences highlighted, and can hide equal rows', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/curves');
  await page.getByLabel('select a-sgd').check();
  await page.getByLabel('select c-adam').check();
  await page.getByRole('link', { name: 'Compare 2 runs' }).click();
  await page.waitForURL(/\/alice\/curves\/compare\?runs=/);
  await page.locator('.compare-table thead th[data-run-id]').nth(1).waitFor(); // the page fetches the runs
  assert.deepEqual((await page.locator('.compare-table thead th[data-run-id]').allInnerTexts()).map((t) => t.trim()).sort(), ['a-sgd', 'c-adam']);
  const opt = page.locator('tr[data-key="config.opt"]');
  assert.deepEqual(await opt.locator('td').allInnerTexts(), ['sgd', 'adam']);
  assert.match(await opt.getAttribute('class'), /differs/);
  const shared = page.locator('tr[data-key="config.shared"]');
  assert.equal(await shared.getAttribute('class'), null);

  // click, not check(): the box follows the URL, which react-router updates in a transition, so its
  // state flips a moment after the click and check()'s immediate verification can miss it
  await page.getByLabel('differences only').click();
  await shared.waitFor({ state: 'detached' });
  assert.equal(await opt.count(), 1);
  assert.equal(await page.locator('tr[data-key="summary.loss"]').count(), 1);
  assert.match(page.url(), /diff=1/);
  assert.deepEqual(env.errors, []);
});
