// Opening Word/WPS documents and PDFs (issue 13) in real headless Chromium, same conventions as run.mjs.
//
//   trunk build --release --offline && scripts/build-embed.sh && (cd tests/e2e && node files.e2e.mjs)
//   NIANBAO_DIST=/tmp/some-dist node files.e2e.mjs        # a build elsewhere (default: dist/ of the repo)
//
// 1. The app's first load requests nothing of the file readers (dist/readers/).
// 2. A report with a planted wrong T3 total (（七）总计 62 instead of 61), saved by LibreOffice as
//    .docx, .doc and .pdf (tests/fixtures/files/), opened through 打开文件: the T3 finding on that
//    cell, at least 150 table cells read, the extracted text in 原文标注 with its marks.
// 3. The same .docx dropped on the paste area; a real published PDF (洪泽 2023) gives both T4 totals.
// 4. A scanned PDF, an RTF file, a PDF with an open password: a notice styled as an error, the draft
//    left as it was.
// 5. The batch page reads a folder of mixed files (.docx, .doc, .pdf, .txt, a scan) in its workers.
// 6. Every request after load goes to our own files (dist/readers/ and the pages' own), nothing else.
//
// Prints `files e2e: N passed, M failed`; exits non-zero on any failure.

import { readFile, mkdir, mkdtemp, copyFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checks, launch, pageErrors, serve, waitChecked } from './run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = resolve(root, process.env.NIANBAO_DIST ?? 'dist');
const artifacts = join(here, 'artifacts');
const files = join(root, 'tests/fixtures/files');
const real = join(root, '../shared/corpus/files');

async function main() {
  for (const f of ['index.html', 'readers/readers.js', 'readers/nianbao_readers_bg.wasm', 'readers/pdfjs/pdf.min.mjs', 'batch/index.html']) {
    try { await stat(join(dist, f)); } catch {
      console.error(`${dist}/${f} missing: run \`trunk build --release --offline && scripts/build-embed.sh\` first (or set NIANBAO_DIST)`);
      process.exit(2);
    }
  }
  await mkdir(artifacts, { recursive: true });
  const { server, url } = await serve(dist);
  const { context, profile } = await launch();
  const page = context.pages()[0] ?? await context.newPage();
  const errors = pageErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#report-input', { timeout: 15000 });
  await page.waitForSelector('html[data-check-worker="ready"]', { state: 'attached', timeout: 15000 });

  const { test, finish } = checks('files', () => page);
  const seqNow = () => page.evaluate(() => Number(document.getElementById('findings')?.dataset.seq ?? 0));
  /** The findings shown: [rule:severity]. */
  const rules = () => page.$$eval('#findings li.finding', (l) => l.map((x) => `${x.dataset.rule}:${(x.className.match(/sev-(\w+)/) || [])[1]}`));
  /** Table cells with a value read from the report. */
  const cellsRead = () => page.$$eval('.report-table td.num:not(.missing)', (l) => l.length);

  await test('the first load requests nothing of the file readers', async () => {
    const readers = requests.filter((u) => u.includes('/readers/'));
    assert(readers.length === 0, `loaded with the page: ${readers.join(', ')}`);
  });

  for (const ext of ['docx', 'doc', 'pdf']) {
    await test(`the planted wrong T3 total in a LibreOffice .${ext}, opened through 打开文件`, async () => {
      const s0 = await seqNow();
      await page.setInputFiles('#file-input', join(files, `report_t3_wrong.${ext}`));
      await waitChecked(page, s0);
      const notice = page.locator('#notice');
      assert((await notice.textContent()).includes(`已读取 report_t3_wrong.${ext}`), `notice: ${await notice.textContent()}`);
      assert(!/\berror\b/.test(await notice.getAttribute('class')), 'success styled as an error');
      const cell = page.locator('#cell-T3-R24-C7');
      assert(/\bfault\b/.test(await cell.getAttribute('class')), `class: ${await cell.getAttribute('class')}`);
      assert((await cell.textContent()).trim() === '62', 'cell shows the value as written');
      assert((await cell.getAttribute('title')).includes('61'), 'tooltip lacks the expected 61');
      const n = await cellsRead();
      assert(n >= 150, `only ${n} table cells read`);
      const found = await rules();
      // One wrong cell is one finding, naming the three equalities it breaks.
      assert(found.includes('T3-BALANCE:error'), `T3-BALANCE missing: ${found}`);
      assert(found.filter((r) => r.endsWith(':error')).length === 1, `other errors: ${found}`);
      // 原文标注 shows the text read from the file (never its markup), with the finding's words marked.
      const src = await page.textContent('#source-text');
      assert(src.includes('（七）总计') && src.includes('三、收到和处理政府信息公开申请情况'), 'extracted text not shown');
      assert(!src.includes('<td') && !src.includes('<p>'), 'markup shown in the source view');
      const marked = await page.$$eval('#source-text mark', (l) => l.map((m) => m.textContent));
      assert(marked.includes('62'), `marks: ${marked.slice(0, 5)}`);
      // A PDF's findings say on which page they are (LibreOffice put the end of T3 on page 2).
      const where = await page.$$eval('#findings li[data-rule="T3-BALANCE"] .page', (l) => l.map((e) => e.textContent));
      assert(JSON.stringify(where) === JSON.stringify(ext === 'pdf' ? ['第 2 页'] : []), `pages: ${where}`);
    });
  }

  await test('a .docx dropped on the paste area is read the same way', async () => {
    await page.click('#clear');
    const s0 = await seqNow();
    const bytes = [...await readFile(join(files, 'report_t3_wrong.docx'))];
    await page.evaluate((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], '年报.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
      document.querySelector('section.input').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await waitChecked(page, s0);
    assert((await page.textContent('#notice')).includes('已读取 年报.docx'), 'notice');
    assert(await page.locator('#cell-T3-R24-C7.fault').count() === 1, 'fault cell');
  });

  await test('a published PDF (洪泽 2023): both T4 totals reported, tables read', async () => {
    const s0 = await seqNow();
    await page.setInputFiles('#file-input', join(real, '2023_hongze_qzf.pdf'));
    await waitChecked(page, s0);
    const found = await rules();
    assert(found.filter((r) => r === 'T4-GROUP-SUM:error').length === 2, `findings: ${found}`);
    for (const id of ['cell-T4-_-review_total', 'cell-T4-_-suit_after_review_total']) {
      const cell = page.locator('#' + id);
      assert(/\bfault\b/.test(await cell.getAttribute('class')) && (await cell.textContent()).trim() === '0', `${id}: ${await cell.getAttribute('class')}`);
    }
    const n = await cellsRead();
    assert(n >= 150, `only ${n} table cells read`);
  });

  await test('a scanned PDF, an RTF file and a PDF with a password get a notice styled as an error; the draft stays', async () => {
    const before = await page.inputValue('#report-input');
    const cases = [['scanned.pdf', '这是扫描件/图片，无法读取文字'], ['note.rtf', '这是 RTF 格式的文件'], ['encrypted.pdf', '文件设有打开密码']];
    for (const [name, says] of cases) {
      await page.setInputFiles('#file-input', join(files, name));
      await page.waitForFunction((name) => document.querySelector('#notice.error')?.textContent.includes(name), name, { timeout: 20000 });
      const notice = page.locator('#notice.error');
      const text = await notice.textContent();
      assert(text.includes(`无法打开 ${name}`) && text.includes(says), `notice: ${text}`);
      assert(await notice.getAttribute('role') === 'alert', 'error notice is not an alert');
      assert(await page.inputValue('#report-input') === before, 'the draft changed');
    }
  });

  await test('the batch page reads a folder of mixed files', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'nianbao-files-'));
    const dir = join(tmp, '年报');
    await mkdir(dir, { recursive: true });
    for (const f of ['report_t3_wrong.docx', 'report_clean.doc', 'report_clean.pdf', 'scanned.pdf']) await copyFile(join(files, f), join(dir, f));
    await copyFile(join(root, 'tests/fixtures/_base/valid_2024_wordcopy.txt'), join(dir, 'a.txt'));
    const batch = await context.newPage();
    const berrors = pageErrors(batch);
    batch.on('request', (r) => requests.push(r.url()));
    await batch.bringToFront();
    await batch.goto(url + 'batch/index.html', { waitUntil: 'load' });
    await batch.waitForSelector('#folder', { state: 'attached' });
    await batch.setInputFiles('#folder', dir);
    await batch.waitForFunction(() => document.getElementById('status').dataset.state === 'done', null, { timeout: 60000 });
    const rows = await batch.$$eval('#summary tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [
      tr.querySelector('.c-name').firstChild.textContent.replace(/^年报\//, ''),
      { errors: Number(tr.querySelector('.c-errors').textContent), worst: tr.querySelector('.c-worst').textContent, cls: tr.className,
        tags: [...tr.querySelectorAll('.tag')].map((t) => t.textContent) },
    ])));
    assert(Object.keys(rows).length === 5, `rows: ${Object.keys(rows)}`);
    assert(rows['report_t3_wrong.docx'].errors === 1 && rows['report_t3_wrong.docx'].tags.includes('Word 文档'), JSON.stringify(rows['report_t3_wrong.docx']));
    assert(rows['report_clean.doc'].errors === 0 && rows['report_clean.doc'].tags.includes('Word/WPS 文档'), JSON.stringify(rows['report_clean.doc']));
    assert(rows['report_clean.pdf'].errors === 0 && rows['report_clean.pdf'].tags.includes('PDF'), JSON.stringify(rows['report_clean.pdf']));
    assert(rows['scanned.pdf'].cls === 'unreadable' && rows['scanned.pdf'].worst.startsWith('无法读取：这是扫描件/图片'), JSON.stringify(rows['scanned.pdf']));
    assert((await batch.textContent('#totals')).includes('1 份无法读取'), await batch.textContent('#totals'));
    // Opening the .docx row shows it in the app, its tables read.
    await batch.click('#summary tbody tr:has-text("report_t3_wrong.docx")');
    await batch.waitForSelector('#cell-T3-R24-C7.fault', { timeout: 20000 });
    assert(berrors.length === 0, `batch page errors: ${berrors.join(' | ')}`);
    await batch.close();
    await rm(tmp, { recursive: true, force: true });
  });

  await test('after load, requests go only to our own files', async () => {
    const foreign = requests.filter((u) => !u.startsWith(url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert(foreign.length === 0, `requests elsewhere: ${foreign.join(', ')}`);
    const readers = requests.filter((u) => u.includes('/readers/'));
    assert(readers.some((u) => u.endsWith('nianbao_readers_bg.wasm')) && readers.some((u) => u.endsWith('pdf.worker.min.mjs')), 'readers not loaded');
    assert(errors.length === 0, `page errors: ${errors.join(' | ')}`);
  });

  await context.close();
  await rm(profile, { recursive: true, force: true });
  server.close();
  finish();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
