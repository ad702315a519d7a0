import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { chartData, eventually, openBrowser, setup } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(() => env?.close());
// each open dashboard page holds a live stream, and a browser allows six connections to one server
afterEach(() => env && Promise.all(env.context.pages().map((p) => p.close())));

test('a point logged while the page is open arrives by the event stream, and the state follows the run', async () => {
  const { cairn } = env;
  // polling every ten minutes: whatever changes on screen within the test came through the stream
  const streamOnly = await openBrowser(env.server.url, { pollMs: 600_000 });
  const run = await cairn.createRun('alice', 'live', { name: 'streaming' });
  await cairn.history(run, [[0, { loss: 1 }], [1, { loss: 0.8 }]]);
  const runPage = await streamOnly.context.newPage();
  await runPage.goto(`/alice/live/runs/${run.id}`);
  const workspace = await streamOnly.context.newPage();
  await workspace.goto('/alice/live');
  await workspace.locator('[data-live=stream]').waitFor();
  assert.deepEqual((await chartData(runPage, 'loss')).data[1], [1, 0.8]);
  await chartData(workspace, 'loss');

  await cairn.history(run, [[2, { loss: 0.5 }]]);
  for (const page of [runPage, workspace]) {
    await eventually(async () => {
      const { data, labels } = await chartData(page, 'loss');
      assert.deepEqual(data[labels.indexOf('streaming')], [1, 0.8, 0.5]);
    });
  }
  await cairn.finish(run);
  await workspace.locator(`[data-run-id="${run.id}"] [data-col=state]`).getByText('finished').waitFor();
  await runPage.locator('.page-title').getByText('finished').waitFor();
  // a run created now appears in the table without a reload
  await cairn.createRun('alice', 'live', { name: 'newcomer' });
  await workspace.getByRole('row').filter({ hasText: 'newcomer' }).waitFor();
  assert.deepEqual(streamOnly.errors, []);
  await streamOnly.browser.close();
});

test('when the server goes away a banner says so, and goes when it is back', async () => {
  await env.cairn.createRun('alice', 'live', { name: 'before-outage' });
  const page = await env.context.newPage();
  await page.goto('/alice/live');
  await page.getByRole('row').filter({ hasText: 'before-outage' }).waitFor();

  await env.server.stop();
  const banner = page.getByRole('alert').filter({ hasText: 'does not answer' });
  await banner.waitFor({ timeout: 15_000 });
  assert.equal(await page.getByRole('row').filter({ hasText: 'before-outage' }).count(), 1, 'the table stays');

  env.server = await env.server.restart();
  await banner.waitFor({ state: 'detached', timeout: 15_000 });
  await env.cairn.createRun('alice', 'live', { name: 'after-outage' });
  await page.getByRole('row').filter({ hasText: 'after-outage' }).waitFor();
});

test('a part of the page whose code fails to load offers a reload, and the rest of the workspace stays', async () => {
  const run = await env.cairn.createRun('alice', 'chunks', { name: 'charted' });
  await env.cairn.history(run, [[0, { loss: 1 }], [1, { loss: 0.5 }]]);
  const page = await env.context.newPage();
  await page.route('**/assets/ChartsPanel-*.js', (route) => route.abort('connectionrefused'));
  await page.goto('/alice/chunks');

  await page.getByRole('alert').filter({ hasText: 'did not load' }).waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: 'charted' }).count(), 1, 'the table stays');

  await page.unroute('**/assets/ChartsPanel-*.js');
  await page.getByRole('button', { name: 'Reload the page' }).click();
  await page.locator('.chart-card[data-metric=loss] canvas').waitFor();
});
