// The drafter's loop (issue 15) in real headless Chromium, at 1366 px and on a 390 px phone, same
// conventions as run.mjs:
//
//   trunk build --release --offline && (cd tests/e2e && node loop.e2e.mjs)
//   NIANBAO_DIST=/tmp/some-dist node loop.e2e.mjs        # a build elsewhere (default: dist/ of the repo)
//
// 1. The first listed finding of the seed report is its error; the chips show only their kind.
// 2. Clicking it focuses the editable box with the faulty words ("2024年") selected and in view, in
//    the box and on the page.
// 3. 一键修改 turns them into "2025年，我镇将严格按照…" and the error is gone.
// 4. 清空 can be undone (the saved draft comes back too).
// 5. A pasted portal page (../shared/corpus/complete/*.html) is shown as its text: no markup in the box.
// 6. A finding marked 已核实 with a note leaves the counts, is listed as 已核实, stays after a reload and
//    is exported with its note (JSON "verified"); axe-core finds no WCAG 2.1 A/AA violation with the
//    note's form open (desktop).
// 7. (desktop) The batch page: a report opened from it, a finding marked 已核实 there, back on the batch
//    page its row counts one error less and says 已核实 1, also after a reload; the 整改清单.xlsx lists
//    it with its note under 已核实/说明; opened again, the app shows the note.
//
// Prints `loop e2e: N passed, M failed`; exits non-zero on any failure.

import { execFileSync } from 'node:child_process';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checks, launch, pageErrors, paste, serve, waitChecked } from './run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = resolve(root, process.env.NIANBAO_DIST ?? 'dist');
const corpus = resolve(root, '../shared/corpus/complete');
const axeSource = await readFile(join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** The rows of the .xlsx's sheet 问题清单 (python3's zipfile + ElementTree, as batch.e2e.mjs reads it). */
const READ_FINDINGS = `
import sys, json, zipfile, xml.etree.ElementTree as ET
m = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
rows = []
for r in ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet2.xml')).iter(m + 'row'):
    rows.append([(c.find(m + 'is/' + m + 't') if c.find(m + 'is/' + m + 't') is not None else c.find(m + 'v')) for c in r.findall(m + 'c')])
    rows[-1] = [x.text if x is not None else None for x in rows[-1]]
print(json.dumps(rows))
`;

/** What the editable box shows: focus, the selected words, and where they are. */
const boxState = (page) => page.evaluate(() => {
  const t = document.getElementById('report-input');
  const [a, b] = [t.selectionStart, t.selectionEnd];
  // Where the selection starts inside the box: a copy of the box, as wide, holding the text before it.
  const copy = t.cloneNode();
  copy.style.height = '0';
  copy.style.minHeight = '0';
  copy.value = t.value.slice(0, a);
  t.parentNode.appendChild(copy);
  const y = copy.scrollHeight;
  copy.remove();
  const r = t.getBoundingClientRect();
  const line = parseFloat(getComputedStyle(t).lineHeight) || 20;
  return {
    focused: document.activeElement === t,
    selected: t.value.slice(a, b),
    after: t.value.slice(b, b + 12),
    value: t.value,
    // The selected line lies inside the box's scrolled window …
    inBox: y - line >= t.scrollTop - 1 && y <= t.scrollTop + t.clientHeight + 1,
    // … and that part of the box inside the window.
    onPage: r.top + (y - t.scrollTop) > 0 && r.top + (y - line - t.scrollTop) < innerHeight,
  };
});

const listed = (page) => page.$$eval('#findings .group:not(.verified-group) li.finding', (l) => l.map((e) => ({
  id: e.id, rule: e.dataset.rule, sev: e.className.match(/sev-(\w+)/)?.[1],
})));
const counts = (page) => page.$$eval('#summary-h ~ .counts li b', (l) => l.map((b) => Number(b.textContent)));

let current = null;
const { test, finish } = checks('loop', () => current);

async function run(width, height, html, label) {
  const { server, url } = await serve(dist);
  const { context, profile } = await launch({ width, height });
  const page = context.pages()[0] ?? await context.newPage();
  current = page;
  const errors = pageErrors(page);
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#report-input', { timeout: 15000 });
  const t = (name, fn) => test(`${label}: ${name}`, fn);
  let seq = 0;

  await t('the first listed finding of the seed report is its error', async () => {
    await page.click('#sample');
    seq = await waitChecked(page, seq);
    const l = await listed(page);
    assert(l[0]?.rule === 'N-PLAN-YEAR' && l[0].sev === 'error', `first: ${JSON.stringify(l.slice(0, 3))}`);
    assert(l.slice(1).every((f) => f.sev !== 'error'), 'one error, listed first');
  });

  await t('错误 shows only the errors, again shows all (aria-pressed)', async () => {
    const all = (await listed(page)).length;
    await page.click('#findings .chip[data-sev="error"]');
    const only = await listed(page);
    assert(only.length === 1 && only[0].sev === 'error', `after 错误: ${JSON.stringify(only)}`);
    assert(await page.getAttribute('#findings .chip[data-sev="error"]', 'aria-pressed') === 'true', 'not pressed');
    await page.click('#findings .chip[data-sev="warning"]');
    assert((await listed(page)).every((f) => f.sev === 'warning'), 'after 警告: not only warnings');
    await page.click('#findings .chip[data-sev="warning"]');
    assert((await listed(page)).length === all, 'the same chip again does not show all');
    assert(await page.getAttribute('#findings .chip[data-sev="warning"]', 'aria-pressed') === 'false', 'still pressed');
  });

  await t('clicking the error selects "2024年" in the editable box, in view', async () => {
    await page.click('#findings li.finding[data-rule="N-PLAN-YEAR"] button.finding-main');
    await page.waitForFunction(() => document.activeElement?.id === 'report-input', null, { timeout: 5000 });
    const b = await boxState(page);
    assert(b.focused, 'the box is not focused');
    assert(b.selected === '2024年' && b.after.startsWith('，我镇将严格按照'), `selected ${JSON.stringify(b.selected + '|' + b.after)}`);
    assert(b.inBox, 'the selection is scrolled out of the box');
    assert(b.onPage, 'the selection is off-screen');
  });

  await t('一键修改 makes it "2025年，我镇将严格按照…" and the error goes', async () => {
    await page.click('#findings li.finding[data-rule="N-PLAN-YEAR"] button.fix');
    seq = await waitChecked(page, seq);
    const b = await boxState(page);
    assert(b.value.includes('2025年，我镇将严格按照') && !b.value.includes('2024年，我镇将严格按照'), 'not fixed');
    const l = await listed(page);
    assert(!l.some((f) => f.rule === 'N-PLAN-YEAR') && !l.some((f) => f.sev === 'error'), `left: ${JSON.stringify(l)}`);
    assert(!(await page.textContent('#verdict')).includes('错误'), await page.textContent('#verdict'));
  });

  await t('清空 can be undone, the saved draft too', async () => {
    const before = await page.inputValue('#report-input');
    await page.click('#clear');
    assert(await page.inputValue('#report-input') === '', 'not cleared');
    await page.waitForFunction(() => localStorage.getItem('nianbao.draft') === null, null, { timeout: 5000 });
    assert((await page.textContent('#notice')).includes('草稿已清空'), 'no undo offer');
    await page.click('#undo');
    assert(await page.inputValue('#report-input') === before, 'the draft did not come back');
    seq = await waitChecked(page, seq);
    await page.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, before, { timeout: 5000 });
  });

  await t('a pasted portal page is edited as its text: no markup in the box', async () => {
    await paste(page, { 'text/html': html, 'text/plain': 'x' });
    seq = await waitChecked(page, seq);
    const v = await page.inputValue('#report-input');
    assert(!/<\/?[a-zA-Z!]/.test(v), `markup in the box: ${v.match(/.{0,40}<\/?[a-zA-Z!].{0,40}/s)?.[0]}`);
    assert(v.includes('\t') && v.length > 1000, 'tables as tab-separated rows');
    assert(await page.getAttribute('#report-input', 'readonly') === null, 'read-only');
    assert((await page.textContent('.summary')).includes('网页'), 'checked as a web page');
    assert((await page.textContent('#notice')).includes('替换'), 'replacing the draft offers 撤销');
  });

  await t('a finding marked 已核实 leaves the counts, is listed as 已核实, kept and exported', async () => {
    await page.click('#sample');
    seq = await waitChecked(page, seq);
    const total = (c) => c.slice(0, 3).reduce((a, b) => a + b, 0);
    const before = await counts(page);
    const first = (await listed(page))[0];
    await page.click(`#${first.id} button.verify`);
    const note = page.locator(`#${first.id} input.verify-note`);
    await note.waitFor();
    assert(await page.getAttribute(`#${first.id} button.verify`, 'aria-expanded') === 'true', 'the toggle says the form is open');
    await page.keyboard.press('Tab');
    assert(await page.evaluate(() => document.activeElement?.classList.contains('verify-note')), 'Tab from the toggle does not reach the note');
    if (width > 1000) {
      const v = await page.evaluate(`${axeSource};
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
          .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
      assert(v.length === 0, `axe violations: ${JSON.stringify(v)}`);
    }
    await note.fill('原文如此，已与业务科室核对');
    await note.press('Enter');
    const after = await counts(page);
    assert(total(after) === total(before) - 1, `counts ${before} → ${after}`);
    assert(!(await listed(page)).some((f) => f.id === first.id), 'still listed among the problems');
    const done = await page.textContent('#verified-list');
    assert(done.includes(first.rule) && done.includes('已核实：原文如此，已与业务科室核对'), done);
    await page.reload({ waitUntil: 'load' });
    seq = await waitChecked(page, 0);
    assert((await page.textContent('#verified-list')).includes('原文如此'), 'forgotten after a reload');
    assert(total(await counts(page)) === total(before) - 1, 'counted again after a reload');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const doc = JSON.parse(await readFile(await json.path(), 'utf8'));
    const marked = doc.files[0].findings.filter((f) => f.verified !== undefined && f.verified !== null);
    assert(marked.length === 1 && marked[0].rule === first.rule && marked[0].verified.includes('原文如此'),
      `exported: ${JSON.stringify(marked)}`);
  });

  if (width > 1000) {
    await t('batch page: 已核实 in the report opened from it counts on its row, and a new check keeps it', async () => {
      const seed = await readFile(join(root, 'www/sample.txt'), 'utf8');
      await page.goto(url + 'batch/index.html', { waitUntil: 'load' });
      await page.click('#paste-box summary');
      await page.fill('#paste', seed);
      await page.click('#check-paste');
      await page.waitForFunction(() => document.getElementById('status').dataset.state === 'done', null, { timeout: 30000 });
      const row = () => page.$eval('#summary tbody tr', (tr) => ({
        errors: Number(tr.querySelector('.c-errors').textContent), name: tr.querySelector('.c-name').textContent,
      }));
      assert((await row()).errors === 1, `errors before: ${JSON.stringify(await row())}`);
      await page.click('#summary tbody tr');
      await page.waitForURL(/index\.html\?from=batch/, { timeout: 10000 });
      seq = await waitChecked(page, 0);
      await page.click('#findings li.finding[data-rule="N-PLAN-YEAR"] button.verify');
      await page.fill('#findings li.finding[data-rule="N-PLAN-YEAR"] input.verify-note', '计划年份经核对无误');
      await page.press('#findings li.finding[data-rule="N-PLAN-YEAR"] input.verify-note', 'Enter');
      await page.locator('#verified-list li[data-rule="N-PLAN-YEAR"]').waitFor();
      await page.click('#back-to-batch');
      await page.waitForFunction(() => /已核实 1/.test(document.querySelector('#summary tbody tr .c-name')?.textContent ?? ''),
        null, { timeout: 15000 });
      const r = await row();
      assert(r.errors === 0 && r.name.includes('已核实 1'), `after: ${JSON.stringify(r)}`);
      // Kept with the batch (IndexedDB): still so after a reload.
      await page.reload({ waitUntil: 'load' });
      await page.waitForFunction(() => /已核实 1/.test(document.querySelector('#summary tbody tr .c-name')?.textContent ?? ''),
        null, { timeout: 15000 });
      // The workbook lists it as 已核实 with its note.
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click('#export-xlsx')]);
      const rows = JSON.parse(execFileSync('python3', ['-c', READ_FINDINGS, await dl.path()], { encoding: 'utf8' }));
      const head = rows[0];
      const [rule, done, why] = ['规则', '已核实', '说明'].map((h) => head.indexOf(h));
      assert(rule >= 0 && done >= 0 && why >= 0, `header ${head}`);
      const plan = rows.filter((r) => r[rule] === 'N-PLAN-YEAR');
      assert(plan.length === 1 && plan[0][done] && plan[0][why] === '计划年份经核对无误', `row ${JSON.stringify(plan)} under ${head}`);
      assert(rows.slice(1).filter((r) => r[done]).length === 1, 'only that finding is 已核实');
      // Opened again, the app shows the note.
      await page.click('#summary tbody tr');
      await page.waitForURL(/index\.html\?from=batch/, { timeout: 10000 });
      await waitChecked(page, 0);
      assert((await page.textContent('#verified-list')).includes('计划年份经核对无误'), 'the note is not shown again');
    });
  }

  await t('no page errors', async () => {
    assert(errors.length === 0, errors.join('\n'));
  });

  await context.close();
  await rm(profile, { recursive: true, force: true });
  server.close();
}

async function main() {
  try { await stat(join(dist, 'index.html')); } catch {
    console.error(`${dist}/index.html missing: run \`trunk build --release --offline\` first (or set NIANBAO_DIST)`);
    process.exit(2);
  }
  const pages = (await readdir(corpus)).filter((f) => f.endsWith('.html')).sort();
  assert(pages.length > 0, `no portal page in ${corpus}`);
  const html = await readFile(join(corpus, pages[pages.length - 1]), 'utf8');
  await run(1366, 900, html, 'desktop 1366 px');
  await run(390, 844, html, 'phone 390 px');
  finish();
}

main().catch((e) => { console.error(e); process.exit(1); });
