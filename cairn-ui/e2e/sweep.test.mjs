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

test('the sweep table greys the failed and killed runs and still lists them', async () => {
  const page = await env.context.newPage();
  await page.goto(`/alice/tune/sweeps/${sweep.id}`);
  await eventually(async () => assert.equal(await page.locator('[data-run-id]').count(), 10));
  for (const t of trials) {
    const row = page.locator(`[data-run-id="${t.id}"]`);
    const opacity = Number(await row.evaluate((el) => getComputedStyle(el).opacity));
    if (t.state === 'finished') assert.equal(opacity, 1, `${t.id} is finished and not greyed`);
    else assert.ok(opacity < 1, `${t.id} is ${t.state} and greyed`);
    assert.match(await row.innerText(), new RegExp(t.state));
  }
  await page.close();
});

test('sweep notes are saved and still there after a reload', async () => {
  const page = await env.context.newPage();
  await page.goto(`/alice/tune/sweeps/${sweep.id}`);
  await page.getByLabel('notes').fill('lr above 0.005 never beats 0.85');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await eventually(async () => assert.equal(await page.locator('.notes [role=status]').innerText(), 'saved'));
  await page.reload();
  await eventually(async () => assert.equal(await page.getByLabel('notes').inputValue(), 'lr above 0.005 never beats 0.85'));
  assert.equal((await env.cairn.call('GET', `/sweeps/alice/tune/${sweep.id}`)).notes, 'lr above 0.005 never beats 0.85');
  await page.close();
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

test('a crashed grid run that came back after its point was handed out again shows as superseded', async () => {
  const { cairn } = env;
  const grid = await cairn.call('POST', '/sweeps/alice/tune', {
    config: { method: 'grid', name: 'one-point', parameters: { lr: { values: [0.1] } } },
  });
  const first = (await cairn.call('POST', `/sweeps/alice/tune/${grid.id}/next`, { agent: 'e2e' })).run.id;
  await cairn.call('PATCH', `/runs/alice/tune/${first}`, { state: 'crashed' }); // as the heartbeat timeout does
  const second = (await cairn.call('POST', `/sweeps/alice/tune/${grid.id}/next`, { agent: 'e2e' })).run.id;
  const comeback = await cairn.call('POST', `/runs/alice/tune/${first}/heartbeat`, {});
  assert.equal(comeback.stop, true);

  const page = await env.context.newPage();
  await page.goto(`/alice/tune/sweeps/${grid.id}`);
  await eventually(async () => assert.equal(await page.locator('[data-run-id]').count(), 2));
  assert.match(await page.getByLabel('superseded runs').innerText(), new RegExp(first));
  assert.equal(await page.locator(`[data-run-id="${first}"].superseded`).count(), 1);
  assert.equal(await page.locator(`[data-run-id="${second}"].superseded`).count(), 0);
  const opacity = Number(await page.locator(`[data-run-id="${first}"]`).evaluate((el) => getComputedStyle(el).opacity));
  assert.ok(opacity < 1, 'the superseded run is greyed');
  await page.close();
});

test('Delete asks first, is refused while trials run, and once stopped removes the sweep and keeps its runs', async () => {
  const { cairn } = env;
  const doomed = await cairn.call('POST', '/sweeps/alice/tune', {
    config: { method: 'grid', name: 'doomed', parameters: { lr: { values: [0.1, 0.2] } } },
  });
  const run = (await cairn.call('POST', `/sweeps/alice/tune/${doomed.id}/next`, { agent: 'e2e' })).run.id;
  const page = await env.context.newPage();
  await page.goto(`/alice/tune/sweeps/${doomed.id}`);
  await page.getByLabel('sweep state').waitFor();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'delete sweep' });
  assert.match(await dialog.innerText(), /1 runs stay as ordinary runs/);
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  assert.equal(await dialog.count(), 0);
  assert.equal((await cairn.call('GET', `/sweeps/alice/tune/${doomed.id}`)).state, 'running');

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.getByRole('button', { name: 'Delete sweep' }).click();
  await eventually(async () => assert.match(await dialog.getByRole('alert').innerText(), /running trial.*stop it first/s));

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await eventually(async () => assert.equal(await page.getByLabel('sweep state').innerText(), 'stopped'));
  await dialog.getByRole('button', { name: 'Delete sweep' }).click();
  await page.waitForURL('**/alice/tune/sweeps');
  await eventually(async () => assert.equal(await page.locator(`tr[data-sweep-id="${doomed.id}"]`).count(), 0));
  const kept = await cairn.call('GET', `/runs/alice/tune/${run}`);
  assert.equal(kept.sweep, null);
  await page.close();
});
