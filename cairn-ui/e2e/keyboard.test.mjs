// The workspace's selection and keyboard: Shift-click ranges across scrolled rows, j / k / x / Enter /
// Esc / ?, and a run's colour being the same on the workspace, the compare page and the run page.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { eventually, setup } from './harness.mjs';

let env;
const ids = []; // in table order: sorted by config.i
before(async () => {
  env = await setup();
  for (let i = 0; i < 120; i += 20) {
    const made = await Promise.all(Array.from({ length: 20 }, (_, j) =>
      env.cairn.createRun('alice', 'keys', { name: `k${String(i + j).padStart(3, '0')}`, config: { i: i + j } })));
    ids.push(...made.map((r) => r.id));
  }
});
after(() => env?.close());
afterEach(() => env && Promise.all(env.context.pages().map((p) => p.close())));

/** Scrolls the runs table to a row, again as further pages load, until the row is in the page. */
async function scrollTo(page, row, label) {
  await eventually(async () => {
    await page.locator('.runs-table').evaluate((el, top) => { el.scrollTop = top; }, row * 32);
    assert.equal(await page.getByLabel(label).count(), 1);
  });
}

const ticked = (page) => page.locator('.runs-table [data-run-id] input[type=checkbox]:checked').count();
const selParam = (page) => (new URL(page.url()).searchParams.get('sel') ?? '').split(',').filter(Boolean);

test('shift-click ticks every run between the last clicked one and this one, across rows scrolled out of view', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/keys?sort=config.i');
  await page.getByText('120 runs', { exact: true }).waitFor();
  await page.getByLabel('select k003').click();
  // scroll far down: k003 leaves the page (the table is virtualised), rows past the first page load
  await scrollTo(page, 90, 'select k095');
  assert.equal(await page.getByLabel('select k003').count(), 0, 'k003 scrolled out of the DOM');
  await page.getByLabel('select k095').click({ modifiers: ['Shift'] });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('sel')?.split(',').length === 93);
  assert.deepEqual(new Set(selParam(page)), new Set(ids.slice(3, 96)));
  assert.match(await page.getByRole('button', { name: /New sweep from 93 runs/ }).innerText(), /93/);

  // shift-click on a ticked run unticks the range from the last click
  await page.getByLabel('select k090').click({ modifiers: ['Shift'] });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('sel')?.split(',').length === 87);
  assert.deepEqual(new Set(selParam(page)), new Set(ids.slice(3, 90)));
  assert.equal(await page.getByLabel('select k091').isChecked(), false);
  assert.equal(await page.getByLabel('select k089').isChecked(), true);
});

test('j and k move a row focus that stays in view, x ticks it, Esc clears, Enter opens the run', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/keys?sort=config.i');
  await page.getByText('120 runs', { exact: true }).waitFor();
  const focused = () => page.locator('.runs-row.focused [data-col=name]').innerText();
  await page.keyboard.press('j');
  assert.equal(await focused(), 'k000');
  for (let n = 0; n < 30; n++) await page.keyboard.press('j');
  assert.equal(await focused(), 'k030');
  // the focused row is inside the table's visible area, below its sticky header
  const box = await page.locator('.runs-row.focused').boundingBox();
  const table = await page.locator('.runs-table').boundingBox();
  assert.ok(box.y >= table.y && box.y + box.height <= table.y + table.height + 1, `row ${JSON.stringify(box)} in ${JSON.stringify(table)}`);
  await page.keyboard.press('k');
  assert.equal(await focused(), 'k029');
  await page.keyboard.press('x');
  assert.equal(await page.getByLabel('select k029').isChecked(), true);
  assert.deepEqual(selParam(page), [ids[29]]);

  // typing in the filter is typing: no focus moves, no ticks
  await page.getByLabel('name contains').fill('');
  await page.getByLabel('name contains').press('j');
  await page.getByLabel('name contains').press('x');
  assert.equal(await page.getByLabel('name contains').inputValue(), 'jx');
  assert.equal(await focused(), 'k029');
  assert.equal(await ticked(page), 1);
  await page.getByLabel('name contains').fill('');
  await page.locator('h1').click(); // leave the field

  await page.keyboard.press('Escape');
  assert.equal(await ticked(page), 0);
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('sel'));

  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'name contains');
  await page.locator('h1').click();

  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/alice/keys/runs/${ids[29]}$`));
  await page.locator('h1', { hasText: 'k029' }).waitFor();
});

test('? shows the shortcuts and Esc closes them without clearing the ticked runs', async () => {
  const page = await env.context.newPage();
  await page.goto('/alice/keys?sort=config.i');
  await page.getByText('120 runs', { exact: true }).waitFor();
  await page.getByLabel('select k001').click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'keyboard shortcuts' });
  await help.waitFor();
  const text = await help.innerText();
  for (const key of ['/', 'j / k', 'x', 'Enter', 'Esc', '?', 'Shift + click']) assert.ok(text.includes(key), `${key} in ${text}`);
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  assert.equal(await page.getByLabel('select k001').isChecked(), true, 'the first Esc only closed the overlay');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByLabel('select k001').isChecked(), false);
  assert.deepEqual(env.errors, []);
});

test('a run has the same colour in the workspace table under any sort, on the compare page and on its run page', async () => {
  const page = await env.context.newPage();
  // sorted so that k100 and k007 are not the first rows: a colour by table position would differ
  await page.goto('/alice/keys?sort=-config.i');
  await page.getByText('120 runs', { exact: true }).waitFor();
  const dot = (locator) => locator.locator('.run-dot').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  await scrollTo(page, 15, 'select k100');
  const k100 = await dot(page.locator(`[data-run-id="${ids[100]}"]`));
  await scrollTo(page, 105, 'select k007');
  const k007 = await dot(page.locator(`[data-run-id="${ids[7]}"]`));
  // the same on another sort: the colour belongs to the run, not to its row
  await page.goto('/alice/keys?sort=config.i');
  await page.getByText('120 runs', { exact: true }).waitFor();
  assert.equal(await dot(page.locator(`[data-run-id="${ids[7]}"]`)), k007);
  await page.getByLabel('select k007').click();
  await scrollTo(page, 95, 'select k100');
  await page.getByLabel('select k100').click();
  await page.getByRole('link', { name: 'Compare 2 runs' }).click();
  await page.locator(`.compare-table th[data-run-id="${ids[100]}"]`).waitFor();
  assert.equal(await dot(page.locator(`.compare-table th[data-run-id="${ids[100]}"]`)), k100);
  assert.equal(await dot(page.locator(`.compare-table th[data-run-id="${ids[7]}"]`)), k007);
  await page.goto(`/alice/keys/runs/${ids[100]}`);
  await page.locator('h1', { hasText: 'k100' }).waitFor();
  assert.equal(await dot(page.locator('.page')), k100);
});
