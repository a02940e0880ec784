// End-to-end test of the 年报体检 web app in real headless Chromium.
//
//   trunk build --release --offline && (cd tests/e2e && npm ci && node run.mjs)
//
// Serves dist/ from a tiny static server on 127.0.0.1 under a sub-path (/sub/app/) to prove the
// relative URLs, drives /usr/bin/chromium through playwright-core (no browser download), and prints
// `e2e: N passed, M failed`; exits non-zero on any failure.

import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir, copyFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = join(root, 'dist');
const artifacts = join(here, 'artifacts');
const BASE_PATH = '/sub/app/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json',
};

export async function serve(dir, basePath = BASE_PATH) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(basePath)) { res.writeHead(404).end(); return; }
    let rel = decodeURIComponent(url.pathname.slice(basePath.length)) || 'index.html';
    if (rel.includes('..')) { res.writeHead(400).end(); return; }
    try {
      const body = await readFile(join(dir, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${server.address().port}${basePath}` };
}

export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch(viewport = { width: 1280, height: 900 }) {
  const profile = await mkdtemp(join(tmpdir(), 'nianbao-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: FLAGS, viewport, locale: 'zh-CN',
  });
  return { context, profile };
}

/** Collects the page's uncaught errors and console errors, as they happen. */
export function pageErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

export const assert = (cond, msg) => { if (!cond) throw new Error(msg); };

/**
 * The checks of one end-to-end file. `test(name, fn)` runs one and prints ok/FAIL (a failure also
 * saves a screenshot of `page()` to artifacts/); `finish()` prints "`label` e2e: N passed, M failed"
 * and exits with 1 when any failed.
 */
export function checks(label, page) {
  const results = [];
  const prefix = label ? `${label} e2e` : 'e2e';
  async function test(name, fn) {
    try {
      await fn();
      results.push(true);
      console.log(`ok   ${name}`);
    } catch (e) {
      results.push(false);
      console.log(`FAIL ${name}\n     ${String(e?.stack ?? e).split('\n').slice(0, 4).join('\n     ')}`);
      const shot = join(artifacts, `${label || 'app'}-fail-${results.length}.png`);
      try {
        await mkdir(artifacts, { recursive: true });
        await page()?.screenshot({ path: shot, fullPage: true });
      } catch {
        // No page (yet), or it is closed: the message above is what counts.
      }
    }
  }
  function finish() {
    const passed = results.filter(Boolean).length;
    const failed = results.length - passed;
    console.log(`${prefix}: ${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  }
  return { test, finish };
}

/** Pastes like a user would: a paste event carrying the given clipboard flavours. */
export async function paste(page, data) {
  await page.evaluate((data) => {
    const t = document.getElementById('report-input');
    t.focus();
    t.select();
    const dt = new DataTransfer();
    for (const [k, v] of Object.entries(data)) dt.setData(k, v);
    t.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

/** Waits until the findings list shows a check newer than `after`. */
export async function waitChecked(page, after = 0) {
  await page.waitForFunction((after) => {
    const f = document.getElementById('findings');
    return f && Number(f.dataset.seq) > after;
  }, after, { timeout: 15000 });
  return page.evaluate(() => Number(document.getElementById('findings').dataset.seq));
}

async function main() {
  try { await stat(join(dist, 'index.html')); } catch {
    console.error('dist/index.html missing: run `trunk build --release --offline` first');
    process.exit(2);
  }
  await mkdir(artifacts, { recursive: true });
  const seed = await readFile(join(root, 'www/sample.txt'), 'utf8');
  const wrongHtml = await readFile(join(here, 'fixtures/t3_wrong_total.html'), 'utf8');
  const { server, url } = await serve(dist);
  const { context, profile } = await launch();
  const page = context.pages()[0] ?? await context.newPage();
  const errors = pageErrors(page);

  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#report-input', { timeout: 15000 });
  // The check worker for large drafts loads with the page (boot.js); then nothing may touch the network.
  await page.waitForSelector('html[data-check-worker="ready"]', { state: 'attached', timeout: 15000 });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));

  const { test, finish } = checks('', () => page);
  let seq = 0;

  await test('seed report pasted as text shows its findings', async () => {
    await paste(page, { 'text/plain': seed });
    seq = await waitChecked(page, seq);
    const value = await page.inputValue('#report-input');
    assert(value.trim() === seed.trim(), 'paste area holds the pasted text');
    const rules = await page.$$eval('#findings li.finding', (l) => l.map((e) => e.dataset.rule));
    assert(rules.length > 0, 'findings list is empty');
    const year = await page.textContent('#fact-year');
    assert(year.includes('2024'), `year: ${year}`);
    const want = ['N-PLAN-YEAR', 'S-TYPO', 'C6-INFOFEE'];
    const missing = want.filter((r) => !rules.includes(r));
    console.log(`     findings: ${rules.length} (${[...new Set(rules)].join(', ')})`);
    // Issue #4 names these three; E2E_LENIENT_RULES=1 only reports them (while rules are being written).
    if (!process.env.E2E_LENIENT_RULES) assert(missing.length === 0, `missing rules: ${missing.join(', ')}`);
    else if (missing.length) console.log(`     not yet reported: ${missing.join(', ')}`);
    const marks = await page.$$eval('#source-text mark.hl', (l) => l.length);
    assert(marks > 0, 'no highlighted spans in the source view');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(artifacts, 'seed.png'), fullPage: true });
    await mkdir(join(root, 'docs'), { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(artifacts, 'seed-viewport.png') });
    await copyFile(join(artifacts, 'seed-viewport.png'), join(root, 'docs/screenshot.png'));
  });

  await test('html report with a wrong T3 total highlights that cell with the expected value', async () => {
    await page.click('#clear');
    await paste(page, { 'text/html': wrongHtml, 'text/plain': 'ignored plain flavour' });
    seq = await waitChecked(page, seq);
    const cell = page.locator('#cell-T3-R24-C7');
    const cls = await cell.getAttribute('class');
    assert(/\bfault\b/.test(cls) && /sev-(error|warning)/.test(cls), `class: ${cls}`);
    const tip = await cell.getAttribute('title');
    assert(tip.includes('61') && tip.includes('62'), `tooltip lacks the expected value 61: ${tip}`);
    assert((await cell.textContent()).trim() === '62', 'cell shows the value as written');
    // Focus shows the same explanation under the table, for keyboard users.
    await cell.focus();
    const shown = await page.textContent('#tip-T3');
    assert(shown === tip, `focus explanation: ${shown}`);
    const pwned = await page.evaluate(() => window.__pwned ?? null);
    assert(pwned === null, 'script from pasted HTML ran');
    const imgs = await page.$$eval('#app img, #app script', (l) => l.length);
    assert(imgs === 0, 'markup from the pasted HTML was inserted');
  });

  await test('clicking a finding scrolls its cell into view and flashes it', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const item = page.locator('#findings li.finding', { hasText: '总计列' }).first();
    await item.locator('button.finding-main').click();
    await page.waitForTimeout(1000);
    const r = await page.evaluate(() => {
      const el = document.getElementById('cell-T3-R24-C7');
      const b = el.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom, h: innerHeight, cls: el.className };
    });
    assert(r.top >= 0 && r.bottom <= r.h, `cell not in view: ${JSON.stringify(r)}`);
    assert(/\bflash\b/.test(r.cls) && /\bselected\b/.test(r.cls), `cell not flashed/selected: ${r.cls}`);
    const srcFlash = await page.$$eval('#source-text mark.flash', (l) => l.length);
    assert(srcFlash > 0, 'source span not flashed');
  });

  await test('j/k step through the findings', async () => {
    await page.evaluate(() => document.activeElement?.blur());
    const before = await page.$eval('#findings li.selected', (e) => e.id).catch(() => null);
    await page.keyboard.press('j');
    const after = await page.$eval('#findings li.selected', (e) => e.id);
    const n = await page.$$eval('#findings li.finding', (l) => l.length);
    assert(n === 1 ? after === before : after !== before, `j did not move: ${before} → ${after}`);
    await page.keyboard.press('k');
    const back = await page.$eval('#findings li.selected', (e) => e.id);
    assert(back === before, `k did not go back: ${back} vs ${before}`);
  });

  await test('为什么/依据 loads the rules\' documentation when first opened', async () => {
    const fetched = () => requests.filter((u) => u.includes('/lazy/rule-docs.js')).length;
    assert(fetched() === 0, 'the rule docs were loaded before anyone asked');
    const details = page.locator('#findings li.finding details.docs').first();
    await details.locator('summary').click();
    await details.locator('.docs-body h4').first().waitFor({ timeout: 5000 });
    const text = await details.locator('.docs-body').textContent();
    assert(text.includes('检查内容') && text.includes('依据'), `docs: ${text.slice(0, 80)}`);
    const second = page.locator('#findings li.finding details.docs').nth(1);
    await second.locator('summary').click();
    assert((await second.locator('.docs-body h4').count()) > 0, 'the second rule has no docs');
    assert(fetched() === 1, `rule docs fetched ${fetched()} times`);
  });

  await test('reload restores the draft', async () => {
    await page.waitForTimeout(300);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('#findings', { timeout: 15000 });
    // Saved as its markup (the check reads the tables from it), shown as its text (issue 15).
    const saved = await page.evaluate(() => localStorage.getItem('nianbao.draft'));
    assert(saved === wrongHtml, `draft not restored (length ${saved?.length} vs ${wrongHtml.length})`);
    const value = await page.inputValue('#report-input');
    assert(value.includes('总计') && !/<\/?[a-z]/i.test(value), `the box shows markup: ${value.slice(0, 80)}`);
    assert(await page.locator('#cell-T3-R24-C7.fault').count() === 1, 'restored draft not checked');
    seq = 0;
  });

  await test('a GBK-encoded .htm file opens through the file input', async () => {
    const s0 = await page.evaluate(() => Number(document.getElementById('findings')?.dataset.seq ?? 0));
    await page.setInputFiles('#file-input', join(here, 'fixtures/gbk_report.htm'));
    seq = await waitChecked(page, s0);
    const notice = await page.textContent('#notice');
    assert(notice.includes('GB18030') && notice.includes('gbk_report.htm'), `notice: ${notice}`);
    const value = await page.inputValue('#report-input');
    assert(value.includes('GBK县某局') && value.includes('收到和处理政府信息公开申请情况'), 'GBK text not decoded');
    assert(await page.locator('#cell-T3-R24-C7.fault').count() === 1, 'GBK report not checked');
  });

  await test('a file dropped on the paste area is opened', async () => {
    const s0 = await page.evaluate(() => Number(document.getElementById('findings')?.dataset.seq ?? 0));
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
      const target = document.querySelector('section.input');
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, seed);
    seq = await waitChecked(page, s0);
    assert((await page.textContent('#notice')).includes('dropped.txt'), 'drop notice');
    assert((await page.textContent('#fact-year')).includes('2024'), 'dropped report checked');
  });

  await test('findings export as CSV (UTF-8 with BOM) and JSON', async () => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const bytes = await readFile(await csv.path());
    assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'CSV has no UTF-8 BOM');
    const text = bytes.toString('utf8');
    assert(text.includes('rule') && text.split('\n').length > 2, `csv: ${text.slice(0, 200)}`);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const doc = JSON.parse(await readFile(await json.path(), 'utf8'));
    assert(doc.files?.[0]?.findings?.length > 0, 'JSON lists the findings');
  });

  await test('上年报告 slot: last year\'s report (same text, year changed) brings N-COPY-PREV, kept in localStorage', async () => {
    await page.click('#clear');
    await paste(page, { 'text/plain': seed });
    seq = await waitChecked(page, seq);
    let rules = await page.$$eval('#findings li.finding', (l) => l.map((e) => e.dataset.rule));
    assert(!rules.includes('N-COPY-PREV'), 'N-COPY-PREV without a previous report');
    assert(await page.getAttribute('#previous-slot', 'open') === null, 'slot open by default');
    await page.click('#previous-slot summary');
    const last = seed.replaceAll('2024', '2023').replaceAll('2025', '2024');
    await page.fill('#previous-input', last);
    seq = await waitChecked(page, seq);
    rules = await page.$$eval('#findings li.finding', (l) => l.map((e) => e.dataset.rule));
    assert(rules.includes('N-COPY-PREV'), `no N-COPY-PREV: ${rules.join(', ')}`);
    await page.waitForTimeout(100);
    assert(await page.evaluate(() => localStorage.getItem('nianbao.previous')) === last, 'previous not saved');
    await page.click('#previous-clear');
    seq = await waitChecked(page, seq);
    rules = await page.$$eval('#findings li.finding', (l) => l.map((e) => e.dataset.rule));
    assert(!rules.includes('N-COPY-PREV'), 'N-COPY-PREV after clearing the slot');
    assert(await page.evaluate(() => localStorage.getItem('nianbao.previous')) === null, 'previous not removed');
  });

  await test('print layout hides the input and keeps summary, tables and findings', async () => {
    await page.emulateMedia({ media: 'print' });
    const vis = await page.evaluate(() => ['section.input', '.summary', '#findings', '#table-T3']
      .map((s) => getComputedStyle(document.querySelector(s)).display !== 'none'));
    await page.emulateMedia({ media: 'screen' });
    assert(JSON.stringify(vis) === '[false,true,true,true]', `print visibility ${vis}`);
  });

  await test('forget draft removes it from localStorage', async () => {
    await page.click('#forget');
    const kept = await page.evaluate(() => localStorage.getItem('nianbao.draft'));
    assert(kept === null, 'draft still stored');
    assert((await page.textContent('#keep-note')).includes('已从本机删除'), 'no notice');
  });

  await test('works at 360 px without horizontal page scroll', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForTimeout(200);
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(w <= 360, `page is ${w}px wide`);
    await page.screenshot({ path: join(artifacts, 'phone.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test('no network request after load, no page errors', async () => {
    assert(requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && !u.startsWith(url)).length === 0,
      `requests: ${requests.join(', ')}`);
    // The reload fetched the app itself again; anything else is a leak.
    const other = requests.filter((u) => !/\/(index\.html|compat\.js|boot\.js|check-worker\.js|nianbao-web\.js|nianbao-web_bg\.wasm|style\.css|lazy\/rule-docs\.js)?$/.test(new URL(u).pathname));
    assert(other.length === 0, `unexpected requests: ${other.join(', ')}`);
    assert(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    // And the page could not connect anywhere if it tried: the CSP is locked to connect-src 'none'.
    const tried = await page.evaluate(() => fetch('./index.html').then(() => 'connected', () => 'blocked'));
    assert(tried === 'blocked', 'fetch after load was not blocked');
  });

  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
  finish();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e); console.log('e2e: 0 passed, 1 failed'); process.exit(1); });
}
