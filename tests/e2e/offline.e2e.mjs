// The one-file offline pages and the support-matrix fallbacks, in headless Chromium (playwright-core),
// where every request the page makes is an event:
//   - dist/nianbao-offline.html and dist/nianbao-batch-offline.html from file://: checked, exported,
//     linked to each other, no request but the file itself (and blob: workers), no CSP violation;
//   - below the matrix (no WebAssembly reference types): the message, not the app, and no error;
//   - an engine without 'wasm-unsafe-eval' (told by features, as compat.js does): the app still loads
//     under 'unsafe-eval', and boot.js closes eval after load.
//
//   trunk build --release --offline && scripts/build-embed.sh && node scripts/build-offline.mjs
//   (cd tests/e2e && npm ci && node offline.e2e.mjs)

import { readFile, stat, rm } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assert, checks, launch, paste, serve, waitChecked } from './run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = join(root, 'dist');
const APP = pathToFileURL(join(dist, 'nianbao-offline.html')).href;
const BATCH = pathToFileURL(join(dist, 'nianbao-batch-offline.html')).href;

/** Every request, console error and page error of a page. */
function watch(page) {
  const w = { requests: [], errors: [] };
  page.on('request', (r) => w.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') w.errors.push(m.text()); });
  page.on('pageerror', (e) => w.errors.push(String(e)));
  return w;
}

async function main() {
  for (const f of [APP, BATCH]) {
    try { await stat(fileURLToPath(f)); } catch {
      console.error(`${fileURLToPath(f)} missing: run scripts/build-offline.mjs first`);
      process.exit(2);
    }
  }
  const seed = await readFile(join(root, 'www/sample.txt'), 'utf8');
  const base = await readFile(join(root, 'tests/fixtures/_base/valid_2024_wordcopy.txt'), 'utf8');
  const { context, profile } = await launch();
  let page = context.pages()[0] ?? await context.newPage();
  const { test, finish } = checks('offline', () => page);
  const w = watch(page);

  await test('the offline app from file:// checks the seed report with no request but the file', async () => {
    await page.goto(APP, { waitUntil: 'load' });
    await page.waitForSelector('html[data-check-worker="ready"]', { state: 'attached', timeout: 15000 });
    await page.click('#sample');
    await waitChecked(page, 0);
    const rules = await page.$$eval('#findings li.finding', (l) => l.map((e) => e.dataset.rule));
    for (const r of ['N-PLAN-YEAR', 'S-TYPO', 'C6-INFOFEE']) assert(rules.includes(r), `no ${r}`);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const bytes = await readFile(await csv.path());
    assert(bytes[0] === 0xef && bytes.toString('utf8').includes('N-PLAN-YEAR'), 'CSV export');
    const other = w.requests.filter((u) => u !== APP && !u.startsWith('blob:'));
    assert(other.length === 0, `requests: ${other.join(', ')}`);
    assert(w.errors.length === 0, `errors (CSP violations are console errors): ${w.errors.join(' | ')}`);
    const size = (await stat(fileURLToPath(APP))).size;
    console.log(`     ${(size / 1024).toFixed(0)} KB file, requests: ${w.requests.length} (the file${w.requests.length > 1 ? ' + blob: worker' : ''})`);
  });

  await test('the offline batch page checks pasted reports in blob workers and opens one in the offline app', async () => {
    w.requests.length = 0;
    await page.goto(BATCH, { waitUntil: 'load' });
    await page.click('#paste-box summary');
    const variant = (unit, year) => `${unit}${year}年政府信息公开工作年度报告\n` + base.replaceAll('滔溪镇人民政府', unit)
      .replaceAll('滔溪镇', unit.replace(/人民政府$/, '')).replaceAll('2025', String(year + 1)).replaceAll('2024', String(year));
    await page.fill('#paste', [variant('甲镇人民政府', 2023), variant('甲镇人民政府', 2024), variant('乙乡人民政府', 2024)].join('\n'));
    await page.click('#check-paste');
    await page.waitForSelector('#status[data-state="done"]', { timeout: 30000 });
    assert(await page.locator('#summary tbody tr').count() === 3, 'three rows');
    // A row opens the report in the single-report app: here the other offline file.
    await Promise.all([page.waitForURL(/nianbao-offline\.html\?from=batch$/), page.click('#summary tbody tr[data-i="1"] td')]);
    await page.waitForSelector('#back-to-batch', { timeout: 15000 });
    await waitChecked(page, 0);
    assert((await page.textContent('#fact-year')).includes('2024'), 'the opened report');
    await Promise.all([page.waitForURL(/nianbao-batch-offline\.html$/), page.click('#back-to-batch')]);
    await page.waitForSelector('#summary tbody tr', { timeout: 15000 });
    const other = w.requests.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:'));
    assert(other.length === 0, `requests: ${other.join(', ')}`);
    assert(w.errors.length === 0, `errors: ${w.errors.join(' | ')}`);
  });

  await context.close();
  await rm(profile, { recursive: true, force: true });

  // ---- the served app in engines the matrix leaves out, or at its floor (features removed first)
  const { server, url } = await serve(dist);
  async function fresh(init) {
    const l = await launch();
    await l.context.addInitScript(init);
    page = l.context.pages()[0] ?? await l.context.newPage();
    return { ...l, w: watch(page) };
  }

  await test('below the matrix (no WebAssembly reference types): the message names what to use, no app, no error', async () => {
    const l = await fresh(() => { WebAssembly.validate = () => false; });
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(500);
      assert(await page.isVisible('#unsupported'), 'no message');
      const text = await page.textContent('#unsupported');
      for (const name of ['极速模式', 'Chrome 96', 'Firefox', '115', 'Safari 15', '360']) assert(text.includes(name), `message lacks ${name}`);
      assert(!(await page.isVisible('#app')) && !(await page.isVisible('#get-offline')), 'the app is still shown');
      assert(await page.$('html[data-check-worker]') === null, 'boot.js started the worker');
      assert(l.w.errors.length === 0, `errors: ${l.w.errors.join(' | ')}`);
      assert(!l.w.requests.some((u) => u.endsWith('.wasm')), 'the wasm was fetched');
    } finally {
      await l.context.close();
      await rm(l.profile, { recursive: true, force: true });
    }
  });

  await test('no \'wasm-unsafe-eval\' (Chromium 96, Safari 15, told by features): the app loads, eval is closed after load', async () => {
    const l = await fresh(() => { delete Array.prototype.findLast; });
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForSelector('html[data-check-worker="ready"]', { state: 'attached', timeout: 15000 });
      assert(await page.getAttribute('html', 'data-csp-eval') === 'open', 'compat.js closed eval without the features');
      await paste(page, { 'text/plain': seed });
      await waitChecked(page, 0);
      const csp = await page.$$eval('meta[http-equiv="Content-Security-Policy"]', (l) => l.map((m) => m.content));
      assert(csp.length === 2 && /script-src 'self' 'wasm-unsafe-eval'/.test(csp[1]), `policies: ${csp.join(' | ')}`);
      // A string timer is eval: the policy boot.js added after load refuses it.
      await page.evaluate(() => setTimeout("document.documentElement.dataset.evalRan = 'yes'", 0));
      await page.waitForTimeout(200);
      assert(await page.getAttribute('html', 'data-eval-ran') === null, 'eval ran after load');
    } finally {
      await l.context.close();
      await rm(l.profile, { recursive: true, force: true });
    }
  });

  server.close();
  finish();
}

main().catch((e) => { console.error(e); console.log('offline e2e: 0 passed, 1 failed'); process.exit(1); });
