// The main flows in three engines over W3C WebDriver (webdriver.mjs): Chromium (chromedriver),
// Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver), all Debian's own browsers.
//
//   trunk build --release --offline && scripts/build-embed.sh && node scripts/build-offline.mjs
//   (cd tests/e2e && npm ci) && xvfb-run -a node tests/e2e/engines.e2e.mjs [chromium firefox webkitgtk]
//
// Per engine: the app served under a sub-path (CSP closed to eval, paste and check, a highlighted cell,
// file open, a large draft in the check worker, no request after load), the batch page, the embed
// widget under its strict CSP header, axe-core (WCAG 2.1 A/AA) with 0 violations on the app, the batch
// page and the embed panel after a check, and the two offline files from file:// with no request.
// Prints "engines e2e: chromium 156…, firefox 153…esr, webkitgtk 2.50…: N passed, M failed".

import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from './run.mjs';
import { open } from './webdriver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = join(root, 'dist');
const artifacts = join(here, 'artifacts');
// The widget's documented CSP (docs/embed.md), sent as a header with everything under embed/.
const EMBED_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const engines = process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'firefox', 'webkitgtk'];
const seed = await readFile(join(root, 'www/sample.txt'), 'utf8');
const wrongHtml = await readFile(join(here, 'fixtures/t3_wrong_total.html'), 'utf8');
const base = await readFile(join(root, 'tests/fixtures/_base/valid_2024_wordcopy.txt'), 'utf8');
const axeSource = await readFile(join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
const offlineApp = pathToFileURL(join(dist, 'nianbao-offline.html')).href;
const offlineBatch = pathToFileURL(join(dist, 'nianbao-batch-offline.html')).href;

const results = [];
const versions = [];
const assert = (cond, msg) => { if (!cond) throw new Error(msg); };
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function test(s, name, fn) {
  try {
    await fn();
    results.push(true);
    console.log(`ok   ${s.engine}: ${name}`);
  } catch (e) {
    results.push(false);
    console.log(`FAIL ${s.engine}: ${name}\n     ${String(e?.stack ?? e).split('\n').slice(0, 4).join('\n     ')}`);
    try {
      await mkdir(artifacts, { recursive: true });
      await writeFile(join(artifacts, `engines-${s.engine}-fail-${results.length}.png`), await s.screenshot());
    } catch {
      // no page to show
    }
  }
}

// ------------------------------------------------------------------ page helpers (run in the browser)
/** Pastes like a user: a paste event carrying the clipboard flavours, into the app's text box. */
const PASTE = `
  const t = document.getElementById('report-input');
  t.focus();
  t.select();
  const dt = new DataTransfer();
  for (const [k, v] of Object.entries(arguments[0])) dt.setData(k, v);
  const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
  // Firefox gives a constructed paste event an empty copy of the data: put the data on it as a paste has it.
  if (e.clipboardData?.getData('text/plain') !== dt.getData('text/plain')) Object.defineProperty(e, 'clipboardData', { value: dt });
  t.dispatchEvent(e);`;
const SEQ = `const f = document.getElementById('findings'); return f ? Number(f.dataset.seq) : 0;`;
const SEQ_AFTER = `const f = document.getElementById('findings'); return f && Number(f.dataset.seq) > arguments[0];`;
const RULES = `return [...document.querySelectorAll('#findings li.finding')].map((e) => e.dataset.rule);`;

async function paste(s, data) {
  const before = await s.run(SEQ);
  await s.run(PASTE, data);
  await s.waitFor(SEQ_AFTER, 'the check after the paste', 20000, before);
}

/** axe-core's WCAG 2.1 A/AA rules on `context` (a selector list; the whole page when omitted). */
async function axe(s, context) {
  const r = await s.runAsync(`${axeSource};
    const res = await axe.run(${context ? JSON.stringify({ include: context }) : 'document'}, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] });
    return { v: res.violations.map((v) => ({ id: v.id, n: v.nodes.length, where: v.nodes.slice(0, 3).map((x) => x.target.join(' ') + ' ' + (x.failureSummary || '').split('\\n').slice(1, 2).join('')) })), passes: res.passes.length };`);
  assert(r.v.length === 0, `axe violations: ${JSON.stringify(r.v)}`);
  return r;
}

/** WCAG contrast ratio of two computed colours ("rgb(r, g, b)"). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Resource-timing entries (every fetched URL) the page has seen. */
const RESOURCES = `return performance.getEntriesByType('resource').map((e) => e.name);`;
/** A string timer: runs only where the page's CSP allows eval. */
const EVAL_PROBE = `delete document.documentElement.dataset.evalRan;
  try { setTimeout("document.documentElement.dataset.evalRan = 'yes'", 0); } catch (e) { /* blocked */ }`;

// ------------------------------------------------------------------ one engine
async function engine(name, url, requests) {
  let s;
  try {
    s = await open(name);
  } catch (e) {
    results.push(false);
    console.log(`FAIL ${name}: the browser did not start\n     ${e.message.split('\n').slice(0, 6).join('\n     ')}`);
    return;
  }
  let version = s.version;
  if (name === 'firefox') {
    // The driver reports 153.8.0; the binary says whether it is the ESR.
    try { version = execFileSync(s.caps['moz:firefoxOptions']?.binary ?? '/usr/bin/firefox-esr', ['--version']).toString().trim().split(' ').pop(); } catch { /* keep */ }
  }
  versions.push(`${name} ${version}`);
  console.log(`---- ${name} ${version} (${s.name})`);
  try {
    await s.size(1280, 900).catch(() => {});

    // ---------------------------------------------------------------- the app
    let loaded = 0;
    await test(s, 'the app loads, its check worker starts, eval is closed by the CSP', async () => {
      await s.go(url);
      await s.waitFor(`return document.getElementById('report-input') && document.documentElement.dataset.checkWorker === 'ready'`, 'the app and its worker');
      loaded = requests.length;
      assert(await s.run(`return document.documentElement.dataset.cspEval`) === 'closed', 'compat.js did not close eval');
      await s.run(EVAL_PROBE);
      await sleep(300);
      assert(await s.run(`return document.documentElement.dataset.evalRan || null`) === null, 'a string timer ran: eval is allowed');
    });

    await test(s, 'paste the seed report and check: findings and marked words', async () => {
      await paste(s, { 'text/plain': seed });
      const rules = await s.run(RULES);
      for (const r of ['N-PLAN-YEAR', 'S-TYPO', 'C6-INFOFEE']) assert(rules.includes(r), `no ${r} in ${rules.join(', ')}`);
      assert(await s.run(`return document.getElementById('report-input').value.trim() === arguments[0].trim()`, seed), 'the text box holds the paste');
      assert(await s.run(`return document.querySelectorAll('#source-text mark.hl').length`) > 0, 'no marked span');
      assert((await s.run(`return document.getElementById('fact-year').textContent`)).includes('2024'), 'year');
    });

    await test(s, 'axe-core: no WCAG 2.1 A/AA violation on the app after a check', async () => {
      const r = await axe(s);
      console.log(`     axe: 0 violations, ${r.passes} rules passed`);
    });

    await test(s, 'keyboard focus on 打开文件 shows a ring of at least 3:1 against the panel', async () => {
      await s.run(`document.getElementById('file-input').focus()`);
      const st = await s.run(`const l = document.querySelector('label[for="file-input"]'), c = getComputedStyle(l);
        return { style: c.outlineStyle, width: parseFloat(c.outlineWidth), color: c.outlineColor,
          bg: getComputedStyle(l.closest('section')).backgroundColor, focused: document.activeElement.id }`);
      assert(st.focused === 'file-input', `focus on ${st.focused}`);
      assert(st.style !== 'none' && st.width >= 2, `no ring: ${JSON.stringify(st)}`);
      const ratio = contrast(st.color, st.bg);
      assert(ratio >= 3, `ring ${st.color} on ${st.bg}: ${ratio.toFixed(2)}:1`);
    });

    await test(s, 'an HTML report with a wrong T3 total marks that cell with the expected value', async () => {
      await paste(s, { 'text/html': wrongHtml, 'text/plain': 'ignored plain flavour' });
      const cell = await s.run(`const c = document.getElementById('cell-T3-R24-C7'); return c && { cls: c.className, tip: c.title, text: c.textContent.trim() }`);
      assert(cell && /\bfault\b/.test(cell.cls), `cell: ${JSON.stringify(cell)}`);
      assert(cell.tip.includes('61') && cell.text === '62', `tooltip ${cell.tip}`);
      await s.click('#findings li.finding button.finding-main');
      await s.waitFor(`return document.querySelector('#findings li.selected')`, 'a selected finding');
    });

    await test(s, '为什么/依据: the rules\' documentation is imported when first opened', async () => {
      await s.click('#findings li.finding details.docs summary');
      await s.waitFor(`return document.querySelector('#findings li.finding details.docs .docs-body h4')`, 'the docs');
      const text = await s.run(`return document.querySelector('#findings li.finding details.docs .docs-body').textContent`);
      assert(text.includes('检查内容') && text.includes('依据'), `docs: ${text.slice(0, 80)}`);
    });

    await test(s, 'a GBK .htm opens through the file input', async () => {
      const before = await s.run(SEQ);
      await s.type('#file-input', join(here, 'fixtures/gbk_report.htm'));
      await s.waitFor(SEQ_AFTER, 'the check of the file', 20000, before);
      const notice = await s.run(`return document.getElementById('notice').textContent`);
      assert(notice.includes('GB18030') && notice.includes('gbk_report.htm'), `notice: ${notice}`);
      assert(await s.run(`return document.querySelectorAll('#cell-T3-R24-C7.fault').length`) === 1, 'GBK report not checked');
    });

    await test(s, 'a large draft (300 KB) is checked in the check worker', async () => {
      await s.run(`const f = window.nianbaoCheck; window.__jobs = 0;
        window.nianbaoCheck = function () { window.__jobs++; return f.apply(this, arguments); };`);
      const big = seed.repeat(Math.ceil((300 * 1024) / Buffer.byteLength(seed)));
      await paste(s, { 'text/plain': big });
      assert(await s.run(`return window.__jobs`) >= 1, 'the worker was not asked');
      assert(await s.run(`return document.getElementById('report-input').dataset.large`) === 'true', 'not kept as a large draft');
      const n = (await s.run(RULES)).length;
      assert(n > 0, 'no findings from the worker');
      console.log(`     ${(Buffer.byteLength(big) / 1024).toFixed(0)} KB through the worker: ${n} findings listed`);
    });

    await test(s, 'no request after load (server log and resource timing)', async () => {
      // Only the app's own lazily loaded module (the rules' docs, opened above) may come after load.
      const after = requests.slice(loaded).filter((u) => !u.endsWith('/lazy/rule-docs.js'));
      assert(after.length === 0, `requests after load: ${after.join(', ')}`);
      const res = await s.run(RESOURCES);
      const strange = res.filter((u) => !u.startsWith(url) && !u.startsWith('blob:') && !u.startsWith('data:'));
      assert(strange.length === 0, `resources: ${strange.join(', ')}`);
      await s.run(`window.__fetched = 'pending'; fetch('./index.html').then(() => { window.__fetched = 'connected'; }, () => { window.__fetched = 'blocked'; });`);
      assert(await s.waitFor(`return window.__fetched !== 'pending' && window.__fetched`, 'the fetch') === 'blocked', 'a fetch after load was not blocked');
    });

    // ---------------------------------------------------------------- the batch page
    await test(s, 'batch page: three pasted reports are checked in workers and paired', async () => {
      await s.go(url + 'batch/index.html');
      await s.waitFor(`return document.getElementById('check-paste')`, 'the batch page');
      await s.run(`document.getElementById('paste-box').open = true;
        const t = document.getElementById('paste'); t.value = arguments[0];
        t.dispatchEvent(new Event('input', { bubbles: true }));`, batchText());
      await s.click('#check-paste');
      await s.waitFor(`return document.querySelectorAll('#summary tbody tr').length === 3 && document.getElementById('status').dataset.state === 'done'`, 'three rows', 30000);
      const orgs = await s.run(`return [...document.querySelectorAll('#summary tbody tr')].map((tr) => tr.children[1].textContent)`);
      assert(orgs.join() === '甲镇人民政府,甲镇人民政府,乙乡人民政府', orgs.join());
      assert(await s.run(`return document.querySelectorAll('#pairs-list li.pair').length`) === 1, 'no pair');
    });

    await test(s, 'axe-core: no WCAG 2.1 A/AA violation on the batch page with results', async () => {
      await axe(s);
    });

    // ---------------------------------------------------------------- the embed widget
    await test(s, 'embed widget under its strict CSP header: badge, panel with findings', async () => {
      await s.go(url + 'embed/demo-portal.html');
      const text = await s.waitFor(`const b = document.querySelector('nianbao-check')?.shadowRoot?.querySelector('.badge'); return b && b.textContent`, 'the badge');
      assert(/^年报体检：\d+ 个错误/.test(text), `badge: ${text}`);
      await s.run(`document.querySelector('nianbao-check').shadowRoot.querySelector('.badge').click()`);
      const items = await s.run(`const r = document.querySelector('nianbao-check').shadowRoot;
        return r.querySelector('.panel').hidden ? -1 : r.querySelectorAll('.panel li').length`);
      assert(items > 0, `panel items: ${items}`);
      console.log(`     badge: ${text}, ${items} findings in the panel`);
    });

    await test(s, 'axe-core: no WCAG 2.1 A/AA violation in the open embed panel', async () => {
      await axe(s, [['nianbao-check']]);
    });

    // ---------------------------------------------------------------- offline, from file://
    const served = requests.length;
    await test(s, 'offline app from file://: the seed report is checked, no request at all', async () => {
      await s.go(offlineApp);
      await s.waitFor(`return document.getElementById('sample') && document.documentElement.dataset.checkWorker === 'ready'`, 'the offline app and its worker');
      assert(await s.run(`return document.documentElement.dataset.cspEval`) === 'closed', 'eval not closed');
      await s.click('#sample');
      await s.waitFor(`return document.querySelectorAll('#findings li.finding').length > 0`, 'findings');
      const rules = await s.run(RULES);
      for (const r of ['N-PLAN-YEAR', 'S-TYPO', 'C6-INFOFEE']) assert(rules.includes(r), `no ${r} in ${rules.join(', ')}`);
      await s.click('#findings li.finding details.docs summary');
      await s.waitFor(`return document.querySelector('#findings li.finding details.docs .docs-body h4')`, 'the docs, inline');
      await s.run(`const f = window.nianbaoCheck; window.__jobs = 0;
        window.nianbaoCheck = function () { window.__jobs++; return f.apply(this, arguments); };`);
      await paste(s, { 'text/plain': seed.repeat(Math.ceil((200 * 1024) / Buffer.byteLength(seed))) });
      assert(await s.run(`return window.__jobs`) >= 1, 'the blob worker was not asked');
      const res = await s.run(RESOURCES);
      assert(res.length === 0, `resources fetched: ${res.join(', ')}`);
      await s.run(EVAL_PROBE);
      await s.run(`window.__fetched = 'pending'; fetch('data:,x').then(() => { window.__fetched = 'connected'; }, () => { window.__fetched = 'blocked'; });`);
      assert(await s.waitFor(`return window.__fetched !== 'pending' && window.__fetched`, 'the fetch') === 'blocked', 'a fetch was not blocked');
      assert(await s.run(`return document.documentElement.dataset.evalRan || null`) === null, 'eval allowed');
      assert(!(await s.run(`return document.getElementById('get-offline')`)), 'the download link is in the offline file');
    });

    await test(s, 'offline batch page from file://: pasted reports checked in blob workers, no request', async () => {
      await s.go(offlineBatch);
      await s.waitFor(`return document.getElementById('check-paste')`, 'the offline batch page');
      await s.run(`document.getElementById('paste-box').open = true;
        const t = document.getElementById('paste'); t.value = arguments[0];
        t.dispatchEvent(new Event('input', { bubbles: true }));`, batchText());
      await s.click('#check-paste');
      await s.waitFor(`return document.querySelectorAll('#summary tbody tr').length === 3 && document.getElementById('status').dataset.state === 'done'`, 'three rows', 30000);
      assert(await s.run(`return document.querySelectorAll('#pairs-list li.pair').length`) === 1, 'no pair');
      const res = await s.run(RESOURCES);
      assert(res.length === 0, `resources fetched: ${res.join(', ')}`);
      assert(requests.length === served, `the server saw ${requests.slice(served).join(', ')}`);
    });
  } finally {
    await s.close();
  }
}

/** Three reports (two years of one unit, one other unit), one after another as pasted. */
function batchText() {
  // As batch.e2e.mjs makes them: a title line, the unit's name and the years replaced.
  const variant = (unit, year) => `${unit}${year}年政府信息公开工作年度报告\n` + base.replaceAll('滔溪镇人民政府', unit)
    .replaceAll('滔溪镇', unit.replace(/人民政府$/, '')).replaceAll('2025', String(year + 1)).replaceAll('2024', String(year));
  return [variant('甲镇人民政府', 2023), variant('甲镇人民政府', 2024), variant('乙乡人民政府', 2024)].join('\n');
}

async function main() {
  const requests = [];
  const { server, url } = await serve(dist);
  server.prependListener('request', (req, res) => {
    requests.push(req.url);
    if (req.url.includes('/embed/')) res.setHeader('content-security-policy', EMBED_CSP);
  });
  try {
    for (const name of engines) await engine(name, url, requests);
  } finally {
    server.close();
  }
  const passed = results.filter(Boolean).length;
  console.log(`engines e2e: ${versions.join(', ')}: ${passed} passed, ${results.length - passed} failed`);
  process.exit(results.length - passed ? 1 : 0);
}

main().catch((e) => { console.error(e); console.log('engines e2e: 0 passed, 1 failed'); process.exit(1); });
