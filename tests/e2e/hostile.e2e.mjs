// Hostile input end-to-end test (issue 5) in real headless Chromium, same conventions as run.mjs.
//
//   trunk build --release --offline && (cd tests/e2e && node hostile.e2e.mjs)
//
// 1. Every XSS payload of fixtures/xss/payloads.json, wrapped around a real report (the T3 table with
//    a wrong total), is pasted as text/html and opened as a .html file: the canary global
//    window.__pwned stays unset, no dialog or popup opens, the page does not navigate, no request
//    leaves the page after load (payload URLs point at this very server's /leak/ path, so even a
//    same-origin leak would show in the request log), and the embedded report's findings still show.
// 2. The Content-Security-Policy meta is present, and locked to connect-src 'none' after load.
// 3. Storage faults: localStorage disabled (throws) or full (setItem throws QuotaExceededError): the
//    app still checks and says the draft will not be kept.
// 4. Large drafts: not checked live; "立即检查" shows a progress indicator, "取消" cancels; the longest
//    main-thread task of a live check just under the limit is measured.
//
// Prints `hostile e2e: N passed, M failed`; exits non-zero on any failure.

import { readFile, mkdir, rm } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checks, launch, paste, serve, waitChecked } from './run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = join(root, 'dist');
const artifacts = join(here, 'artifacts');


async function main() {
  await mkdir(artifacts, { recursive: true });
  const payloads = JSON.parse(await readFile(join(here, 'fixtures/xss/payloads.json'), 'utf8'));
  const report = await readFile(join(here, 'fixtures/t3_wrong_total.html'), 'utf8');
  const seed = await readFile(join(root, 'www/sample.txt'), 'utf8');
  const { server, url } = await serve(dist);
  const leak = new URL('leak', url).href;

  let page;
  const { test, finish } = checks('hostile', () => page);

  // ---- 1. XSS payloads, pasted and opened as files --------------------------------------------
  const { context, profile } = await launch();
  page = context.pages()[0] ?? await context.newPage();
  const dialogs = [];
  const popups = [];
  const navigations = [];
  const errors = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  context.on('page', (p) => popups.push(p.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#report-input', { timeout: 15000 });
  await page.waitForSelector('html[data-check-worker="ready"]', { state: 'attached', timeout: 15000 });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations.push(f.url()); });
  const appUrl = page.url();

  /** The report with the payload before it, inside its body and after it. */
  const wrap = (p, swallows) => {
    const html = p.replaceAll('LEAK', leak);
    // A payload that by HTML's rules swallows what follows (unclosed <style>, <plaintext>, an open
    // attribute) would hide the report: it goes after the report only.
    if (swallows) return `${report}\n${html}`;
    const withBody = report.includes('<body')
      ? report.replace(/<body[^>]*>/i, (m) => `${m}${html}`)
      : `${html}${report}`;
    return `${html}\n${withBody}\n${html}`;
  };
  /** The embedded report's wrong T3 total is flagged on its cell. */
  const reportFound = async () => {
    const cls = await page.getAttribute('#cell-T3-R24-C7', 'class', { timeout: 5000 }).catch(() => null);
    return cls !== null && /\bfault\b/.test(cls);
  };
  const pwned = () => page.evaluate(() => [window.__pwned, window.top.__pwned].find((v) => v !== undefined) ?? null);

  let seq = 0;
  let tried = 0;
  let executed = 0;
  for (const mode of ['paste', 'file']) {
    await test(`${payloads.length} XSS payloads ${mode === 'paste' ? 'pasted as text/html' : 'opened as .html files'}: none executes, findings still show`, async () => {
      const bad = [];
      for (const { name, html, swallows } of payloads) {
        const doc = wrap(html, swallows);
        if (mode === 'paste') {
          await paste(page, { 'text/html': doc, 'text/plain': 'plain flavour' });
        } else {
          await page.setInputFiles('#file-input', { name: `${name}.html`, mimeType: 'text/html', buffer: Buffer.from(doc) });
        }
        seq = await waitChecked(page, seq);
        await page.waitForTimeout(30);
        tried += 1;
        const p = await pwned();
        if (p !== null) { executed += 1; bad.push(`${name}: __pwned=${p}`); }
        if (!(await reportFound())) bad.push(`${name}: the report's wrong total is not flagged`);
        const injected = await page.$$eval('#app script, #app img, #app iframe, #app object, #app embed, #app svg image, #app base, #app meta, #app link, #app style',
          (l) => l.map((e) => e.tagName));
        if (injected.length) bad.push(`${name}: markup inserted: ${injected.join(',')}`);
      }
      // Late effects (timers, refresh after 0 s, lazy loads) get a moment to happen.
      await page.waitForTimeout(1500);
      const p = await pwned();
      if (p !== null) bad.push(`late: __pwned=${p}`);
      assert(bad.length === 0, bad.slice(0, 8).join(' | '));
    });
  }

  await test('no dialog, popup, navigation or request after load; CSP meta present', async () => {
    assert(dialogs.length === 0, `dialogs: ${dialogs.join(', ')}`);
    assert(popups.length === 0, `popups: ${popups.join(', ')}`);
    assert(navigations.length === 0 && page.url() === appUrl, `navigated: ${navigations.join(', ')}`);
    const leaked = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
    assert(leaked.length === 0, `requests after load: ${leaked.slice(0, 8).join(', ')}`);
    const csp = await page.$$eval('meta[http-equiv="Content-Security-Policy"]', (l) => l.map((m) => m.content));
    assert(csp.some((c) => /script-src 'self'/.test(c) && /object-src 'none'/.test(c) && /base-uri 'none'/.test(c)),
      `CSP meta missing or weak: ${JSON.stringify(csp)}`);
    assert(csp.some((c) => /connect-src 'none'/.test(c)), 'CSP not locked to connect-src \'none\' after load');
    const blocked = await page.evaluate(() => fetch('./index.html').then(() => 'connected', () => 'blocked'));
    assert(blocked === 'blocked', 'fetch after load was not blocked');
    console.log(`     payloads tried: ${tried} (${payloads.length} × 2 modes), executed: ${executed}, requests after load: ${leaked.length}`);
  });

  // ---- 4. Large drafts: on-demand check with progress and cancel ---------------------------------
  await test('a draft just under the live limit is checked live; its longest task is measured', async () => {
    await page.click('#clear');
    const under = seed.repeat(Math.floor((100 * 1024) / Buffer.byteLength(seed)));
    await page.evaluate(() => {
      window.__longest = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
        .observe({ type: 'longtask' });
    });
    await paste(page, { 'text/plain': under });
    seq = await waitChecked(page, seq);
    await page.waitForTimeout(200);
    const longest = await page.evaluate(() => window.__longest);
    console.log(`     live check of ${(Buffer.byteLength(under) / 1024).toFixed(0)} KB: longest main-thread task ${longest.toFixed(0)} ms`);
    assert(!(await page.$('#large-draft')), 'under the limit the draft must be checked live');
  });

  /** The longest main-thread task since the last reset (PerformanceObserver 'longtask'). */
  const longest = () => page.evaluate(() => window.__longest);
  const resetLongest = () => page.evaluate(() => { window.__longest = 0; });

  await test('a 1 MB draft goes to the check worker at once: progress, 取消, then findings a page at a time', async () => {
    await page.click('#clear');
    const big = seed.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(seed)));
    await paste(page, { 'text/plain': big });
    // Cancel as soon as the progress shows (the worker may answer within a second): its answer to
    // the cancelled job must be dropped when it comes.
    const notice = await page.waitForFunction(() => {
      const n = document.getElementById('large-draft');
      if (!n || !document.getElementById('check-progress')) return false;
      const text = n.textContent;
      document.getElementById('cancel-check').click();
      return text;
    }, null, { timeout: 5000, polling: 'raf' });
    assert((await notice.jsonValue()).includes('后台'), 'the notice says the check runs in the background');
    await page.waitForSelector('#large-draft #check-now', { timeout: 5000 });
    await page.waitForTimeout(4000);
    assert(!(await page.$('#findings')), 'a cancelled check must not show findings');
    await resetLongest();
    const t0 = Date.now();
    await page.click('#check-now');
    await page.waitForSelector('#check-progress', { timeout: 2000 });
    // While the worker checks, the page answers: the 上年报告 slot opens on a click.
    await page.click('#previous-slot summary');
    assert(await page.$eval('#previous-slot', (d) => d.open), 'the page did not answer a click during the check');
    await page.click('#previous-slot summary');
    await page.waitForFunction((after) => Number(document.getElementById('findings')?.dataset.seq) > after, seq,
      { timeout: 120000, polling: 100 });
    const ms = Date.now() - t0;
    seq = await page.evaluate(() => Number(document.getElementById('findings').dataset.seq));
    const listed = await page.$$eval('#findings li.finding', (l) => l.length);
    const more = await page.textContent('#more-findings');
    const total = Number(/还有 (\d+) 条/.exec(more)?.[1]) + listed;
    assert(listed === 200 && total > 200, `listed ${listed} of ${total} (${more})`);
    await page.click('#more-findings');
    assert((await page.$$eval('#findings li.finding', (l) => l.length)) === 400, '显示更多 lists 200 more');
    assert(/第 1\/\d+ 段/.test(await page.textContent('#source-page')), 'the source is shown a window at a time');
    assert(!(await page.$('#large-draft')), 'the notice goes once checked');
    const worst = await longest();
    console.log(`     worker check of ${(Buffer.byteLength(big) / 1048576).toFixed(1)} MB: ${ms} ms to findings, ` +
      `${total} findings (200 listed at first), longest main-thread task ${worst.toFixed(0)} ms`);
  });

  await test('without module workers a 1 MB draft waits for 立即检查 and is checked on the page', async () => {
    const { context: c, profile: pr } = await launch();
    await c.addInitScript(() => { window.Worker = undefined; });
    const p = c.pages()[0] ?? await c.newPage();
    try {
      await p.goto(url, { waitUntil: 'load' });
      await p.waitForSelector('#report-input', { timeout: 15000 });
      assert(!(await p.$('html[data-check-worker]')), 'no worker was started');
      const big = seed.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(seed)));
      await paste(p, { 'text/plain': big });
      await p.waitForSelector('#large-draft #check-now', { timeout: 15000 });
      assert(!(await p.$('#findings')), 'a large draft must not be checked live');
      await p.click('#check-now');
      await p.waitForSelector('#check-progress', { timeout: 2000 });
      await p.evaluate(() => document.getElementById('cancel-check').click());
      await p.waitForTimeout(600);
      assert(await p.$('#large-draft #check-now'), 'cancel leaves the draft unchecked');
      assert(!(await p.$('#findings')), 'cancelled check must not run');
      await p.click('#check-now');
      await p.waitForFunction(() => Number(document.getElementById('findings')?.dataset.seq) > 0, null,
        { timeout: 120000, polling: 200 });
      assert((await p.$$eval('#findings li.finding', (l) => l.length)) === 200, 'listed a page at a time');
    } finally {
      await c.close();
      await rm(pr, { recursive: true, force: true });
    }
  });
  await context.close();
  await rm(profile, { recursive: true, force: true });

  // ---- 3. Storage faults ---------------------------------------------------------------------------
  const faults = {
    'localStorage disabled (private mode)': () => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    },
    'localStorage full (QuotaExceededError)': () => {
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    },
  };
  for (const [name, script] of Object.entries(faults)) {
    await test(`${name}: the app still checks and says the draft will not be kept`, async () => {
      const { context: c, profile: pr } = await launch();
      await c.addInitScript(script);
      page = c.pages()[0] ?? await c.newPage();
      const errs = [];
      page.on('pageerror', (e) => errs.push(String(e)));
      try {
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForSelector('#report-input', { timeout: 15000 });
        await paste(page, { 'text/plain': seed });
        await waitChecked(page, 0);
        const n = await page.$$eval('#findings li.finding', (l) => l.length);
        assert(n > 0, 'no findings');
        await page.waitForFunction(() => document.getElementById('keep-note')?.classList.contains('warn'), null, { timeout: 5000 });
        const note = await page.textContent('#keep-note');
        assert(note.includes('不会保留'), `keep note: ${note}`);
        assert(errs.length === 0, `page errors: ${errs.join(' | ')}`);
      } finally {
        await c.close();
        await rm(pr, { recursive: true, force: true });
      }
    });
  }

  server.close();
  finish();
}

main().catch((e) => { console.error(e); console.log('hostile e2e: 0 passed, 1 failed'); process.exit(1); });
