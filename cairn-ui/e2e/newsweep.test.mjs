import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { eventually, setup } from './harness.mjs';

let env;

// Three runs of the Python SDK's shape (metadata.program and args) that differ in lr and optimizer and
// share batch (hidden: integers; wd: four decades), plus a fourth with a far larger lr that is not ticked.
const RUNS = [
  { name: 'calm-owl', lr: 0.001, optimizer: 'adam', hidden: 64, wd: 1e-7, valLoss: 0.31 },
  { name: 'brave-fox', lr: 0.004, optimizer: 'sgd', hidden: 256, wd: 1e-5, valLoss: 0.27 },
  { name: 'quiet-elk', lr: 0.01, optimizer: 'adamw', hidden: 128, wd: 0.001, valLoss: 0.35 },
  { name: 'wild-yak', lr: 0.5, optimizer: 'sgd', hidden: 512, wd: 0, valLoss: 2.5 },
];

before(async () => {
  env = await setup();
  for (const r of RUNS) {
    const run = await env.cairn.createRun('alice', 'vision', {
      name: r.name,
      config: { lr: r.lr, optimizer: r.optimizer, batch: 32, hidden: r.hidden, wd: r.wd },
      metadata: { program: 'train.py', args: [`--lr=${r.lr}`, `--optimizer=${r.optimizer}`, '--batch=32'] },
    });
    await env.cairn.history(run, [[0, { val_loss: r.valLoss }]]);
    await env.cairn.finish(run);
  }
});
after(() => env?.close());
afterEach(() => env && Promise.all(env.context.pages().map((p) => p.close())));

async function openDialog() {
  const page = await env.context.newPage();
  await page.goto('/alice/vision');
  for (const name of ['calm-owl', 'brave-fox', 'quiet-elk']) await page.getByLabel(`select ${name}`).check();
  await page.getByRole('button', { name: 'New sweep from 3 runs' }).click();
  const dialog = page.getByRole('dialog', { name: 'New sweep' });
  const file = dialog.getByLabel('sweep file');
  await eventually(async () => assert.match(await file.inputValue(), /parameters:/));
  return { page, dialog, file };
}

test('the dialog drafts a sweep file from the ranges of the ticked runs', async () => {
  const { page, dialog, file } = await openDialog();
  if (process.env.CAIRN_SHOT) await page.screenshot({ path: `${process.env.CAIRN_SHOT}-dialog.png` });
  const text = await file.inputValue();
  assert.match(text, /^program: train\.py$/m);
  assert.match(text, /^method: bayes$/m);
  assert.match(text, /^metric:\n {2}name: val_loss\n {2}goal: minimize$/m);
  // lr spans the selection only (0.001 to 0.01, not the unticked 0.5); one decade: a plain uniform
  assert.match(text, /^ {2}lr:\n {4}distribution: uniform\n {4}min: 0\.001\n {4}max: 0\.01$/m);
  assert.match(text, /^ {2}optimizer:\n {4}values: \[adam, adamw, sgd\]$/m);
  assert.match(text, /^ {2}batch:\n {4}value: 32$/m);
  assert.match(text, /^ {2}hidden:\n {4}distribution: int_uniform\n {4}min: 64\n {4}max: 256$/m);
  assert.match(text, /^ {2}wd:\n {4}distribution: log_uniform_values\n {4}min: 1e-7\n {4}max: 0\.001$/m);
  assert.equal(await dialog.getByLabel('metric').inputValue(), 'val_loss');
  assert.equal(await dialog.getByLabel('goal').inputValue(), 'minimize');

  // picking the goal rewrites the file
  await dialog.getByLabel('goal').selectOption('maximize');
  await eventually(async () => assert.match(await file.inputValue(), /goal: maximize/));
});

test('a wrong edit shows the server\'s message with the key path, and creates nothing', async () => {
  const { dialog, file } = await openDialog();
  await file.fill((await file.inputValue()).replace('distribution: uniform', 'distribution: log-uniform'));
  await dialog.getByRole('button', { name: 'Create sweep' }).click();
  const alert = dialog.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /parameters\.lr\.distribution: 'log-uniform' is not a distribution; did you mean 'log_uniform'\?/);
  assert.equal(await file.isVisible(), true, 'the file stays open for fixing');
  assert.deepEqual((await env.cairn.call('GET', '/sweeps/alice/vision')).sweeps, []);
});

test('creating the sweep shows the agent command and leads to a sweep with that config', async () => {
  const { page, dialog } = await openDialog();
  await dialog.getByRole('button', { name: 'Create sweep' }).click();
  const command = dialog.getByLabel('agent command');
  await command.waitFor();
  const [sweep] = (await env.cairn.call('GET', '/sweeps/alice/vision')).sweeps;
  assert.equal(await command.innerText(), `./cairn agent alice/vision/${sweep.id}`);
  assert.deepEqual(sweep.config.parameters, {
    lr: { distribution: 'uniform', min: 0.001, max: 0.01 },
    optimizer: { values: ['adam', 'adamw', 'sgd'] },
    batch: { value: 32 },
    hidden: { distribution: 'int_uniform', min: 64, max: 256 },
    wd: { distribution: 'log_uniform_values', min: 1e-7, max: 0.001 },
  });
  assert.equal(sweep.config.program, 'train.py');
  assert.deepEqual(sweep.config.metric, { name: 'val_loss', goal: 'minimize' });

  await dialog.getByRole('link', { name: 'Open the sweep' }).click();
  await page.getByLabel('sweep state').waitFor();
  assert.equal(new URL(page.url()).pathname, `/alice/vision/sweeps/${sweep.id}`);
  if (process.env.CAIRN_SHOT) await page.screenshot({ path: `${process.env.CAIRN_SHOT}-sweep.png`, fullPage: true });
  assert.equal(await page.getByLabel('sweep state').innerText(), 'running');
  assert.match(await page.locator('.page-title').innerText(), /bayes · minimize val_loss/);
});

test('text that YAML could misread, lists and nested config reach the server as the runs had them', async () => {
  // Java SDK runs: metadata has the command line, not the program
  const configs = [
    { act: 'yes', note: 'a: b #c', code: '1e3', flag: true, sizes: [1, 2], model: { depth: 2, act: 'relu' }, empty: '' },
    { act: 'no', note: '- dash', code: '007', flag: false, sizes: [3], model: { depth: 3, act: 'relu' }, empty: '' },
  ];
  for (const [i, config] of configs.entries()) {
    const run = await env.cairn.createRun('alice', 'tricky', {
      name: `java-${i}`, config, metadata: { command_line: 'java -cp app.jar Train --depth 2' },
    });
    await env.cairn.history(run, [[0, { acc: 0.5 + i / 10 }]]);
  }
  const page = await env.context.newPage();
  await page.goto('/alice/tricky');
  for (const name of ['java-0', 'java-1']) await page.getByLabel(`select ${name}`).check();
  await page.getByRole('button', { name: 'New sweep from 2 runs' }).click();
  const dialog = page.getByRole('dialog', { name: 'New sweep' });
  const file = dialog.getByLabel('sweep file');
  await eventually(async () => assert.match(await file.inputValue(), /parameters:/));
  const text = await file.inputValue();
  assert.match(text, /^# program: fill in/m);
  assert.match(text, /^# the first run was started with: java -cp app\.jar Train --depth 2$/m);
  assert.doesNotMatch(text, /^program:/m);
  assert.match(text, /^ {2}name: acc\n {2}goal: maximize$/m);

  await dialog.getByRole('button', { name: 'Create sweep' }).click();
  await dialog.getByLabel('agent command').waitFor();
  const [sweep] = (await env.cairn.call('GET', '/sweeps/alice/tricky')).sweeps;
  assert.deepEqual(sweep.config.parameters, {
    act: { values: ['no', 'yes'] },
    note: { values: ['- dash', 'a: b #c'] },
    code: { values: ['007', '1e3'] },
    flag: { values: [false, true] },
    sizes: { values: [[1, 2], [3]] },
    model: { parameters: { depth: { distribution: 'int_uniform', min: 2, max: 3 }, act: { value: 'relu' } } },
    empty: { value: '' },
  });
});
