#!/usr/bin/env node
// Measures large drafts in the web app (headless Chromium): for drafts of 0.1, 1, 5 and 10 MB made
// of the seed report repeated, and for pathological shapes (one 10 MB line, 100 000 tiny rows,
// 10 000-deep nested HTML pasted as HTML, a 10 000-column HTML table), the time from paste to the
// rendered findings and the longest main-thread task meanwhile (PerformanceObserver 'longtask'):
// the check runs in the worker, so the page should never freeze for long. A measurement, not a test.
//
//   trunk build --release --offline && (cd tests/e2e && npm ci) && node scripts/measure-large.mjs [MB …]

import { readFile } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/e2e/run.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sizes = process.argv.slice(2).map(Number);
const seed = await readFile(join(root, 'www/sample.txt'), 'utf8');
const { server, url } = await serve(join(root, 'dist'));
const { context } = await launch();
const page = context.pages()[0] ?? await context.newPage();
await page.goto(url, { waitUntil: 'load' });
await page.waitForSelector('html[data-check-worker="ready"]', { state: 'attached', timeout: 15000 });
await page.evaluate(() => {
  window.__longest = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
    .observe({ type: 'longtask' });
});

const cases = (sizes.length ? sizes : [0.1, 1, 5, 10]).map((mb) => [`${mb} MB of reports`, 'text/plain',
  seed.repeat(Math.max(1, Math.round((mb * 1048576) / Buffer.byteLength(seed))))]);
if (!sizes.length) {
  cases.push(
    ['one 10 MB line', 'text/plain', '政府信息公开'.repeat(10 * 1048576 / 18)],
    ['100 000 tiny rows', 'text/plain', '总计\t1\n'.repeat(100000)],
    ['10 000-deep nested HTML', 'text/html', '<div>'.repeat(10000) + '政府信息公开工作年度报告' + '</div>'.repeat(10000)],
    ['HTML table of 10 000 columns', 'text/html',
      '<p>政府信息公开工作年度报告</p><table>' + ('<tr>' + '<td>1</td>'.repeat(10000) + '</tr>').repeat(10) + '</table>'],
  );
}

for (const [label, type, text] of cases) {
  await page.evaluate(() => document.getElementById('clear').click());
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => Number(document.getElementById('findings')?.dataset.seq ?? 0));
  // The clipboard is filled first, in its own task: handing megabytes to the page is the harness's cost.
  await page.evaluate(({ text, type }) => {
    window.__clipboard = new DataTransfer();
    window.__clipboard.setData(type, text);
  }, { text, type });
  await page.waitForTimeout(300);
  await page.evaluate(() => { window.__longest = 0; });
  const t0 = Date.now();
  await page.evaluate(() => {
    const t = document.getElementById('report-input');
    t.focus();
    t.select();
    t.dispatchEvent(new ClipboardEvent('paste', { clipboardData: window.__clipboard, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction((b) => Number(document.getElementById('findings')?.dataset.seq ?? 0) > b, before,
    { timeout: 300000, polling: 50 });
  const ms = Date.now() - t0;
  await page.waitForTimeout(300);
  const [longest, findings] = await page.evaluate(() => [window.__longest,
    document.getElementById('more-findings')?.textContent ?? '']);
  console.log(`${label.padEnd(30)} ${(Buffer.byteLength(text) / 1048576).toFixed(1).padStart(5)} MB: findings after ${String(ms).padStart(6)} ms, ` +
    `longest main-thread task ${longest.toFixed(0).padStart(4)} ms ${findings}`);
}
await context.close();
server.close();
