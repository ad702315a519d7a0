// `node cairn-ui/e2e/screenshot-analysis.mjs`: the workspace's analysis panels (bar chart, parameter
// importance, parallel coordinates with a brush) saved to docs/screenshots/analysis.png for docs/ui.md.
// Separate from screenshots.mjs so it can be refreshed alone. Same server and browser as the tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './harness.mjs';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
const env = await setup({ pollMs: 60_000 });
let seed = 11;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const adjectives = ['brave', 'quiet', 'sunny', 'misty', 'bold', 'calm', 'wild', 'swift', 'gentle', 'proud'];
const animals = ['otter', 'falcon', 'cedar', 'heron', 'lynx', 'maple', 'fox', 'owl', 'elk', 'wren'];
for (let i = 0; i < 30; i++) {
  const lr = Number((10 ** (-4 + 3 * random())).toPrecision(3));
  const dropout = Number((0.5 * random()).toFixed(2));
  const optimizer = random() < 0.5 ? 'adam' : 'sgd';
  const acc = 0.97 - 0.06 * Math.abs(Math.log10(lr) + 2.5) - 0.08 * dropout * dropout - (optimizer === 'sgd' ? 0.02 : 0) + 0.005 * random();
  const run = await env.cairn.createRun('alice', 'cifar10', {
    id: `cf${String(i).padStart(2, '0')}a${adjectives[i % 10].slice(0, 3)}`, // fixed ids: fixed colours
    name: `${adjectives[i % 10]}-${animals[(i * 3) % 10]}-${i}`,
    config: { lr, dropout, optimizer, batch_size: [32, 64, 128][i % 3], epochs: 20 },
  });
  await env.cairn.history(run, [[0, { val_acc: Number(acc.toFixed(4)), val_loss: Number((1.2 - acc).toFixed(4)) }]]);
  await env.cairn.finish(run);
}
const page = await env.context.newPage();
await page.setViewportSize({ width: 1400, height: 1400 });
await page.goto('/alice/cifar10');
const analysis = page.locator('section.analysis');
await analysis.scrollIntoViewIfNeeded();
await page.locator('.bar-chart').getByLabel('bar chart metric').selectOption('val_acc');
await page.locator('.importance').getByLabel('importance metric').selectOption('val_acc');
await page.locator('.parallel').getByLabel('parallel coordinates metric').selectOption('val_acc');
await page.locator('.importance tbody tr').first().waitFor();
const axis = page.locator('[data-axis="config.lr"]');
await page.locator('.parallel svg').scrollIntoViewIfNeeded();
const box = await page.locator('.parallel svg').boundingBox();
const x = box.x + Number(await axis.getAttribute('data-x'));
const top = box.y + Number(await axis.getAttribute('data-top'));
const bottom = box.y + Number(await axis.getAttribute('data-bottom'));
await page.mouse.move(x, top + (bottom - top) * 0.3);
await page.mouse.down();
await page.mouse.move(x, top + (bottom - top) * 0.65, { steps: 5 });
await page.mouse.up();
await page.waitForTimeout(300);
await analysis.screenshot({ path: `${out}/analysis.png` });
await env.close();
console.log(`written ${out}/analysis.png`);
