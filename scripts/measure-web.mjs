#!/usr/bin/env node
// Measures the web app: gzip bundle size, and the time from pasting the seed report to the
// rendered findings list in headless Chromium (median of repeated runs). A measurement, not a test.
//
//   trunk build --release --offline && (cd tests/e2e && npm ci) && node scripts/measure-web.mjs [runs]

import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/e2e/run.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 21);

process.stdout.write(execFileSync('sh', [join(root, 'scripts/bundle-size.sh'), join(root, 'dist')]).toString());

const seed = await readFile(join(root, 'www/sample.txt'), 'utf8');
const { server, url } = await serve(join(root, 'dist'));
const { context } = await launch();
const page = context.pages()[0] ?? await context.newPage();
await page.goto(url, { waitUntil: 'load' });
await page.waitForSelector('#report-input');

/** One paste → findings rendered and painted, timed inside the page. */
const once = () => page.evaluate(async (text) => {
  document.getElementById('clear').click();
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const t = document.getElementById('report-input');
  t.focus();
  t.select();
  const dt = new DataTransfer();
  dt.setData('text/plain', text);
  const t0 = performance.now();
  t.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  await new Promise((res) => {
    const poll = () => (document.querySelector('#findings li.finding') ? res() : requestAnimationFrame(poll));
    poll();
  });
  // Wait for the frame that shows it.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}, seed);

await once(); // warm-up
const times = [];
for (let i = 0; i < runs; i++) times.push(await once());
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`paste→findings (seed report, ${seed.length} chars, ${runs} runs): median ${median.toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms`);
await context.close();
server.close();
