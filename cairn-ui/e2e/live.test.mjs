import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chartData, eventually, setup } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(() => env?.close());

test('a point logged while the page is open appears in the chart and the state follows the run', async () => {
  const { cairn } = env;
  const run = await cairn.createRun('alice', 'live', { name: 'streaming' });
  await cairn.history(run, [[0, { loss: 1 }], [1, { loss: 0.8 }]]);
  const runPage = await env.context.newPage();
  await runPage.goto(`/alice/live/runs/${run.id}`);
  const workspace = await env.context.newPage();
  await workspace.goto('/alice/live');
  assert.deepEqual((await chartData(runPage, 'loss')).data[1], [1, 0.8]);

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
