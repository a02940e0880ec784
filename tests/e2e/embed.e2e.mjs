// End-to-end test of the embeddable widget (www/embed/embed.js) in real headless Chromium.
//
//   scripts/build-embed.sh && (cd tests/e2e && npm ci && node embed.e2e.mjs)
//
// Serves dist/embed/ under /portal/nianbao/ with a strict Content-Security-Policy *header* (the one
// docs/embed.md documents), opens the mock portal page and the page without a report, and prints
// `embed e2e: N passed, M failed`; exits non-zero on any failure.

import { readFile, stat, rm, mkdir, copyFile } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checks, launch, serve } from './run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dir = join(root, 'dist/embed');
const artifacts = join(here, 'artifacts');
const BASE = '/portal/nianbao/';
// What a site needs for the widget (docs/embed.md), plus the usual lock-down of everything else.
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const OWN_FILES = /\/(demo-portal\.html|empty-page\.html|demo\.css|embed\.js|nianbao_embed\.js|nianbao_embed_bg\.wasm)$/;

/** Collects page errors, console lines, CSP violations and requests of one page. */
function watch(page) {
  const w = { errors: [], console: [], requests: [] };
  page.on('pageerror', (e) => w.errors.push(String(e)));
  page.on('console', (m) => w.console.push(`${m.type()}: ${m.text()}`));
  page.on('request', (r) => w.requests.push(r.url()));
  return w;
}

/** The body as the parser builds it from the served file (no script run): the untouched host DOM. */
async function parsedBody(page, file) {
  const html = await readFile(join(dir, file), 'utf8');
  return page.evaluate((html) => new DOMParser().parseFromString(html, 'text/html').body.innerHTML, html);
}

async function main() {
  try { await stat(join(dir, 'embed.js')); } catch {
    console.error('dist/embed/embed.js missing: run scripts/build-embed.sh first');
    process.exit(2);
  }
  await mkdir(artifacts, { recursive: true });
  const { server, url } = await serve(dir, BASE);
  server.prependListener('request', (_req, res) => res.setHeader('content-security-policy', CSP));
  const { context, profile } = await launch();
  // Every CSP violation, reported by the page itself (also those without a console line).
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  let page = context.pages()[0] ?? await context.newPage();
  const { test, finish } = checks('embed', () => page);

  // ------------------------------------------------------------------ the mock portal
  let w = watch(page);
  await page.goto(url + 'demo-portal.html', { waitUntil: 'load' });
  const badge = page.locator('nianbao-check .badge');
  let api; // the JS API's result for the text the widget checked
  let totalRule; // the rule that reports the planted total

  await test('badge shows the counts the JS API returns for the same text', async () => {
    await badge.waitFor({ timeout: 15000 });
    const text = (await badge.textContent()).trim();
    api = await page.evaluate(async (base) => {
      const el = document.querySelector('nianbao-check');
      const m = await import(base + 'nianbao_embed.js'); // the same, already initialised module
      const fromText = m.check(el.sourceText, {});
      const fromHtml = m.check(document.getElementById('zoom').outerHTML, {});
      return { fromText, fromHtml, widget: el.result, sourceText: el.sourceText };
    }, url);
    const n = { error: 0, warning: 0, info: 0 };
    api.fromText.findings.forEach((f) => n[f.severity]++);
    const parts = [n.error && `${n.error} 个错误`, n.warning && `${n.warning} 个警告`, n.info && `${n.info} 条提示`].filter(Boolean);
    const want = '年报体检：' + parts.join('、');
    assert(text === want, `badge "${text}", want "${want}"`);
    assert(n.error > 0, 'the planted total gives at least one error');
    console.log(`     badge: ${text}`);
    const ids = (r) => r.findings.map((f) => f.rule).sort().join(' ');
    assert(ids(api.widget) === ids(api.fromText), 'widget result differs from the API on the same text');
    // The DOM→text extraction reads the page as the checker reads the same HTML.
    assert(ids(api.fromHtml) === ids(api.fromText), `HTML path: ${ids(api.fromHtml)}\n text path: ${ids(api.fromText)}`);
    // span16 indexes the JS string: the T3 total's span is the planted "4".
    // One wrong cell is one finding, whichever of its broken equalities names the rule; its cell comes first.
    const isTotal = (c) => c && c.table === 'T3' && c.row === 'R24' && c.col === 'C7';
    const total = api.fromText.findings.find((f) => f.severity === 'error' && isTotal(f.cells[0]));
    assert(total, 'no error on the planted T3 total');
    totalRule = total.rule;
    assert(api.sourceText.slice(...total.span16) === '4', `span16 text: ${api.sourceText.slice(...total.span16)}`);
    assert(total.cells.some((c) => c.table === 'T3' && c.row === 'R24' && c.col === 'C7'), 'cells lack T3/R24/C7');
    const cell = api.fromText.report.cells.find((c) => c.table === 'T3' && c.row === 'R24' && c.col === 'C7');
    assert(cell && cell.raw === '4' && api.sourceText.slice(...cell.span16) === '4', 'report cell span16');
    const sec = api.fromText.report.sections[0];
    assert(api.sourceText.slice(...sec.span16).includes(sec.title), 'section span16');
  });

  await test('with options.previous, copied passages come with UTF-16 spans into both texts', async () => {
    const r = await page.evaluate(async (base) => {
      const m = await import(base + 'nianbao_embed.js');
      const now = document.querySelector('nianbao-check').sourceText;
      const before = now.replaceAll('2024', '2023').replaceAll('2025', '2024');
      const f = m.check(now, { previous: before }).findings.find((x) => x.rule === 'N-COPY-PREV');
      return f && { n: f.related.length, pairs: f.related16.map((p) => [now.slice(...p.span16), before.slice(...p.previous16)]) };
    }, url);
    assert(r && r.n > 0 && r.pairs.length === r.n, `related16: ${JSON.stringify(r)}`);
    const digitless = (t) => t.replace(/[0-9]/g, '#');
    for (const [a, b] of r.pairs) assert(a.length >= 20 && digitless(a) === digitless(b), `passages differ: ${a} | ${b}`);
  });

  await test('the widget only added its own element before the report (host DOM untouched)', async () => {
    const parsed = await parsedBody(page, 'demo-portal.html');
    const now = await page.evaluate(() => {
      const b = document.body.cloneNode(true);
      b.querySelectorAll('nianbao-check').forEach((e) => e.remove());
      return b.innerHTML;
    });
    assert(now === parsed, 'body differs from the parsed page beyond the <nianbao-check> element');
    const placed = await page.evaluate(() => document.querySelector('nianbao-check').nextElementSibling?.id);
    assert(placed === 'zoom', `widget placed before #${placed}`);
  });

  await test('the panel lists the findings', async () => {
    await badge.click();
    await page.locator('nianbao-check .panel').waitFor({ state: 'visible' });
    assert(await badge.getAttribute('aria-expanded') === 'true', 'aria-expanded');
    const rows = await page.locator('nianbao-check .item').evaluateAll((l) => l.map((b) => [b.dataset.rule, b.textContent]));
    assert(rows.length === api.fromText.findings.length, `${rows.length} items for ${api.fromText.findings.length} findings`);
    api.fromText.findings.forEach((f, i) => {
      assert(rows[i][0] === f.rule && rows[i][1].includes(f.message), `item ${i}: ${rows[i][1]}`);
    });
    for (const r of [totalRule, 'N-PLAN-YEAR', 'S-TYPO']) assert(rows.some((x) => x[0] === r), `missing ${r}`);
    await page.screenshot({ path: join(artifacts, 'embed-panel.png') });
    await copyFile(join(artifacts, 'embed-panel.png'), join(root, 'docs/embed.png'));
  });

  let before;
  await test('"在页面中标出" outlines exactly the host <td> of the planted wrong total', async () => {
    before = await page.evaluate(() => [document.getElementById('zoom').innerHTML, document.body.innerHTML]);
    await page.locator('nianbao-check button.mark').click();
    const st = await page.evaluate(() => {
      const td = document.getElementById('planted');
      const cs = getComputedStyle(td);
      const tds = [...document.querySelectorAll('#zoom td[data-nianbao-mark]')];
      return {
        mark: td.getAttribute('data-nianbao-mark'), outline: cs.outlineStyle, width: cs.outlineWidth,
        otherTds: tds.filter((t) => t !== td).map((t) => t.closest('tr').cells[0].textContent + '|' + t.textContent),
        texts: [...document.querySelectorAll('#zoom mark[data-nianbao-mark]')].map((m) => m.textContent),
      };
    });
    assert(st.mark === 'error', `planted td mark: ${st.mark}`);
    assert(st.outline === 'solid' && st.width === '3px', `outline ${st.outline} ${st.width}`);
    // No other number cell is marked: the total rules point at that very cell. (Label cells may be
    // marked by structure rules, e.g. the 2019-style single row （六）其他处理.)
    const numeric = st.otherTds.filter((t) => /^\s*[\d.]+\s*$/.test(t.split('|')[1]));
    assert(numeric.length === 0, `other marked number cells: ${numeric.join(', ')}`);
    const placed = await page.evaluate(() => {
      const el = document.querySelector('nianbao-check');
      return el.result.findings.map((f, i) => [f, i]).filter(([f]) => f.cells.some((c) => c.table === 'T3' && c.row === 'R24' && c.col === 'C7'))
        .map(([f, i]) => [f.rule, el.reveal(i)?.id]);
    });
    assert(placed.length >= 1 && placed.every(([, id]) => id === 'planted'), `findings on T3/R24/C7 → ${JSON.stringify(placed)}`);
    assert(st.texts.includes('问提'), `text marks: ${st.texts.join(' / ')}`);
    assert(st.texts.includes('2024年'), `text marks: ${st.texts.join(' / ')}`);
    console.log(`     marked: planted td, ${st.otherTds.length} label cell(s), ${st.texts.length} text spans`);
    await page.locator('#planted').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'embed-marked.png') });
  });

  await test('clicking a finding scrolls its host cell into view, never under the open panel', async () => {
    for (const [width, height] of [[1280, 600], [390, 640]]) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => window.scrollTo(0, 0));
      assert(await page.locator('nianbao-check .panel').isVisible(), 'the panel is closed');
      await page.locator(`nianbao-check .item[data-rule="${totalRule}"]`).click();
      // Once the page has stopped scrolling (ten frames at the same place) …
      await page.waitForFunction(() => {
        window.__n = window.__y === scrollY ? (window.__n || 0) + 1 : 0;
        window.__y = scrollY;
        return window.__n >= 10;
      }, null, { polling: 'raf', timeout: 5000 });
      // … the cell is in the window, below the widget and its open panel.
      const at = await page.evaluate(() => [document.getElementById('planted').getBoundingClientRect(),
        document.querySelector('nianbao-check').getBoundingClientRect()].map((r) => [r.top, r.bottom]));
      assert(at[0][0] >= at[1][1] && at[0][1] <= height, `at ${width}×${height}: cell ${at[0]}, widget ${at[1]}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test('"清除标记" restores the host DOM byte for byte', async () => {
    await page.locator('nianbao-check button.clear').click();
    const after = await page.evaluate(() => [document.getElementById('zoom').innerHTML, document.body.innerHTML]);
    assert(after[0] === before[0], '#zoom innerHTML differs after clearing');
    assert(after[1] === before[1], 'body innerHTML differs after clearing');
    // And again: marking twice and clearing is as exact.
    await page.locator('nianbao-check button.mark').click();
    await page.locator('nianbao-check button.clear').click();
    const again = await page.evaluate(() => document.getElementById('zoom').innerHTML);
    assert(again === before[0], '#zoom differs after a second mark/clear');
  });

  await test('strict CSP header: no violations, no errors, no console lines; only its own files', async () => {
    const csp = await page.evaluate(() => window.__csp);
    assert(csp.length === 0, `CSP violations: ${csp.join(', ')}`);
    assert(w.errors.length === 0, `page errors: ${w.errors.join(' | ')}`);
    assert(w.console.length === 0, `console: ${w.console.join(' | ')}`);
    const foreign = w.requests.filter((u) => !u.startsWith(url) || !OWN_FILES.test(new URL(u).pathname));
    assert(foreign.length === 0, `requests: ${foreign.join(', ')}`);
    assert(w.requests.some((u) => u.endsWith('nianbao_embed_bg.wasm')), 'the wasm was not loaded');
  });

  // ------------------------------------------------------------------ the page without a report
  await test('page without a report: untouched, no CSP violation, at most one console line, no wasm', async () => {
    page = await context.newPage();
    w = watch(page);
    await page.goto(url + 'empty-page.html', { waitUntil: 'load' });
    await page.waitForTimeout(800);
    const parsed = await parsedBody(page, 'empty-page.html');
    const st = await page.evaluate(() => ({
      body: document.body.innerHTML, csp: window.__csp, widgets: document.querySelectorAll('nianbao-check').length,
      sheets: document.adoptedStyleSheets.length,
    }));
    assert(st.body === parsed, 'body changed');
    assert(st.widgets === 0 && st.sheets === 0, 'widget or styles added');
    assert(st.csp.length === 0, `CSP violations: ${st.csp.join(', ')}`);
    assert(w.errors.length === 0, `page errors: ${w.errors.join(' | ')}`);
    assert(w.console.length <= 1, `console: ${w.console.join(' | ')}`);
    console.log(`     console: ${w.console.join(' | ') || '(nothing)'}`);
    const other = w.requests.filter((u) => !/\/(empty-page\.html|demo\.css|embed\.js)$/.test(new URL(u).pathname));
    assert(other.length === 0, `requests: ${other.join(', ')}`);
    await page.close();
  });

  await test('a report the CMS fills in after load is checked when it appears', async () => {
    const portal = await readFile(join(dir, 'demo-portal.html'), 'utf8');
    const report = /<div id="zoom"[^>]*>([\s\S]*?)<\/div>\s*<div class="share">/.exec(portal)?.[1];
    assert(report && report.includes('政府信息公开'), 'report HTML not found in demo-portal.html');
    page = await context.newPage();
    w = watch(page);
    await page.goto(url + 'empty-page.html', { waitUntil: 'load' });
    await page.waitForTimeout(700);
    assert((await page.locator('nianbao-check').count()) === 0, 'a widget before there is a report');
    // As a CMS template script would: the article arrives after load.
    await page.evaluate((html) => { document.getElementById('zoom').innerHTML = html; }, report);
    const badge = page.locator('nianbao-check .badge');
    await badge.waitFor({ timeout: 10000 });
    const text = (await badge.textContent()).trim();
    assert(text.startsWith('年报体检：') && text.includes('个错误'), text);
    assert(w.errors.length === 0, `page errors: ${w.errors.join(' | ')}`);
    await page.close();
  });

  // ------------------------------------------------------------------ quiet failures on the portal
  async function failing(name, setup) {
    await test(name, async () => {
      page = await context.newPage();
      await setup(page);
      w = watch(page);
      await page.goto(url + 'demo-portal.html', { waitUntil: 'load' });
      await page.waitForTimeout(1000);
      const parsed = await parsedBody(page, 'demo-portal.html');
      const st = await page.evaluate(() => ({ body: document.body.innerHTML, csp: window.__csp }));
      assert(st.body === parsed, 'body changed');
      assert(st.csp.length === 0, `CSP violations: ${st.csp.join(', ')}`);
      assert(w.errors.length === 0, `page errors: ${w.errors.join(' | ')}`);
      const lines = w.console.filter((l) => !/Failed to load resource/.test(l)); // the browser's own 404 line
      assert(lines.length === 1 && lines[0].includes('年报体检'), `console: ${w.console.join(' | ')}`);
      console.log(`     console: ${lines[0]}`);
      await page.close();
    });
  }
  await failing('wasm fails to load: page untouched, one console line', (p) =>
    p.route('**/nianbao_embed_bg.wasm', (r) => r.fulfill({ status: 404, body: '' })));
  await failing('no WebAssembly in the browser: page untouched, one console line', (p) =>
    p.addInitScript(() => { delete window.WebAssembly; }));

  // ------------------------------------------------------------------ <nianbao-check for="zoom">
  await test('<nianbao-check for="zoom"> placed by the page works the same', async () => {
    page = await context.newPage();
    const src = await readFile(join(dir, 'demo-portal.html'), 'utf8');
    const html = src.replace(/<script src="embed.js"[^>]*><\/script>/, '<script src="embed.js" defer></script>')
      .replace('<div id="zoom"', '<nianbao-check for="zoom"></nianbao-check>\n<div id="zoom"');
    await page.route('**/custom-element.html', (r) => r.fulfill({
      status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
    }));
    w = watch(page);
    await page.goto(url + 'custom-element.html', { waitUntil: 'load' });
    await page.locator('nianbao-check .badge').waitFor({ timeout: 15000 });
    const st = await page.evaluate(() => ({ n: document.querySelectorAll('nianbao-check').length, csp: window.__csp }));
    assert(st.n === 1, `${st.n} widgets`);
    assert(st.csp.length === 0 && w.errors.length === 0 && w.console.length === 0, `csp/errors/console: ${[...st.csp, ...w.errors, ...w.console]}`);
    const text = (await page.locator('nianbao-check .badge').textContent()).trim();
    assert(text.startsWith('年报体检：') && text.includes('个错误'), text);
    await page.close();
  });

  // ------------------------------------------------------------------ data-audience="editors"
  await test('data-audience="editors": no badge for the public; shown after #nianbao=editor, hidden again after #nianbao=off', async () => {
    page = await context.newPage();
    const src = await readFile(join(dir, 'demo-portal.html'), 'utf8');
    const html = src.replace('<script src="embed.js" data-target="#zoom"', '<script src="embed.js" data-target="#zoom" data-audience="editors"');
    assert(html !== src, 'no script tag to change');
    await page.route('**/editors.html', (r) => r.fulfill({
      status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
    }));
    w = watch(page);
    const widgets = () => page.evaluate(() => document.querySelectorAll('nianbao-check').length);
    /** The widget says why it stays away (one console line); then there is none. */
    const declined = async () => {
      const n = w.console.length;
      await page.waitForEvent('console', { predicate: (m) => m.text().includes('仅对编辑显示'), timeout: 5000 })
        .catch(() => assert(w.console.slice(n).some((l) => l.includes('仅对编辑显示')), 'no line saying why it is not shown'));
      assert(await widgets() === 0, 'the widget is shown');
    };
    await Promise.all([declined(), page.goto(url + 'editors.html', { waitUntil: 'load' })]);
    assert(!w.requests.some((u) => u.endsWith('.wasm')), 'the wasm was loaded for the public');
    await page.goto(url + 'editors.html#nianbao=editor', { waitUntil: 'load' });
    await page.reload({ waitUntil: 'load' });
    await page.locator('nianbao-check .badge').waitFor({ timeout: 15000 });
    await page.goto(url + 'editors.html', { waitUntil: 'load' });
    await page.locator('nianbao-check .badge').waitFor({ timeout: 15000 }); // remembered in this browser
    await page.goto(url + 'editors.html#nianbao=off', { waitUntil: 'load' });
    await Promise.all([declined(), page.reload({ waitUntil: 'load' })]);
    await page.close();
  });

  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
  finish();
}

main().catch((e) => { console.error(e); console.log('embed e2e: 0 passed, 1 failed'); process.exit(1); });
