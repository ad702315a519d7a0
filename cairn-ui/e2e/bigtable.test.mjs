// The workspace past its first page: groups counted over every matching run (not only the loaded ones),
// and a reload (a new run arriving on the event stream) keeping the loaded rows and the scroll position.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { eventually, setup } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(() => env?.close());
afterEach(() => env && Promise.all(env.context.pages().map((p) => p.close())));

async function createRuns(project, count, fields) {
  const made = [];
  for (let i = 0; i < count; i += 25) { // in batches, in creation order batch by batch
    made.push(...await Promise.all(Array.from({ length: Math.min(25, count - i) }, (_, j) =>
      env.cairn.createRun('alice', project, fields(i + j)))));
  }
  return made;
}

test('grouping counts every matching run, also those beyond the loaded first page', async () => {
  // the 80 oldest runs use adam, the 50 newest sgd: the newest-first table loads the 50 sgd runs first
  const runs = await createRuns('groups', 130, (i) => ({ name: `g${String(i).padStart(3, '0')}`, config: { opt: i < 80 ? 'adam' : 'sgd', i } }));
  await Promise.all(runs.map((r, i) => env.cairn.call('PATCH', `/runs/alice/groups/${r.id}`, { summary: { acc: i } })));
  const page = await env.context.newPage();
  await page.goto('/alice/groups?group_by=config.opt');
  const adam = page.locator('[data-group="adam"] .group-row');
  await adam.waitFor();
  assert.equal(await adam.locator('.group-count').innerText(), '80 runs');
  assert.equal(await page.locator('[data-group="sgd"] .group-count').innerText(), '50 runs');
  assert.equal(await adam.locator('[data-col="summary.acc"]').innerText(), '0 / 39.5 / 79');
  assert.equal(await page.locator('[data-group="sgd"] [data-col="summary.acc"]').innerText(), '80 / 104.5 / 129');
  assert.equal(await page.locator('.group-summary').innerText(), '2 groups of 130 runs');

  // opening a group lists its runs, fetched from the server
  await adam.getByRole('button').click();
  await eventually(async () => assert.equal(await page.locator('[data-group="adam"] [data-run-id]').count(), 80));
  assert.ok((await page.locator('[data-group="adam"] [data-run-id] [data-col=name]').allInnerTexts()).includes('g000'));

  // the filter narrows the groups
  await page.getByLabel('conditions').fill('config.i < 10');
  await page.getByLabel('conditions').press('Enter');
  await eventually(async () => assert.equal(await page.locator('.group-summary').innerText(), '1 group of 10 runs'));
  assert.equal(await page.locator('[data-group="adam"] .group-count').innerText(), '10 runs');
  assert.deepEqual(env.errors, []);
});

test('a reload while scrolled deep into the list keeps the loaded rows and the scroll position', async () => {
  await createRuns('deep', 300, (i) => ({ name: `d${String(i).padStart(3, '0')}`, config: { i } }));
  const page = await env.context.newPage();
  await page.goto('/alice/deep?sort=config.i');
  await page.getByText('300 runs', { exact: true }).waitFor();
  await page.locator('.live-badge[data-live=stream]').waitFor(); // the new run will come by the event stream
  const table = page.locator('.runs-table');
  await eventually(async () => {
    await table.evaluate((el) => { el.scrollTop = 200 * 32; });
    assert.equal(await page.locator('[data-col=name]', { hasText: 'd205' }).count(), 1);
  });
  const scrolled = await table.evaluate((el) => el.scrollTop);
  assert.ok(scrolled > 150 * 32, `scrolled to ${scrolled}`);

  // a new run sorts first: the page reloads the list from the server
  await env.cairn.createRun('alice', 'deep', { name: 'first', config: { i: -1 } });
  await page.getByText('301 runs', { exact: true }).waitFor();
  // as many runs as were loaded are fetched again (the 301st loads when the table nears its end)
  assert.ok(Number(await table.getAttribute('aria-rowcount')) >= 300, 'every loaded run is still in the table');
  assert.equal(await table.evaluate((el) => el.scrollTop), scrolled, 'the table did not jump');
  assert.equal(await page.locator('[data-col=name]', { hasText: 'd205' }).count(), 1, 'the rows on screen stay on screen');
  assert.deepEqual(env.errors, []);
});
