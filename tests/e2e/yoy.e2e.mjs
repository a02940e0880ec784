// Year-over-year view (issue 7) in real headless Chromium, same conventions as run.mjs: with last year's
// report in the 上年报告 slot, the N-COPY-PREV finding shows the copied passages side by side
// (与上年报告对照: 本年报告 | 上年报告).
//
//   trunk build --release --offline && (cd tests/e2e && node yoy.e2e.mjs)
//   NIANBAO_DIST=/tmp/some-dist node yoy.e2e.mjs        # a build elsewhere (default: dist/ of the repo)
//
// 1. This year's report and a copy of it with only the years changed: the block lists every related
//    pair, this year's passage in the first column and last year's in the second, scrolls when long,
//    and stacks at 360 px without a horizontal page scroll; printing shows it whole.
// 2. An honest consecutive pair (different texts): no N-COPY-PREV finding and no block.
// 3. A copied passage that contains markup-like text is shown as that text: no element is made of it,
//    no script runs.
//
// Prints `yoy e2e: N passed, M failed`; exits non-zero on any failure.

import { readFile, mkdir, rm, stat } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checks, launch, pageErrors, paste, serve, waitChecked } from './run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = resolve(root, process.env.NIANBAO_DIST ?? 'dist');
const artifacts = join(here, 'artifacts');

/** Last year's copy of a 2024 report: the same text, every year one less. */
const yearBefore = (t) => t.replaceAll('2024', '2023').replaceAll('2025', '2024');
/** Blanks dropped: the app shows passages as written, the tests compare characters. */
const squash = (t) => t.replace(/\s+/g, '');

async function main() {
  try { await stat(join(dist, 'index.html')); } catch {
    console.error(`${dist}/index.html missing: run \`trunk build --release --offline\` first (or set NIANBAO_DIST)`);
    process.exit(2);
  }
  await mkdir(artifacts, { recursive: true });
  const seed = await readFile(join(root, 'www/sample.txt'), 'utf8');
  const fixtures = join(root, 'tests/fixtures/N-COPY-PREV');
  const honest = await readFile(join(fixtures, 'valid_honest_consecutive.txt'), 'utf8');
  const honestPrev = await readFile(join(fixtures, 'valid_honest_consecutive.previous.txt'), 'utf8');

  const { server, url } = await serve(dist);
  const { context, profile } = await launch();
  const page = context.pages()[0] ?? await context.newPage();
  const errors = pageErrors(page);
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#report-input', { timeout: 15000 });

  const { test, finish } = checks('yoy', () => page);

  let seq = 0;
  /** This year's report pasted into the main area, last year's typed into the 上年报告 slot. */
  async function pair(current, previous) {
    if (await page.isEnabled('#previous-clear')) {
      await page.click('#previous-clear');
      seq = await waitChecked(page, seq);
    }
    if (await page.isEnabled('#clear')) await page.click('#clear');
    await paste(page, { 'text/plain': current });
    seq = await waitChecked(page, seq);
    if (await page.getAttribute('#previous-slot', 'open') === null) await page.click('#previous-slot summary');
    await page.fill('#previous-input', previous);
    seq = await waitChecked(page, seq);
  }
  /** The side-by-side blocks: per block, its caption, headers and rows of [this year, last year]. */
  const blocks = () => page.$$eval('#findings .related', (l) => l.map((b) => ({
    rule: b.closest('li.finding')?.dataset.rule,
    caption: b.querySelector('caption')?.textContent ?? '',
    heads: [...b.querySelectorAll('thead th')].map((th) => th.textContent),
    rows: [...b.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent)),
    elements: b.querySelectorAll('td *').length,
  })));

  await test('a copy with only the years changed shows the copied passages side by side', async () => {
    const last = yearBefore(seed);
    await pair(seed, last);
    const rules = await page.$$eval('#findings li.finding', (l) => l.map((e) => e.dataset.rule));
    assert(rules.includes('N-COPY-PREV'), `no N-COPY-PREV: ${rules.join(', ')}`);
    const all = await blocks();
    const copy = all.find((b) => b.rule === 'N-COPY-PREV');
    assert(copy, `no block in the N-COPY-PREV finding: ${JSON.stringify(all.map((b) => b.rule))}`);
    assert(copy.caption.includes('与上年报告对照'), `caption: ${copy.caption}`);
    assert(JSON.stringify(copy.heads) === '["本年报告","上年报告"]', `headers: ${copy.heads}`);
    // The message counts the passages: every one of them has its row.
    const message = await page.textContent('#findings li.finding[data-rule="N-COPY-PREV"] .message');
    const n = Number(/共 (\d+) 段雷同文字/.exec(message)?.[1]);
    assert(n > 3 && copy.rows.length === Math.min(n, 50), `${copy.rows.length} rows for ${n} passages`);
    assert(copy.caption.includes(`${copy.rows.length} 处`), `caption: ${copy.caption}`);
    for (const [now, before] of copy.rows) {
      assert(now.length >= 20 && squash(seed).includes(squash(now)), `not this year's text: ${now}`);
      assert(squash(last).includes(squash(before)), `not last year's text: ${before}`);
      assert(squash(yearBefore(now)) === squash(before), `columns differ beyond the years: ${now} | ${before}`);
    }
    const [now, before] = copy.rows[0];
    assert(now.includes('2024') && before.includes('2023'), `first pair: ${now} | ${before}`);
    console.log(`     ${copy.rows.length} pairs; first: ${now.slice(0, 24)}… | ${before.slice(0, 24)}…`);
    // Compact: a bounded region that scrolls, reachable from the keyboard; side by side on a wide screen.
    const box = await page.$eval('#findings li[data-rule="N-COPY-PREV"] .related', (b) => {
      const [a, c] = b.querySelector('tbody tr').cells;
      return { max: getComputedStyle(b).maxHeight, scrolls: b.scrollHeight > b.clientHeight, tab: b.tabIndex,
        side: a.getBoundingClientRect().top === c.getBoundingClientRect().top && a.getBoundingClientRect().right <= c.getBoundingClientRect().left + 1 };
    });
    assert(box.max !== 'none' && box.scrolls && box.tab === 0 && box.side, `layout: ${JSON.stringify(box)}`);
    await page.locator('#findings li[data-rule="N-COPY-PREV"] .related').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'yoy-side-by-side.png') });
  });

  await test('at 360 px the columns stack, each labelled, without a horizontal page scroll', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForTimeout(200);
    const r = await page.$eval('#findings li[data-rule="N-COPY-PREV"] .related', (b) => {
      const [a, c] = b.querySelector('tbody tr').cells;
      return { stacked: c.getBoundingClientRect().top >= a.getBoundingClientRect().bottom - 1,
        label: getComputedStyle(c, '::before').content, width: document.documentElement.scrollWidth,
        right: b.getBoundingClientRect().right };
    });
    await page.locator('#findings li[data-rule="N-COPY-PREV"] .related').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'yoy-phone.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    assert(r.stacked && r.label.includes('上年报告'), `not stacked: ${JSON.stringify(r)}`);
    assert(r.width <= 360 && r.right <= 360, `too wide: ${JSON.stringify(r)}`);
  });

  await test('printing shows the passages whole', async () => {
    await page.emulateMedia({ media: 'print' });
    const r = await page.$eval('#findings li[data-rule="N-COPY-PREV"] .related', (b) =>
      ({ max: getComputedStyle(b).maxHeight, overflow: getComputedStyle(b).overflowY, shown: getComputedStyle(b).display }));
    await page.emulateMedia({ media: 'screen' });
    assert(r.max === 'none' && r.overflow === 'visible' && r.shown !== 'none', `print: ${JSON.stringify(r)}`);
  });

  await test('an honest consecutive pair shows no side-by-side block', async () => {
    await pair(honest, honestPrev);
    const rules = await page.$$eval('#findings li.finding', (l) => l.map((e) => e.dataset.rule));
    assert(!rules.includes('N-COPY-PREV'), `N-COPY-PREV on an honest pair: ${rules.join(', ')}`);
    assert(await page.getAttribute('#previous-slot', 'open') !== null, 'slot closed');
    const n = await page.locator('#findings .related').count();
    assert(n === 0, `${n} blocks`);
  });

  await test('a copied passage with markup-like text is shown as text', async () => {
    const law = '《中华人民共和国政府信息公开条例》';
    const payload = `<b>${law}</b><img src=x onerror="window.__pwned=1">`;
    const current = seed.replace(law, payload);
    assert(current !== seed, 'seed lacks the law title');
    await pair(current, yearBefore(current));
    const copy = (await blocks()).find((b) => b.rule === 'N-COPY-PREV');
    assert(copy, 'no block');
    const row = copy.rows.find(([now]) => now.includes(payload));
    assert(row && row[1].includes(payload), `markup not shown as text: ${JSON.stringify(copy.rows[0])}`);
    assert(copy.elements === 0, `${copy.elements} elements inside the passages`);
    await page.waitForTimeout(200);
    const pwned = await page.evaluate(() => window.__pwned ?? null);
    assert(pwned === null, 'script from a passage ran');
    assert(await page.$$eval('#app img, #findings b, #source-text b', (l) => l.length) === 0, 'markup from a passage was inserted');
  });

  await test('no page errors', async () => {
    assert(errors.length === 0, `page errors: ${errors.join(' | ')}`);
  });

  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
  finish();
}

main().catch((e) => { console.error(e); console.log('yoy e2e: 0 passed, 1 failed'); process.exit(1); });
