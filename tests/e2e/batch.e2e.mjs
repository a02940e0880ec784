// End-to-end test of the batch page (www/batch/) in real headless Chromium.
//
//   trunk build --release --offline && scripts/build-embed.sh && (cd tests/e2e && npm ci && node batch.e2e.mjs)
//
// Generates ≥ 50 reports in a temp folder (the corpus under ../shared/corpus plus variants of
// tests/fixtures/_base/valid_2024_wordcopy.txt with other units, years, planted faults, a
// consecutive-year pair, an ambiguous pair, GBK-encoded files, .htm and .md), loads the folder through
// the page's folder input, and checks the summary table against the embed API's own `check` of the
// same texts (run in a second tab without the page's CSP), sorting, filtering, opening one report in
// the single-report app and coming back (the batch restored from IndexedDB, not sessionStorage), the
// .xlsx (read back with python3's zipfile + ElementTree) and the CSV exports, pasting several reports,
// cancelling, a batch too large for sessionStorage kept across a reload, 清除结果, the page with
// IndexedDB failing (still checks, says the results are not kept), and that nothing touches the network.
// Prints the times of the 50+ reports and of the large batch and `batch e2e: N passed, M failed`;
// exits non-zero on failure.

import { readFile, readdir, mkdtemp, mkdir, writeFile, rm, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checks, launch, pageErrors, serve } from './run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = join(root, 'dist');
const artifacts = join(here, 'artifacts');
const corpus = resolve(root, '../shared/corpus');

const gbk = (text) => execFileSync('python3', ['-c',
  'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("gbk"))'], { input: text });

/** The base report for another unit and year: a title line, the unit's name and every year moved. */
function variant(base, unit, year) {
  const short = unit.replace(/人民政府$/, '');
  return `${unit}${year}年政府信息公开工作年度报告\n` + base.replaceAll('滔溪镇人民政府', unit).replaceAll('滔溪镇', short)
    .replaceAll('2025', String(year + 1)).replaceAll('2024', String(year));
}

/** Planted faults (each makes at least one finding the clean report does not have). */
const FAULTS = {
  none: (t) => t,
  // 本年新收 5 but every result 0: T3 balance and total errors.
  newRequests: (t) => t.replace(/(一、本年新收政府信息公开申请数量\n)\t0\n/, '$1\t5\n'),
  // Part 五 missing.
  noPart5: (t) => t.replace(/五、存在的主要问题及改进情况\n/, ''),
  // The title names another year than the body.
  titleYear: (t) => t.replace(/^(\S+?)(\d{4})年政府/, (_, u, y) => `${u}${Number(y) + 1}年政府`),
  // 结转下年度 2 with nothing received.
  carryOver: (t) => t.replace(/(四、结转下年度继续办理\n)\t0\n/, '$1\t2\n'),
};

/** ≈ 8 000 characters of plausible prose without figures, to make a report as long as a real one. */
const PADDING = ('围绕群众关切，我们持续做好重点领域信息公开，及时回应社会关注，推动政务公开标准化、规范化建设不断深化。'.repeat(10) + '\n').repeat(16);

/** `count` reports of distinct units with the padding after the first paragraph (never paired). */
async function generateLarge(dir, base, count) {
  await mkdir(dir, { recursive: true });
  let chars = 0;
  for (let k = 0; k < count; k++) {
    const text = variant(base, `第${k}街道办事处`, 2024).replace(/(一、总体情况\n[^\n]*\n)/, `$1${PADDING}`);
    chars += text.length;
    await writeFile(join(dir, `r${String(k).padStart(4, '0')}.txt`), text);
  }
  return chars;
}

/** What the batch page keeps: IndexedDB `nianbao`, store `batch` ('meta' and one record per report
 *  under 0…n−1) → {meta, items, count, chars, session}, `session` being what sessionStorage holds
 *  under the old key (it must hold nothing). `large`: no `items` (not copied out of the page), and
 *  `fits` says whether the same batch as one JSON string fits in sessionStorage. Opening the database
 *  here never creates it (the upgrade is aborted). */
const keptIn = (p, large = false) => p.evaluate((large) => new Promise((ok, bad) => {
  const session = sessionStorage.getItem('nianbao.batch');
  const req = indexedDB.open('nianbao');
  req.onupgradeneeded = () => req.transaction.abort();
  req.onerror = () => ok({ meta: null, items: [], count: 0, chars: 0, session });
  req.onsuccess = () => {
    const db = req.result;
    const tx = db.transaction('batch');
    const m = tx.objectStore('batch').get('meta');
    const r = tx.objectStore('batch').getAll(IDBKeyRange.bound(0, Infinity));
    tx.oncomplete = () => {
      db.close();
      const meta = m.result ?? null;
      const items = r.result;
      const out = { meta, items, count: items.length, chars: items.reduce((s, it) => s + it.text.length, 0), session };
      if (!large) return ok(out);
      try {
        sessionStorage.setItem('nianbao.probe', JSON.stringify({ ...meta, items }));
        out.fits = 'fits';
      } catch (e) {
        out.fits = e.name;
      }
      sessionStorage.removeItem('nianbao.probe');
      ok({ ...out, items: undefined });
    };
    tx.onabort = () => bad(tx.error);
  };
}), large);

/** Polls the kept batch until `ready(kept)` holds (the page saves after the batch, asynchronously). */
async function keptWhen(p, ready, { ms = 30000, large = false } = {}) {
  const t0 = Date.now();
  for (;;) {
    const k = await keptIn(p, large);
    if (ready(k)) return k;
    if (Date.now() - t0 > ms) throw new Error(`kept batch not ready: ${k.count} reports, meta ${JSON.stringify(k.meta)?.slice(0, 200)}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

function toHtml(text) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return '<!doctype html><html><head><meta charset="utf-8"><title>年报</title></head><body>\n' +
    text.split('\n').map((l) => `<p>${esc(l)}</p>`).join('\n') + '\n</body></html>\n';
}

/** Writes the batch into `dir`; returns [{rel, text}] of the reports (what the page should show). */
export async function generate(dir) {
  const out = [];
  async function put(rel, text, { encoding = 'utf8', html = false } = {}) {
    const body = html ? toHtml(text) : text;
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), encoding === 'gbk' ? gbk(body) : body);
    out.push({ rel, text: body, encoding });
  }
  // 1. The corpus: real reports (their provenance header stripped) and the seed report.
  for (const f of (await readdir(join(corpus, 'real'))).filter((f) => f.endsWith('.txt')).sort()) {
    const raw = await readFile(join(corpus, 'real', f), 'utf8');
    const text = raw.includes('\n---\n') ? raw.slice(raw.indexOf('\n---\n') + 5) : raw;
    await put(`corpus/${f}`, text);
  }
  await put('corpus/2024_taoxi_zhen_wordcopy.txt', await readFile(join(corpus, '2024_taoxi_zhen_wordcopy.txt'), 'utf8'));
  // 2. Variants of the valid base report.
  const base = await readFile(join(root, 'tests/fixtures/_base/valid_2024_wordcopy.txt'), 'utf8');
  const v = [
    // A consecutive-year pair: 2024 is 2023 with the year changed (N-COPY-PREV).
    ['variants/青石镇_2023.txt', '青石镇人民政府', 2023, 'none'],
    ['variants/青石镇_2024.txt', '青石镇人民政府', 2024, 'none'],
    // Not consecutive: never paired.
    ['variants/gbk/柳河乡_2024.txt', '柳河乡人民政府', 2024, 'newRequests', 'gbk'],
    ['variants/柳河乡_2022.txt', '柳河乡人民政府', 2022, 'carryOver'],
    ['variants/gbk/东山街道_2024.htm', '东山街道办事处', 2024, 'noPart5', 'gbk', true],
    ['variants/县教育局_2024.md', '某县教育局', 2024, 'titleYear'],
    // Two 2023 reports of one unit: its 2024 report stays unpaired (ambiguous).
    ['variants/县财政局_2023_a.txt', '某县财政局', 2023, 'none'],
    ['variants/县财政局_2023_b.txt', '某县财政局', 2023, 'newRequests'],
    ['variants/县财政局_2024.txt', '某县财政局', 2024, 'none'],
    ['variants/县水利局_2024.html', '某县水利局', 2024, 'newRequests', 'utf8', true],
    ['variants/gbk/白沙镇_2021.txt', '白沙镇人民政府', 2021, 'carryOver', 'gbk'],
    ['variants/gbk/白沙镇_2020.txt', '白沙镇人民政府', 2020, 'noPart5', 'gbk'],
  ];
  for (const [rel, unit, year, fault, encoding = 'utf8', html = false] of v) {
    await put(rel, FAULTS[fault](variant(base, unit, year)), { encoding, html });
  }
  // 3. Something that is not a report: skipped (Word/WPS files and PDFs are read: files.e2e.mjs).
  await writeFile(join(dir, 'variants/说明.xlsx'), 'PK not a report');
  return out;
}

/** A CSV parser for the export (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(s) {
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && s[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const READ_XLSX = `
import sys, json, zipfile, xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
wb = ET.fromstring(z.read('xl/workbook.xml'))
names = [s.get('name') for s in wb.find('m:sheets', ns)]
def rows(part):
    out = []
    for r in ET.fromstring(z.read(part)).iter('{%s}row' % ns['m']):
        vals = []
        for c in r.findall('m:c', ns):
            t = c.find('m:is/m:t', ns)
            v = c.find('m:v', ns)
            vals.append(t.text if t is not None else (v.text if v is not None else None))
        out.append(vals)
    return out
print(json.dumps({'sheets': names, 'summary': rows('xl/worksheets/sheet1.xml'), 'findings': rows('xl/worksheets/sheet2.xml')}))
`;

async function main() {
  for (const f of ['batch/index.html', 'batch/worker.js', 'embed/nianbao_embed.js', 'index.html']) {
    try { await stat(join(dist, f)); } catch {
      console.error(`dist/${f} missing: run \`trunk build --release --offline && scripts/build-embed.sh\` first`);
      process.exit(2);
    }
  }
  await mkdir(artifacts, { recursive: true });
  const tmp = await mkdtemp(join(tmpdir(), 'nianbao-batch-'));
  const dir = join(tmp, '年报');
  const reports = await generate(dir);
  const byRel = new Map(reports.map((r) => [r.rel, r]));

  const { server, url } = await serve(dist);
  const { context, profile } = await launch();
  const page = context.pages()[0] ?? await context.newPage();
  const errors = pageErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));

  // The oracle: the embed API itself, in a tab without the batch page's CSP.
  const oracle = await context.newPage();
  await oracle.goto(url + 'embed/empty-page.html', { waitUntil: 'load' });
  await oracle.evaluate(async (url) => {
    const m = await import(url + 'embed/nianbao_embed.js');
    await m.default({ module_or_path: new URL(url + 'embed/nianbao_embed_bg.wasm') });
    window.__oracle = (jobs) => jobs.map(({ text, previous }) => {
      const r = m.check(text, previous == null ? {} : { previous });
      const n = (s) => r.findings.filter((f) => f.severity === s).length;
      return { errors: n('error'), warnings: n('warning'), infos: n('info'), rules: r.findings.map((f) => f.rule), org: r.report.org, year: r.report.year };
    });
  }, url);
  const expect = (jobs) => oracle.evaluate((jobs) => window.__oracle(jobs), jobs);

  const { test, finish } = checks('batch', () => page);
  const n = reports.length;
  /** The table as shown: [{i, name, org, year, format, errors, warnings, worst}]. */
  const table = () => page.$$eval('#summary tbody tr', (trs) => trs.map((tr) => {
    const t = (c) => tr.querySelector('.' + c).textContent;
    return {
      i: Number(tr.dataset.i), name: tr.querySelector('.c-name').firstChild.textContent, org: t('c-org'),
      year: t('c-year'), format: t('c-format'), errors: Number(t('c-errors')), warnings: Number(t('c-warnings')), worst: t('c-worst'),
    };
  }));
  // Waits for the next batch (data-run counts batches on this page load) to reach `state`.
  let runs = 0;
  const waitDone = async (state = 'done') => {
    await page.waitForFunction(([after, state]) => {
      const s = document.getElementById('status');
      return Number(s.dataset.run || 0) > after && s.dataset.state === state;
    }, [runs, state], { timeout: 60000 });
    runs = await page.evaluate(() => Number(document.getElementById('status').dataset.run));
  };
  let shown = []; // the table after the first batch
  let pairs = []; // [[i, previous]] as the page shows them
  let expected = []; // the oracle's counts per row index
  let timing = {};

  await page.bringToFront(); // a background tab does not take files (setInputFiles waits forever)
  await page.goto(url + 'batch/index.html', { waitUntil: 'load' });
  await page.waitForSelector('#folder', { state: 'attached' });

  await test(`a folder of ${n} reports (and one .xlsx) loads through the folder input and is checked in a worker`, async () => {
    assert(n >= 50, `only ${n} reports generated`);
    // Long tasks on the page's main thread while the worker checks: the page must stay responsive.
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await page.setInputFiles('#folder', dir);
    await page.waitForSelector('#run:not([hidden])', { timeout: 10000 }).catch(() => {});
    await waitDone();
    const wall = Date.now() - t0;
    const saved = { ...(await keptWhen(page, (k) => k.meta?.status === 'done' && k.items.length === n)).meta };
    const long = await page.evaluate(() => window.__long);
    timing = { wall, page: saved.ms, status: await page.textContent('#status'), longest: Math.max(0, ...long), longTasks: long.length };
    console.log(`     ${n} reports: ${wall} ms from setInputFiles to done (page: ${saved.ms} ms; ${timing.status.trim()})`);
    console.log(`     main-thread long tasks while checking: ${long.length}, longest ${timing.longest.toFixed(0)} ms`);
    assert((await page.textContent('#status')).includes('完成'), 'status');
    assert(await page.isHidden('#run'), 'the progress bar is still shown after the batch');
    assert(timing.longest < 250, `page blocked for ${timing.longest} ms`);
    shown = await table();
    assert(shown.length === n, `${shown.length} rows for ${n} reports`);
    const names = shown.map((r) => r.name).sort();
    const want = reports.map((r) => '年报/' + r.rel).sort();
    assert(JSON.stringify(names) === JSON.stringify(want), `names differ: ${names.filter((x) => !want.includes(x)).join(', ')}`);
    const gbkTags = await page.$$eval('#summary tbody tr .tag', (l) => l.filter((t) => t.textContent === 'GB18030').length);
    assert(gbkTags === reports.filter((r) => r.encoding === 'gbk').length, `GB18030 tags: ${gbkTags}`);
  });

  await test('every row shows the counts the embed API returns for the same text (paired rows with `previous`)', async () => {
    pairs = await page.$$eval('#pairs-list li.pair', (l) => l.map((e) => [Number(e.dataset.i), Number(e.dataset.previous)]));
    const prevOf = new Map(pairs);
    const saved = await keptIn(page);
    const jobs = saved.items.map((it, i) => {
      const r = byRel.get(it.name.replace(/^年报\//, ''));
      assert(r, `unknown row ${it.name}`);
      // The page decoded the file itself (GBK too): its text must be the one we wrote.
      assert(it.text === r.text, `decoded text differs for ${it.name}`);
      const p = prevOf.get(i);
      return { text: r.text, previous: p == null ? undefined : byRel.get(saved.items[p].name.replace(/^年报\//, '')).text };
    });
    expected = await expect(jobs);
    let bad = [];
    for (const row of shown) {
      const e = expected[row.i];
      if (row.errors !== e.errors || row.warnings !== e.warnings) bad.push(`${row.name}: ${row.errors}/${row.warnings} vs ${e.errors}/${e.warnings}`);
      if ((row.org === '（未识别）' ? null : row.org) !== (e.org ?? null)) bad.push(`${row.name}: org ${row.org} vs ${e.org}`);
      if (row.year !== String(e.year ?? '')) bad.push(`${row.name}: year ${row.year} vs ${e.year}`);
    }
    assert(bad.length === 0, bad.slice(0, 5).join('; '));
    const withErrors = shown.filter((r) => r.errors > 0).length;
    console.log(`     ${withErrors} of ${n} reports with errors; ${expected.reduce((s, e) => s + e.errors + e.warnings + e.infos, 0)} findings in all`);
    assert(withErrors >= 5, 'planted faults not reported as errors');
  });

  await test('the consecutive-year pair is made and shown, the ambiguous one is not', async () => {
    const name = (i) => shown.find((r) => r.i === i).name;
    const named = pairs.map(([i, p]) => [name(i), name(p)]);
    console.log(`     pairs: ${named.map(([a, b]) => `${a} ← ${b}`).join('; ')}`);
    assert(named.some(([a, b]) => a.endsWith('青石镇_2024.txt') && b.endsWith('青石镇_2023.txt')), '青石镇 pair missing');
    assert(named.some(([a, b]) => a.endsWith('白沙镇_2021.txt') && b.endsWith('白沙镇_2020.txt')), 'GBK 白沙镇 pair missing');
    assert(!named.some(([a]) => a.includes('县财政局_2024')), 'ambiguous 县财政局 paired');
    assert(!named.some(([a, b]) => a.includes('柳河乡') || b.includes('柳河乡')), '2022/2024 paired');
    const amb = await page.$$eval('#pairs-list li.ambiguous', (l) => l.map((e) => e.textContent));
    assert(amb.some((t) => t.includes('县财政局_2024')), `ambiguous list: ${amb}`);
    const i = shown.find((r) => r.name.endsWith('青石镇_2024.txt')).i;
    assert(expected[i].rules.includes('N-COPY-PREV'), 'the copied report is not flagged N-COPY-PREV');
    const tag = await page.$eval(`#summary tbody tr[data-i="${i}"] .tag.paired`, (e) => e.title);
    assert(tag.includes('青石镇_2023.txt'), `row tag: ${tag}`);
  });

  await test('sorting by a header click, both directions', async () => {
    await page.click('#summary th[data-key="errors"] button');
    let rows = await table();
    let e = rows.map((r) => r.errors);
    assert(e.every((x, k) => k === 0 || e[k - 1] <= x), `not ascending: ${e}`);
    assert(await page.getAttribute('#summary th[data-key="errors"]', 'aria-sort') === 'ascending', 'aria-sort');
    await page.click('#summary th[data-key="errors"] button');
    rows = await table();
    e = rows.map((r) => r.errors);
    assert(e.every((x, k) => k === 0 || e[k - 1] >= x), `not descending: ${e}`);
    await page.click('#summary th[data-key="year"] button');
    const y = (await table()).map((r) => r.year).filter(Boolean).map(Number);
    assert(y.every((x, k) => k === 0 || y[k - 1] <= x), `years not ascending: ${y}`);
  });

  await test('filtering by text and "only with errors"', async () => {
    await page.fill('#filter', '某县财政局');
    let rows = await table();
    assert(rows.length === 3 && rows.every((r) => r.org === '某县财政局'), `filter: ${rows.map((r) => r.name)}`);
    await page.fill('#filter', '');
    await page.check('#only-errors');
    rows = await table();
    const want = shown.filter((r) => r.errors > 0).length;
    assert(rows.length === want && rows.every((r) => r.errors > 0), `only errors: ${rows.length} vs ${want}`);
    assert((await page.textContent('#shown')).includes(`${want} / ${n}`), 'shown count');
    await page.uncheck('#only-errors');
    assert((await table()).length === n, 'filter not cleared');
  });

  await test('a row opens in the single-report app (with last year\'s report) and "返回批量结果" comes back', async () => {
    // The sort by year (the test above) is kept with the batch; leaving waits for that write.
    await keptWhen(page, (k) => k.meta?.sort?.key === 'year' && k.meta.sort.dir === 1 && k.meta.filter === '' && !k.meta.onlyErrors, { ms: 5000 });
    const row = shown.find((r) => r.name.endsWith('青石镇_2024.txt'));
    await page.click(`#summary tbody tr[data-i="${row.i}"]`);
    await page.waitForURL(/index\.html\?from=batch/, { timeout: 10000 });
    await page.waitForSelector('#findings li.finding', { timeout: 15000 });
    const value = await page.inputValue('#report-input');
    assert(value === byRel.get('variants/青石镇_2024.txt').text, 'draft is not the report');
    const prev = await page.inputValue('#previous-input');
    assert(prev === byRel.get('variants/青石镇_2023.txt').text, 'previous slot is not last year\'s report');
    const rules = await page.$$eval('#findings li.finding', (l) => l.map((e) => e.dataset.rule));
    assert(JSON.stringify([...rules].sort()) === JSON.stringify([...expected[row.i].rules].sort()),
      `app findings ${rules} vs batch ${expected[row.i].rules}`);
    await page.click('#back-to-batch');
    await page.waitForURL(/batch\/index\.html$/, { timeout: 10000 });
    runs = 0; // a new page load
    await page.waitForSelector('#summary tbody tr', { timeout: 10000 });
    const back = await table();
    assert(back.length === n, `after coming back: ${back.length} rows`);
    assert(JSON.stringify(back.map((r) => [r.i, r.errors, r.warnings]).sort()) === JSON.stringify(shown.map((r) => [r.i, r.errors, r.warnings]).sort()),
      'results differ after coming back');
    assert((await page.$$eval('#pairs-list li.pair', (l) => l.length)) === pairs.length, 'pairs lost');
    assert(await page.getAttribute('#summary th[data-key="year"]', 'aria-sort') === 'ascending', 'sort order not restored');
    assert((await page.textContent('#status')).includes(`上次的检查结果：${n} 份报告`), 'no note about the restored batch');
    // Restored from IndexedDB: sessionStorage holds nothing, IndexedDB the whole batch.
    const k = await keptIn(page);
    assert(k.session === null && (await page.evaluate(() => sessionStorage.length)) === 0, 'sessionStorage still holds a batch');
    assert(k.items.length === n && k.meta.status === 'done', `IndexedDB holds ${k.items.length} reports`);
  });

  const total = () => expected.reduce((s, e) => s + e.errors + e.warnings + e.infos, 0);

  await test('the .xlsx download opens (python3 zipfile + ElementTree) and holds every finding', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click('#export-xlsx')]);
    assert(dl.suggestedFilename().endsWith('.xlsx'), dl.suggestedFilename());
    const path = join(tmp, 'out.xlsx');
    await dl.saveAs(path);
    const wb = JSON.parse(execFileSync('python3', ['-c', READ_XLSX, path], { encoding: 'utf8' }));
    assert(JSON.stringify(wb.sheets) === JSON.stringify(['汇总', '问题清单']), `sheets ${wb.sheets}`);
    assert(wb.summary.length === n + 1, `summary rows ${wb.summary.length} vs ${n + 1}`);
    assert(wb.findings.length === total() + 1, `finding rows ${wb.findings.length} vs ${total()} findings + header`);
    const saved = await keptIn(page);
    const want = expected.flatMap((e, i) => e.rules.map((r) => `${saved.items[i].name}|${r}`)).sort();
    // 问题清单 columns: 单位, 年度, 文件, 严重程度, 规则, 问题, 位置, 行号, 修改建议, 已核实, 说明.
    assert(wb.findings[0].join(',') === '单位,年度,文件,严重程度,规则,问题,位置,行号,修改建议,已核实,说明', `header ${wb.findings[0]}`);
    const got = wb.findings.slice(1).map((r) => `${r[2]}|${r[4]}`).sort();
    assert(JSON.stringify(got) === JSON.stringify(want), 'findings (file, rule) differ from the API');
    console.log(`     xlsx: ${wb.summary.length - 1} reports, ${wb.findings.length - 1} findings`);
  });

  await test('the CSV download has a BOM, the Chinese 整改清单 columns and one row per finding', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click('#export-csv')]);
    const bytes = await readFile(await dl.path());
    assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'no BOM');
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    assert(rows[0].join(',') === '单位,年度,文件,严重程度,规则,问题,位置,行号,修改建议,已核实,说明', `header ${rows[0]}`);
    assert(rows.length === total() + 1, `csv rows ${rows.length} vs ${total() + 1}`);
  });

  await test('a row\'s 整改意见 downloads a .docx addressed to its unit, without opening the report', async () => {
    const url = page.url();
    // A row with errors whose unit was recognised (the letter is addressed to it).
    const rows = await page.$$('#summary tbody tr.has-errors');
    let row = null;
    for (const r of rows) if ((await r.$eval('td.c-org', (td) => td.textContent)) !== '（未识别）') { row = r; break; }
    assert(row, 'a row with errors and a unit');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), row.$eval('[data-letter]', (b) => b.click())]);
    assert(dl.suggestedFilename().endsWith('-整改意见.docx'), dl.suggestedFilename());
    const path = join(tmp, 'letter.docx');
    await dl.saveAs(path);
    const xml = execFileSync('python3', ['-c', 'import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', path], { encoding: 'utf8' });
    const org = await row.$eval('td.c-org', (td) => td.textContent);
    assert(xml.includes('整改意见') && xml.includes(org), `letter for ${org}`);
    assert(page.url() === url, 'the click on the button did not open the report');
  });

  await test('files dropped on the page are checked (folders are walked with webkitGetAsEntry)', async () => {
    const files = [['a.txt', byRel.get('variants/青石镇_2023.txt').text], ['b.md', byRel.get('variants/青石镇_2024.txt').text], ['c.xls', 'x']];
    await page.evaluate((files) => {
      const dt = new DataTransfer();
      for (const [name, text] of files) dt.items.add(new File([text], name, { type: 'text/plain' }));
      const box = document.getElementById('drop');
      box.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      box.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, files);
    await waitDone();
    const rows = await table();
    assert(rows.length === 2 && rows[0].name === 'a.txt' && rows[1].name === 'b.md', rows.map((r) => r.name).join());
    assert((await page.textContent('#status')).includes('完成'), 'status');
    assert((await page.$$eval('#pairs-list li.pair', (l) => l.length)) === 1, 'dropped pair');
  });

  await test('several reports pasted one after another are split and checked', async () => {
    const base = await readFile(join(root, 'tests/fixtures/_base/valid_2024_wordcopy.txt'), 'utf8');
    const three = [variant(base, '甲镇人民政府', 2023), variant(base, '甲镇人民政府', 2024), variant(base, '乙乡人民政府', 2024)];
    await page.click('#paste-box summary');
    await page.fill('#paste', three.join('\n'));
    await page.click('#check-paste');
    await waitDone();
    let rows = await table();
    assert(rows.length === 3, `pasted by titles: ${rows.length} rows`);
    assert(JSON.stringify(rows.map((r) => r.org)) === JSON.stringify(['甲镇人民政府', '甲镇人民政府', '乙乡人民政府']), rows.map((r) => r.org).join());
    assert((await page.$$eval('#pairs-list li.pair', (l) => l.length)) === 1, 'pasted pair');
    await page.fill('#paste', three.slice(0, 2).join('\n-----\n'));
    await page.click('#check-paste');
    await waitDone();
    rows = await table();
    assert(rows.length === 2, `pasted with a separator: ${rows.length} rows`);
  });

  await test('cancel stops a running batch at once and keeps what was checked', async () => {
    const big = join(tmp, 'big');
    await mkdir(big);
    const base = await readFile(join(root, 'tests/fixtures/_base/valid_2024_wordcopy.txt'), 'utf8');
    for (let k = 0; k < 400; k++) await writeFile(join(big, `r${String(k).padStart(3, '0')}.txt`), variant(base, `第${k}镇人民政府`, 2024));
    await page.setInputFiles('#folder', big);
    await page.waitForFunction(() => Number(document.getElementById('progress').value) >= 5, null, { timeout: 30000 });
    const t0 = Date.now();
    await page.click('#cancel');
    await waitDone('cancelled');
    const ms = Date.now() - t0;
    const rows = await table();
    assert(rows.length > 0 && rows.length < 400, `${rows.length} rows after cancel`);
    assert(ms < 1000, `cancel took ${ms} ms`);
    assert((await page.textContent('#status')).includes('已取消'), 'status');
  });

  const LARGE = 700;
  await test(`a batch too large for sessionStorage (${LARGE} reports, > 6 million characters) is kept in IndexedDB and restored after a reload`, async () => {
    const large = join(tmp, 'large');
    const base = await readFile(join(root, 'tests/fixtures/_base/valid_2024_wordcopy.txt'), 'utf8');
    const chars = await generateLarge(large, base, LARGE);
    assert(chars > 6e6, `only ${chars} characters`);
    const t0 = Date.now();
    await page.setInputFiles('#folder', large);
    await waitDone();
    const checked = Date.now() - t0;
    const t1 = Date.now();
    // Saved: every report in IndexedDB; the same batch as one sessionStorage string does not fit.
    const k = await keptWhen(page, (k) => k.meta?.status === 'done' && k.count === k.meta.total, { large: true });
    const saved = Date.now() - t1;
    assert(k.count === LARGE, `IndexedDB holds ${k.count} of ${LARGE} reports`);
    assert(k.chars === chars, `kept ${k.chars} characters of ${chars}`);
    assert(k.fits === 'QuotaExceededError', `the batch as one sessionStorage string: ${k.fits}`);
    const before = await table();
    const t2 = Date.now();
    await page.reload({ waitUntil: 'load' });
    runs = 0; // a new page load
    await page.waitForFunction((n) => document.querySelectorAll('#summary tbody tr').length === n, LARGE, { timeout: 30000 });
    const restored = Date.now() - t2;
    const after = await table();
    assert(JSON.stringify(after) === JSON.stringify(before), 'the restored table differs');
    assert((await page.textContent('#status')).includes(`上次的检查结果：${LARGE} 份报告`), 'no note about the restored batch');
    assert((await page.textContent('#shown')).includes(`${LARGE} / ${LARGE}`), 'shown count');
    timing.large = { count: LARGE, chars, checked, saved, restored };
    console.log(`     ${LARGE} reports, ${(chars / 1e6).toFixed(2)} million characters: checked in ${checked} ms, ` +
      `in IndexedDB ${saved} ms later, reload → table restored in ${restored} ms`);
  });

  // IndexedDB failing in three ways: the page still checks and shows every row, and says politely
  // that the results will not be kept; after a reload nothing stale is shown (the large batch is
  // still kept when this starts: unreadable in the first two cases, forgotten when the new batch
  // starts in the third).
  const FAULTY = {
    'indexedDB.open fires an error (private mode)': () => {
      IDBFactory.prototype.open = function () {
        const req = {};
        setTimeout(() => {
          req.error = new DOMException('IndexedDB is off', 'InvalidStateError');
          req.onerror?.(new Event('error'));
        });
        return req;
      };
    },
    'no IndexedDB at all': () => {
      Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
      delete window.IDBKeyRange;
    },
    'storage full (put throws QuotaExceededError)': () => {
      IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); };
    },
  };
  for (const [fault, script] of Object.entries(FAULTY)) {
    await test(`with ${fault} the batch is still checked and the page says it cannot keep the results`, async () => {
      const p = await context.newPage();
      const perrors = [];
      p.on('pageerror', (e) => perrors.push(String(e)));
      p.on('console', (m) => { if (m.type() === 'error') perrors.push(m.text()); });
      p.on('request', (r) => requests.push(r.url()));
      try {
        assert((await keptIn(page, true)).count > 0, 'no batch kept before the test');
        await p.addInitScript(script);
        await p.bringToFront();
        await p.goto(url + 'batch/index.html', { waitUntil: 'load' });
        await p.setInputFiles('#folder', dir);
        await p.waitForFunction(() => document.getElementById('status').dataset.state === 'done', null, { timeout: 60000 });
        await p.waitForFunction(() => document.getElementById('status').textContent.includes('未能保存'), null, { timeout: 10000 });
        const status = await p.textContent('#status');
        assert(status.includes('检查完成') && status.includes('离开或刷新本页后需要重新检查'), `status: ${status}`);
        assert((await p.$$eval('#summary tbody tr', (l) => l.length)) === n, 'rows missing');
        assert((await p.$$eval('#pairs-list li.pair', (l) => l.length)) === pairs.length, 'pairs missing');
        // Sorting and filtering still work (their saves are skipped).
        await p.click('#summary th[data-key="errors"] button');
        await p.fill('#filter', '某县财政局');
        assert((await p.$$eval('#summary tbody tr', (l) => l.length)) === 3, 'filter');
        await p.reload({ waitUntil: 'load' });
        await p.waitForTimeout(300);
        assert((await p.$$eval('#summary tbody tr', (l) => l.length)) === 0, 'a batch was restored after the failed save');
        if (fault.includes('QuotaExceededError')) assert((await keptIn(page)).count === 0, 'the old batch is still kept');
        assert(perrors.length === 0, `page errors: ${perrors.join(' | ')}`);
        console.log(`     notice: ${status.slice(status.indexOf('抱歉'))}`);
      } finally {
        await p.close();
      }
    });
  }

  await test('清除结果 forgets the kept batch (IndexedDB emptied, nothing restored after a reload)', async () => {
    await page.bringToFront();
    await page.setInputFiles('#folder', dir);
    await waitDone();
    await keptWhen(page, (k) => k.meta?.status === 'done' && k.count === n);
    await page.click('#clear-results');
    await keptWhen(page, (k) => k.meta === null && k.count === 0);
    await page.reload({ waitUntil: 'load' });
    runs = 0;
    await page.waitForTimeout(300); // restore() is asynchronous: give it the time it needs
    assert((await table()).length === 0 && await page.isHidden('#results'), 'results shown after clearing');
  });

  await test('no request leaves the page, no page errors, connections blocked after load', async () => {
    const foreign = requests.filter((u) => !u.startsWith(url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert(foreign.length === 0, `requests: ${foreign.join(', ')}`);
    assert(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    const tried = await page.evaluate(() => fetch('./index.html').then(() => 'connected', () => 'blocked'));
    assert(tried === 'blocked', 'fetch after load was not blocked');
  });

  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
  await rm(tmp, { recursive: true, force: true });
  if (timing.wall) console.log(`batch e2e: ${n} reports checked in ${timing.wall} ms (page ${timing.page} ms)`);
  if (timing.large) {
    const l = timing.large;
    console.log(`batch e2e: ${l.count} reports (${(l.chars / 1e6).toFixed(2)} M characters) checked in ${l.checked} ms, ` +
      `kept in IndexedDB ${l.saved} ms later, restored after a reload in ${l.restored} ms`);
  }
  finish();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e); console.log('batch e2e: 0 passed, 1 failed'); process.exit(1); });
}
