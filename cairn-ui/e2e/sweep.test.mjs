import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eventually, setup } from './harness.mjs';

let env;
let sweep;
const trials = [];

// A random sweep over lr and optimizer maximising val_acc, which falls with lr; ten trials handed out
// through the agent protocol (POST .../next), eight finished, one failed, one killed.
before(async () => {
  env = await setup();
  const { cairn } = env;
  sweep = await cairn.call('POST', '/sweeps/alice/tune', {
    config: {
      method: 'random', name: 'lr-search', metric: { name: 'val_acc', goal: 'maximize' },
      parameters: { lr: { min: 0.001, max: 0.01 }, optimizer: { values: ['adam', 'sgd'] } },
    },
  });
  for (let i = 0; i < 10; i++) {
    const next = await cairn.call('POST', `/sweeps/alice/tune/${sweep.id}/next`, { agent: 'e2e' });
    const run = { entity: 'alice', project: 'tune', id: next.run.id };
    const valAcc = Number((0.95 - 20 * next.run.params.lr).toFixed(5));
    await cairn.history(run, [[0, { val_acc: valAcc }]]);
    const state = i === 3 ? 'failed' : i === 6 ? 'killed' : 'finished';
    await cairn.finish(run, state, state === 'finished' ? 0 : 1);
    trials.push({ id: next.run.id, valAcc, state });
  }
  // a run outside the sweep, in the same project
  const other = await cairn.createRun('alice', 'tune', { name: 'outsider', config: { lr: 0.5 } });
  await cairn.history(other, [[0, { val_acc: 0.1 }]]);
});
after(() => env?.close());

test('the project lists its sweeps and a sweep page shows state, counts and progress', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/tune/sweeps');
  const row = page.locator(`tr[data-sweep-id="${sweep.id}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /lr-search/);
  assert.match(await row.innerText(), /running/);
  await row.getByRole('link', { name: 'lr-search' }).click();

  await page.getByLabel('sweep state').waitFor();
  assert.equal(await page.getByLabel('sweep state').innerText(), 'running');
  assert.equal(await page.locator('[data-count=finished] dd').innerText(), '8');
  assert.equal(await page.locator('[data-count=failed] dd').innerText(), '1');
  assert.equal(await page.locator('[data-count=killed] dd').innerText(), '1');
  assert.equal(await page.locator('[data-count=total] dd').innerText(), '10');
  await eventually(async () => assert.equal(await page.locator('circle.sweep-point').count(), 10));
  const grey = await page.locator('circle.sweep-point.grey').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-state')).sort());
  assert.deepEqual(grey, ['failed', 'killed']);
  assert.equal(await page.locator('path.best-so-far').count(), 1);
  // parallel coordinates and the table cover the sweep's ten runs only, not the outsider
  assert.equal(await page.locator('path.pc-line').count(), 10);
  assert.equal(await page.locator('[data-run-id]').count(), 10);
  await page.locator('.importance').scrollIntoViewIfNeeded(); // the panel asks the server once in view
  await eventually(async () => assert.equal(await page.locator('.importance tbody tr').first().getAttribute('data-key'), 'lr'));
  assert.match(await page.locator('.importance').innerText(), /fitted on 10 runs/);
});

test('pause, resume and cancel change the sweep state and the buttons follow', async () => {
  const page = await env.context.newPage();
  await page.goto(`/alice/tune/sweeps/${sweep.id}`);
  const state = page.getByLabel('sweep state');
  await state.waitFor();
  assert.equal(await page.getByRole('button', { name: 'Resume' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Pause' }).click();
  await eventually(async () => assert.equal(await state.innerText(), 'paused'));
  assert.equal(await page.getByRole('button', { name: 'Pause' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Resume' }).click();
  await eventually(async () => assert.equal(await state.innerText(), 'running'));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await eventually(async () => assert.equal(await state.innerText(), 'canceled'));
  for (const name of ['Pause', 'Resume', 'Stop', 'Cancel']) {
    assert.equal(await page.getByRole('button', { name }).isDisabled(), true, name);
  }
  assert.equal((await env.cairn.call('GET', `/sweeps/alice/tune/${sweep.id}`)).state, 'canceled');
});
