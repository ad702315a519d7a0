// What every browser test needs: a real Cairn server on a free port with its own data folder, a REST
// client that creates runs and logs records the way the SDKs do (docs/records.md), and Debian's
// chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.CAIRN_CHROMIUM ?? '/usr/bin/chromium';
const JAR = process.env.CAIRN_JAR ?? path.join(repo, 'cairn-cli/target/cairn.jar');

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `java -jar cairn.jar server --port P --data D` and waits for /api/v1/health.
 * CAIRN_SERVER_CMD replaces the command (`{port}` and `{data}` are filled in), e.g. for a dev build.
 */
export async function startServer({ port, data } = {}) {
  port ??= await freePort();
  data ??= fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-'));
  const template = process.env.CAIRN_SERVER_CMD;
  if (!template && !fs.existsSync(JAR)) {
    throw new Error(`no server jar at ${JAR}: build it with \`mvn -B package -DskipTests\` or set CAIRN_JAR`);
  }
  const command = template
    ? ['sh', ['-c', template.replaceAll('{port}', String(port)).replaceAll('{data}', data)]]
    : ['java', ['-jar', JAR, 'server', '--port', String(port), '--data', data]];
  const child = spawn(command[0], command[1], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const server = {
    url: `http://127.0.0.1:${port}`,
    port,
    data,
    log: () => log,
    /** Stops the process, keeping its data; `restart()` starts it again on the same port and data. */
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
    restart: () => startServer({ port, data }),
    async close() {
      await this.stop();
      fs.rmSync(data, { recursive: true, force: true });
    },
  };
  await waitForHealth(server.url, child, () => log);
  return server;
}

async function waitForHealth(url, child, log, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer /api/v1/health within ${timeoutMs} ms:\n${log()}`);
}

/** A REST client for setting up what the browser should then show. */
export class Cairn {
  constructor(url) {
    this.url = url;
    this.seqs = new Map();
  }

  async call(method, path, body) {
    const response = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  /** POST /runs/{entity}/{project}; returns the run object. */
  createRun(entity, project, fields = {}) {
    return this.call('POST', `/runs/${entity}/${project}`, fields);
  }

  /** Sends records (without `seq` and `time`; this numbers them per run like an SDK would). */
  async records(run, records) {
    const ref = `${run.entity}/${run.project}/${run.id}`;
    let seq = this.seqs.get(ref) ?? 0;
    const numbered = records.map((r) => ({ seq: ++seq, time: r.time ?? Date.now() / 1000, ...r }));
    const answer = await this.call('POST', `/runs/${ref}/records`, { records: numbered });
    this.seqs.set(ref, seq);
    return answer;
  }

  /** Logs one history record per step: `points` is [[step, {key: value}], ...]. */
  history(run, points) {
    return this.records(run, points.map(([step, values]) => ({ type: 'history', step, values })));
  }

  finish(run, state = 'finished', exitCode = 0) {
    return this.records(run, [{ type: 'exit', state, exit_code: exitCode }]);
  }
}

/** Debian's chromium, headless; pages poll fast so live tests stay short. */
export async function openBrowser(baseURL, { pollMs = 400, colorScheme = 'light' } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 }, colorScheme });
  await context.addInitScript((ms) => {
    try { localStorage.setItem('cairn.pollMs', String(ms)); } catch { /* about:blank has no storage */ }
  }, pollMs);
  const errors = [];
  context.on('weberror', (e) => errors.push(String(e.error())));
  return { browser, context, errors };
}

/** Everything a test file needs, started once in `before` and closed in `after`. */
export async function setup(options) {
  const server = await startServer();
  const cairn = new Cairn(server.url);
  const { browser, context, errors } = await openBrowser(server.url, options);
  return {
    server, cairn, context, errors,
    async close() {
      await browser.close();
      await this.server.close();
    },
  };
}

/** The uPlot chart for a metric key, as the page draws it (`window.__cairnCharts`). */
export async function chartData(page, id) {
  await page.waitForFunction((key) => window.__cairnCharts?.[key], id);
  return page.evaluate((key) => {
    const u = window.__cairnCharts[key];
    return { data: u.data.map((col) => Array.from(col, (v) => (v === undefined ? 'gap' : v))), labels: u.series.map((s) => s.label) };
  }, id);
}

/** Waits until `check()` stops throwing (or times out with its last error). */
export async function eventually(check, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
