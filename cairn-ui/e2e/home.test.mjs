import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { eventually, setup } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(() => env?.close());
// each open dashboard page holds a live stream, and a browser allows six connections to one server
afterEach(() => env && Promise.all(env.context.pages().map((p) => p.close())));

test('an empty server says how to log a first run', async () => {
  const page = await env.context.newPage();
  await page.goto('/');
  await page.getByText('No projects yet').waitFor();
});

test('projects are listed with their run counts and the search box narrows them', async () => {
  const { cairn } = env;
  for (const name of ['a', 'b', 'c']) await cairn.createRun('alice', 'mnist', { name });
  await cairn.createRun('bob', 'cifar', { name: 'x' });
  const page = await env.context.newPage();
  await page.goto('/');
  const rows = page.locator('table.projects tbody tr');
  await eventually(async () => assert.equal(await rows.count(), 2));
  const mnist = rows.filter({ hasText: 'mnist' });
  assert.deepEqual(await mnist.locator('td').allInnerTexts().then((t) => t.slice(0, 3)), ['alice', 'mnist', '3']);

  await page.keyboard.press('/');
  await page.keyboard.type('cif');
  await eventually(async () => assert.deepEqual(await rows.locator('td:nth-child(2)').allInnerTexts(), ['cifar']));

  await rows.getByRole('link', { name: 'cifar' }).click();
  await page.waitForURL('**/bob/cifar');
  await page.getByRole('row').filter({ hasText: 'x' }).first().waitFor();
  assert.deepEqual(env.errors, []);
});

test('a deep link opens its page and unknown API paths keep their JSON 404', async () => {
  const page = await env.context.newPage();
  const response = await page.goto('/alice/mnist');
  assert.equal(response.status(), 200);
  await page.getByRole('heading', { name: /mnist/ }).waitFor();

  const api = await fetch(`${env.server.url}/api/v1/no/such/route`, { headers: { Accept: 'text/html' } });
  assert.equal(api.status, 404);
  assert.equal((await api.json()).error.code, 'not_found');
});
