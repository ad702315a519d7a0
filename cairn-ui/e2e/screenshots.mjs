// `npm run screenshots`: starts a server, logs a realistic project through the REST API and saves the
// home page, a workspace with charts, the workspace grouped, a comparison and a run page (command, git
// branch, remote and diff, console search) to docs/screenshots/ (used by docs/ui.md). Run ids are fixed,
// so the runs' colours (a function of the id) are the same in every picture and every time. System metrics use the SDKs' names (docs/records.md).
// Same server and browser as the tests (CAIRN_JAR, CAIRN_SERVER_CMD).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chartData, setup } from './harness.mjs';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
const env = await setup({ pollMs: 60_000 });
const { cairn } = env;

// a seeded random source, so every run of the script draws the same curves
let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const noise = (scale) => (random() - 0.5) * scale;

const start = 1764072000;
const DIFF = `diff --git a/train.py b/train.py
index 3b18e51..a9c4f02 100644
--- a/train.py
+++ b/train.py
@@ -41,7 +41,8 @@ def main(args):
     loader = make_loader(args.data, batch_size=args.batch_size)
-    scheduler = StepLR(optimizer, step_size=30)
+    # skip the corrupt shard that caused the spike at step 250
+    loader = skip_shards(loader, bad=[17])
+    scheduler = CosineAnnealingLR(optimizer, T_max=args.epochs)
     for epoch in range(args.epochs):
`;
const runs = [];
const names = ['glorious-donkey-58', 'brave-otter-12', 'quiet-river-7', 'sunny-falcon-33', 'misty-cedar-21',
  'bold-heron-4', 'calm-lynx-90', 'wild-maple-15'];
for (const [i, name] of names.entries()) {
  const lr = [0.1, 0.03, 0.01, 0.003, 0.001][i % 5];
  const batch = [32, 64, 128][i % 3];
  const run = await cairn.createRun('alice', 'mnist', {
    id: `mn${i}${name.slice(0, 3)}q7`, name, group: i < 4 ? 'resnet' : 'mlp', tags: i % 3 === 0 ? ['baseline'] : ['sweep'],
    config: { lr, batch_size: batch, optimizer: i % 2 ? 'adam' : 'sgd', model: { layers: 4 + (i % 3) * 2, dropout: 0.1 } },
    metadata: { host: `gpu-${1 + (i % 3)}`, os: 'Linux-6.1', program: 'train.py',
      args: ['--lr', String(lr), '--batch-size', String(batch)],
      git: { commit: `9f3c2a${i}e1b7d40c5a8`, branch: i === 0 ? 'shard-fix' : 'main', remote: 'git@github.com:alice/mnist.git',
        ...(i === 0 ? { dirty: true, diff: DIFF } : {}) } },
  });
  const speed = 0.004 + lr * 0.05;
  const records = [];
  for (let step = 0; step < 600; step++) {
    const base = 2.3 * Math.exp(-speed * step) + 0.08;
    const spike = step === 250 + i * 20 ? 1.5 : 0; // the spike the min/max band keeps visible
    records.push({ type: 'history', step, time: start + step * 2, values: {
      'train/loss': Number((base + noise(0.12) + spike).toFixed(4)),
      'train/lr': lr * Math.cos((Math.PI / 2) * (step / 600)),
      ...(step % 20 === 0 ? { 'val/loss': Number((base * 1.1 + noise(0.05)).toFixed(4)),
        'val/acc': Number((0.98 - 0.9 * Math.exp(-speed * step) + noise(0.01)).toFixed(4)) } : {}),
    } });
    if (step % 10 === 0) {
      records.push({ type: 'system', time: start + step * 2, values: {
        'gpu.0.utilization_percent': 80 + noise(30), 'gpu.0.memory_used_mb': 9000 + i * 500 + noise(300),
        'gpu.0.temperature_c': 62 + noise(6), 'gpu.0.power_w': 210 + noise(40), cpu_percent: 35 + noise(20),
        'memory.percent': 41 + noise(4), 'proc.memory_rss_mb': 3100 + step + noise(50) } });
    }
  }
  for (let line = 0; line < 40; line++) {
    records.push({ type: 'console', stream: line === 17 ? 'stderr' : 'stdout', line, time: start + line * 30,
      text: line === 17 ? 'UserWarning: the learning rate scheduler was stepped before the optimizer'
        : line % 8 === 3 ? `\u001b[32m✓ checkpoint saved\u001b[0m epoch ${Math.floor(line / 4) + 1} \u001b[1mval/acc ${(0.5 + line / 100).toFixed(3)}\u001b[22m`
        : `epoch ${Math.floor(line / 4) + 1} step ${line * 15} loss ${(2.3 * Math.exp(-speed * line * 15)).toFixed(4)}` });
  }
  records.push({ type: 'summary', values: { best_epoch: 7 + i } });
  if (i < 6) records.push({ type: 'exit', state: i === 4 ? 'failed' : 'finished', exit_code: i === 4 ? 1 : 0 });
  for (let j = 0; j < records.length; j += 5000) await cairn.records(run, records.slice(j, j + 5000));
  runs.push(run);
}
for (const [project, count] of [['cifar10', 3], ['llm-finetune', 2]]) {
  for (let i = 0; i < count; i++) await cairn.createRun('alice', project, { name: `run-${i}` });
}

const page = await env.context.newPage();
await page.setViewportSize({ width: 1000, height: 320 });
await page.goto('/');
await page.locator('table.projects tbody tr').first().waitFor();
await page.screenshot({ path: `${out}/home.png` });

await page.goto(`/alice/mnist?sort=-summary.val/acc`);
await chartData(page, 'train/loss');
await page.setViewportSize({ width: 1400, height: 1150 });
await chartData(page, 'val/acc');
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/workspace.png` });

await page.goto(`/alice/mnist?sort=-summary.val/acc&group_by=config.optimizer&smooth=0.8`);
await chartData(page, 'train/loss');
await page.locator('[data-group] .group-row').first().waitFor();
await chartData(page, 'val/acc');
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/grouped.png` });

await page.setViewportSize({ width: 1200, height: 700 });
await page.goto(`/alice/mnist/compare?runs=${runs.slice(0, 4).map((r) => r.id).join(',')}`);
await page.locator('tr[data-key="config.lr"]').waitFor();
await page.screenshot({ path: `${out}/compare.png` });

for (const [file, body] of [['config.yaml', 'lr: 0.1\nbatch_size: 32\noptimizer: sgd\n'], ['checkpoints/best.pt', 'x'.repeat(48_000)]]) {
  await fetch(`${env.server.url}/api/v1/runs/alice/mnist/${runs[0].id}/files/${file}`, { method: 'PUT', body });
}
await page.setViewportSize({ width: 1400, height: 1400 });
await page.goto(`/alice/mnist/runs/${runs[0].id}`);
await chartData(page, 'train/loss');
await page.getByLabel('notes').fill('Baseline: SGD, lr 0.1. The spike at step 250 is the bad shard.');
await page.locator('.git-diff summary').click();
await page.getByLabel('search console').fill('epoch 3');
await page.getByLabel('search console').blur();
await page.evaluate(() => window.scrollTo(0, 0)); // the sticky section links would show where the search was
await page.waitForTimeout(500);
await page.screenshot({ path: `${out}/run.png`, fullPage: true });

await env.close();
console.log(`screenshots written to ${out}`);
