import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { chartData, eventually, setup } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(() => env?.close());
// each open dashboard page holds a live stream, and a browser allows six connections to one server
afterEach(() => env && Promise.all(env.context.pages().map((p) => p.close())));

test('the run page shows the header facts, the config tree and the console', async () => {
  const { cairn } = env;
  const run = await cairn.createRun('alice', 'mnist', {
    name: 'glorious-donkey-58', config: { lr: 0.001, model: { layers: 4, act: 'gelu' } },
    metadata: { host: 'gpu-box-1', git: { commit: '3f2a9c1d0e5b7a8f' }, program: 'train.py', args: ['--lr=0.001'] },
  });
  await cairn.records(run, [
    { type: 'console', stream: 'stdout', line: 0, text: 'epoch 1 starting' },
    { type: 'console', stream: 'stderr', line: 1, text: 'warning: slow disk' },
    { type: 'system', values: { 'cpu.percent': 42 }, time: 1764072000 },
    { type: 'system', values: { 'cpu.percent': 55 }, time: 1764072010 },
  ]);
  const page = await env.context.newPage();
  await page.goto(`/alice/mnist/runs/${run.id}`);
  await page.getByRole('heading', { name: 'glorious-donkey-58' }).waitFor();
  const facts = page.locator('.run-facts');
  await facts.getByText('gpu-box-1').waitFor();
  await facts.getByText('3f2a9c1d0e').waitFor();
  await facts.getByText('train.py --lr=0.001').waitFor();
  await page.getByText('warning: slow disk').waitFor();

  const config = page.getByRole('region', { name: 'config' });
  await config.getByText('gelu').waitFor();
  await config.getByLabel('search config').fill('lr');
  await eventually(async () => assert.equal(await config.getByText('gelu').count(), 0));
  await config.getByText('0.001').waitFor();

  const { data } = await chartData(page, 'system/cpu.percent');
  assert.deepEqual(data[0], [1764072000, 1764072010]);
  assert.deepEqual(data[1], [42, 55]);
  await page.getByText('No metrics logged yet').waitFor();
});

test('notes edited on the page are still there after a reload', async () => {
  const run = await env.cairn.createRun('alice', 'mnist', { name: 'noted' });
  const page = await env.context.newPage();
  await page.goto(`/alice/mnist/runs/${run.id}`);
  await page.getByLabel('notes').fill('lr too high: diverges after step 300');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await page.getByRole('status').getByText('saved').waitFor();
  await page.reload();
  await eventually(async () => assert.equal(await page.getByLabel('notes').inputValue(), 'lr too high: diverges after step 300'));
  assert.equal((await env.cairn.call('GET', `/runs/alice/mnist/${run.id}`)).notes, 'lr too high: diverges after step 300');
});

test('notes are markdown: saved notes show with headings, lists, emphasis, code and links, and markup stays text', async () => {
  const run = await env.cairn.createRun('alice', 'mnist', { name: 'marked' });
  const page = await env.context.newPage();
  await page.goto(`/alice/mnist/runs/${run.id}`);
  await page.getByLabel('notes').fill('## Findings\n\n- lr **0.01** is *stable*\n- see [the paper](https://example.com/p)\n\nuse `--fp16` <script>window.hacked = 1</script>');
  await page.getByRole('button', { name: 'Save notes' }).click();

  const shown = page.getByRole('region', { name: 'markdown preview' });
  await shown.getByRole('heading', { name: 'Findings' }).waitFor();
  assert.equal(await shown.locator('li strong').textContent(), '0.01');
  assert.equal(await shown.locator('li em').textContent(), 'stable');
  assert.equal(await shown.getByRole('link', { name: 'the paper' }).getAttribute('href'), 'https://example.com/p');
  assert.equal(await shown.locator('code').textContent(), '--fp16');
  await shown.getByText('<script>window.hacked = 1</script>').waitFor();
  assert.equal(await page.evaluate(() => window.hacked), undefined);
});

test('tags added on the page are saved', async () => {
  const run = await env.cairn.createRun('alice', 'mnist', { name: 'tagged', tags: ['old'] });
  const page = await env.context.newPage();
  await page.goto(`/alice/mnist/runs/${run.id}`);
  await page.getByLabel('add tag').fill('baseline');
  await page.getByLabel('add tag').press('Enter');
  await page.getByRole('button', { name: 'remove tag old' }).click();
  await eventually(async () => assert.deepEqual((await env.cairn.call('GET', `/runs/alice/mnist/${run.id}`)).tags, ['baseline']));
});

test('NaN values in a metric leave gaps in its chart and nothing breaks', async () => {
  const run = await env.cairn.createRun('alice', 'mnist', { name: 'diverged' });
  await env.cairn.history(run, [[0, { loss: 1.5 }], [1, { loss: 'NaN' }], [2, { loss: 0.5 }], [3, { loss: 'Infinity' }]]);
  const page = await env.context.newPage();
  await page.goto(`/alice/mnist/runs/${run.id}`);
  const { data } = await chartData(page, 'loss');
  assert.deepEqual(data[0], [0, 1, 2, 3]);
  assert.deepEqual(data[1], [1.5, null, 0.5, null]);
  await page.getByRole('heading', { name: 'diverged' }).waitFor();
  assert.deepEqual(env.errors, []);
});

test('an unknown run says it is not found', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/mnist/runs/nope1234');
  await page.locator('.error').waitFor();
});

test('a run of 200 metrics lays out a few dozen chart cards and adds the others as the page scrolls', async () => {
  const { cairn } = env;
  const run = await cairn.createRun('alice', 'wide', { name: 'wide-run' });
  const values = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`m${String(i).padStart(3, '0')}`, i]));
  await cairn.history(run, [[0, values], [1, values]]);
  await cairn.finish(run);
  const page = await env.context.newPage();
  await page.goto(`/alice/wide/runs/${run.id}`);
  await page.locator('.chart-card[data-metric=m000] canvas').waitFor();
  const cards = page.locator('.chart-card');
  assert.ok(await cards.count() < 100, `${await cards.count()} cards before scrolling`);
  const { data } = await chartData(page, 'm001');
  assert.deepEqual(data[1], [1, 1]);
  await eventually(async () => {
    await page.mouse.wheel(0, 3000);
    assert.equal(await cards.count(), 200);
  });
  await page.locator('.chart-card[data-metric=m199]').scrollIntoViewIfNeeded();
  await page.locator('.chart-card[data-metric=m199] canvas').waitFor();
});

test('a summary of 200 keys lists the first 100 until asked for all, and a search looks through all of them', async () => {
  const { cairn } = env;
  const run = await cairn.createRun('alice', 'wide', { name: 'wide-summary' });
  const values = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`m${String(i).padStart(3, '0')}`, i]));
  await cairn.history(run, [[0, values]]);
  const page = await env.context.newPage();
  await page.goto(`/alice/wide/runs/${run.id}`);
  const summary = page.getByRole('region', { name: 'summary' });
  await summary.getByText('m099').waitFor();
  assert.equal(await summary.getByText('m150').count(), 0);

  await summary.getByLabel('search summary').fill('m150');
  await summary.getByText('m150').waitFor();
  await summary.getByLabel('search summary').fill('');
  await summary.getByRole('button', { name: 'show all 200 keys' }).click();
  await summary.getByText('m199').waitFor();
  assert.equal(await summary.locator('.json-key').count(), 200);
});

test('the run name renamed in the header is still there after a reload; a refused name shows why and Escape cancels', async () => {
  const run = await env.cairn.createRun('alice', 'mnist', { name: 'before-name' });
  const page = await env.context.newPage();
  await page.goto(`/alice/mnist/runs/${run.id}`);
  await page.getByRole('heading', { name: 'before-name' }).click();
  await page.getByLabel('run name').fill('after-name');
  await page.getByLabel('run name').press('Enter');
  await page.getByRole('heading', { name: 'after-name' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'after-name' }).click();
  await page.getByLabel('run name').fill('x'.repeat(300));
  await page.getByLabel('run name').press('Enter');
  await page.getByRole('alert').getByText(/not renamed: .*name/).waitFor();
  await page.getByLabel('run name').fill('discarded');
  await page.getByLabel('run name').press('Escape');
  await page.getByRole('heading', { name: 'after-name' }).waitFor();
  assert.equal((await env.cairn.call('GET', `/runs/alice/mnist/${run.id}`)).name, 'after-name');
});

test('the git branch, remote and a diff with coloured added and removed lines are shown', async () => {
  const diff = 'diff --git a/train.py b/train.py\n--- a/train.py\n+++ b/train.py\n@@ -1,2 +1,2 @@\n-lr = 0.1\n+lr = 0.01\n epochs = 3\n';
  const run = await env.cairn.createRun('alice', 'mnist', {
    name: 'diffed',
    metadata: { git: { commit: 'abcdef0123456789', branch: 'feature-x', remote: 'https://example.com/org/repo.git', dirty: true, diff, diff_truncated: false } },
  });
  const page = await env.context.newPage();
  await page.goto(`/alice/mnist/runs/${run.id}`);
  const facts = page.locator('.run-facts');
  await facts.getByText('feature-x').waitFor();
  await facts.getByText('https://example.com/org/repo.git').waitFor();
  await page.locator('.git-diff summary').click();
  const added = page.locator('.git-diff .diff-add');
  const removed = page.locator('.git-diff .diff-del');
  await added.waitFor();
  assert.equal(await added.textContent(), '+lr = 0.01');
  assert.equal(await removed.textContent(), '-lr = 0.1');
  const colour = (l) => l.evaluate((e) => getComputedStyle(e).color);
  assert.notEqual(await colour(added), await colour(removed));
  assert.equal(await page.locator('.git-diff .diff-file').count(), 3);
});

test('a file uploaded to the run is listed with its size and downloads', async () => {
  const run = await env.cairn.createRun('alice', 'mnist', { name: 'with-files' });
  const body = 'step,loss\n0,1.5\n1,0.9\n';
  const put = await fetch(`${env.server.url}/api/v1/runs/alice/mnist/${run.id}/files/out/metrics.csv`, { method: 'PUT', body });
  assert.equal(put.status, 201);
  const page = await env.context.newPage();
  await page.goto(`/alice/mnist/runs/${run.id}`);
  const files = page.getByRole('table', { name: 'files' });
  const link = files.getByRole('link', { name: 'out/metrics.csv' });
  await link.waitFor();
  await files.getByText(`${body.length} B`).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const saved = await download.path();
  assert.equal((await import('node:fs')).readFileSync(saved, 'utf8'), body);
});

test('the console search keeps only the matching lines and ANSI colours show as colours', async () => {
  const run = await env.cairn.createRun('alice', 'mnist', { name: 'coloured' });
  const lines = Array.from({ length: 300 }, (_, i) => ({ type: 'console', stream: 'stdout', line: i, text: `step ${i} loss ${(1 / (i + 1)).toFixed(3)}` }));
  lines.push({ type: 'console', stream: 'stdout', line: 300, text: '\x1b[31mERROR\x1b[0m: checkpoint failed \x1b[1mhere\x1b[0m' });
  await env.cairn.records(run, lines);
  const page = await env.context.newPage();
  await page.goto(`/alice/mnist/runs/${run.id}`);
  const red = page.locator('.console').getByText('ERROR', { exact: true });
  await red.waitFor();
  assert.equal(await red.evaluate((e) => getComputedStyle(e).color), 'rgb(205, 49, 49)');
  const text = await page.locator('.console-line').last().locator('.console-text').textContent();
  assert.equal(text, 'ERROR: checkpoint failed here');
  assert.ok(await page.locator('.console-line').count() < 100, 'the console stays virtualised');

  await page.getByLabel('search console').fill('step 29');
  await page.getByText('11 of 301 lines').waitFor();
  await eventually(async () => {
    const shown = await page.locator('.console-line .console-text').allTextContents();
    assert.ok(shown.length > 0 && shown.every((t) => t.includes('step 29')), shown.join(' | '));
  });
  await page.locator('.console-line mark').first().waitFor();
});
