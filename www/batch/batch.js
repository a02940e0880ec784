// 年报体检 · 批量检查 — the page (plain JS, no framework). The checking runs in module workers
// (worker.js, one per core up to 4): this file collects the files, hands them out, shows progress and
// the summary table; pairing, re-checks with last year's report and the exports (the Rust .xlsx/CSV
// writers through the embed API) run in the workers too. docs/batch.md.

const DRAFT = 'nianbao.draft'; // the single-report app restores its draft from here (localStorage)
const PREVIOUS = 'nianbao.previous'; // … and last year's report from here
const VERIFIED = 'nianbao.verified'; // … and the report's 已核实 notes, as the app keeps them
const OPENED = 'nianbao.batch-open'; // which report of which batch is open in the app: {id, i}
const EXT = /\.(txt|text|htm|html|md|markdown|docx|doc|wps|pdf)$/i;
const SEV = { error: '错误', warning: '警告', info: '提示' };

const $ = (id) => document.getElementById(id);

// offline:begin — the one-file build (scripts/build-offline.mjs) swaps this part: blob workers, its own file.
const newWorker = () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const SINGLE_PAGE = '../index.html'; // the single-report app
// offline:end

/** After load, forbid every connection (as ../boot.js does); policies only add up. */
function lockDown() {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "connect-src 'none'";
  document.head.appendChild(meta);
}

// ------------------------------------------------------------------ state
let state = {
  id: null, // the batch, so a tab does not overwrite another tab's kept batch with its sort or filter
  items: [], // [{name, text, encoding, row, previous}]
  total: 0,
  pairs: null, // {previous, ambiguous}
  status: 'idle', // idle | running | done | cancelled | error
  ms: null,
  sort: { key: null, dir: 1 },
  filter: '',
  onlyErrors: false,
};
let exporter = null;
let started = 0;

// ------------------------------------------------------------------ keeping the last batch (IndexedDB)
// Coming back from a report opened in the app shows the batch again. IndexedDB, not sessionStorage:
// a batch of thousands of reports is tens of MB. One store: each report under its index 0…n−1 (one
// record each, stored by structured clone) and the rest of `state` under 'meta', so a sort or filter
// change rewrites only that small record. It is the browser's, not the tab's: the last batch of any
// tab is kept until 清除结果 or the next batch.
const DB = 'nianbao';
const STORE = 'batch';
const META = 'meta';
let db = null; // Promise<IDBDatabase>, opened on first use
let kept = false; // the store holds the batch on screen
let saving = Promise.resolve(); // the last write, awaited before leaving the page

function openDb() {
  db ??= new Promise((ok, bad) => {
    const req = indexedDB.open(DB, 1); // throws, or fires error, where IndexedDB is off (private mode)
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => {
      req.result.onversionchange = () => req.result.close(); // never block a newer page version
      ok(req.result);
    };
    req.onerror = () => bad(req.error);
  });
  return db;
}

/** Runs `fill(store)` in one read-write transaction; resolves once it is committed. All or nothing:
 *  a failed write leaves the store as it was. */
async function write(fill) {
  const d = await openDb();
  return new Promise((ok, bad) => {
    const tx = d.transaction(STORE, 'readwrite');
    tx.oncomplete = () => ok();
    tx.onabort = () => bad(tx.error || new Error('写入被中止'));
    try {
      fill(tx.objectStore(STORE));
    } catch (e) {
      tx.abort(); // e.g. QuotaExceededError or DataCloneError thrown by put()
      bad(e);
    }
  });
}

/** Keeps the batch: everything after a batch (`all`), else only 'meta' (sort, filter). Storage
 *  failing costs only that; the results on screen stay. */
function save(all = false) {
  if (!all && !kept) return;
  const { items, ...meta } = state; // items are dense here: done, or compacted by cancel()
  kept = true;
  saving = saving.then(() => write((s) => {
    if (all) {
      s.clear();
      items.forEach((it, i) => s.put(it, i));
      s.put(meta, META);
      return;
    }
    // Another tab may have kept its batch since: then leave it alone.
    const req = s.get(META);
    req.onsuccess = () => { if (req.result?.id === meta.id) s.put(meta, META); };
  })).catch(() => {
    if (state.id !== meta.id) return; // a newer batch is on screen by now
    kept = false;
    if (all) notKept();
  });
}

function notKept() {
  const el = $('status');
  const text = '抱歉，浏览器未能保存本次检查结果（可能处于无痕/隐私模式，或存储空间已满）：结果仍显示在本页，但离开或刷新本页后需要重新检查。';
  note(el.hidden ? text : `${el.textContent} ${text}`);
}

/** Forgets the kept batch (清除结果, a new batch). Nothing to do where IndexedDB is off. */
function forget() {
  kept = false;
  saving = saving.then(() => write((s) => s.clear())).catch(() => {});
}

async function restore() {
  const d = await openDb();
  const [meta, items] = await new Promise((ok, bad) => {
    const tx = d.transaction(STORE, 'readonly');
    const m = tx.objectStore(STORE).get(META);
    const r = tx.objectStore(STORE).getAll(IDBKeyRange.bound(0, Infinity)); // 'meta' sorts after numbers
    tx.oncomplete = () => ok([m.result, r.result]);
    tx.onabort = () => bad(tx.error);
  });
  // A batch started (or cleared) before this finished wins.
  if (!meta || !items.length || run) return false;
  state = { ...state, ...meta, items };
  kept = true;
  return true;
}

function note(text, kind = state.status) {
  const el = $('status');
  el.hidden = !text;
  el.textContent = text || '';
  el.dataset.state = kind;
}

// ------------------------------------------------------------------ input: files, folders, paste
function wanted(files) {
  const ok = files.filter((f) => EXT.test(f.name));
  return { ok: ok.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), skipped: files.length - ok.length };
}

function fromFileList(list) {
  return [...list].map((f) => ({ name: f.webkitRelativePath || f.name, file: f }));
}

/** Every file under the dropped items, folders walked recursively (webkitGetAsEntry). */
async function fromDrop(dt) {
  const entries = [...(dt.items || [])].map((it) => it.webkitGetAsEntry && it.webkitGetAsEntry()).filter(Boolean);
  if (!entries.length) return fromFileList(dt.files || []);
  const out = [];
  async function walk(entry) {
    if (entry.isFile) {
      const file = await new Promise((ok, bad) => entry.file(ok, bad));
      out.push({ name: entry.fullPath.replace(/^\//, ''), file });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok, bad) => reader.readEntries(ok, bad));
        if (!batch.length) break;
        for (const e of batch) await walk(e);
      }
    }
  }
  for (const e of entries) await walk(e);
  return out;
}

const SEPARATOR = /^\s*(?:-{3,}|={3,}|\*{3,}|_{3,}|—{2,}|#{3,}|\f)\s*$/;
const TITLE = /年度报告\s*$/;

/** Several reports pasted one after another → one text each: split on separator lines if there
 *  are any, else before each title line "……年度报告" (with a short unit line right above it). */
export function splitReports(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const chunks = [];
  let cur = [];
  const push = () => {
    if (cur.join('').trim()) chunks.push(cur.join('\n').trim() + '\n');
    cur = [];
  };
  if (lines.some((l) => SEPARATOR.test(l))) {
    for (const l of lines) (SEPARATOR.test(l) ? push() : cur.push(l));
    push();
    return chunks;
  }
  for (const l of lines) {
    if (TITLE.test(l) && l.trim().length <= 80 && cur.join('').trim()) {
      // A unit name on its own line just above the title belongs to the new report.
      let carry = [];
      const prev = cur.length ? cur[cur.length - 1].trim() : '';
      if (prev && prev.length <= 40 && !/[。；;：:，,]$/.test(prev) && cur.slice(0, -1).join('').trim()) {
        carry = [cur.pop()];
      }
      if (cur.join('').trim().length > 200) {
        push();
        cur = carry;
      } else cur.push(...carry);
    }
    cur.push(l);
  }
  push();
  return chunks;
}

// ------------------------------------------------------------------ checking in workers
/** Parallel workers: one per core, at most 4 (each holds its own copy of the checker, ~1 MB). */
const POOL = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4));
let pool = [];
let run = 0; // the current batch; results of a cancelled one are dropped


/** Hands `jobs` to the pool, a few in flight per worker (so none waits for the page), calling
 *  `onResult` for each answer. */
const IN_FLIGHT = 6;
function dispatch(jobs, onResult, id) {
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    if (!jobs.length) return resolve();
    const give = (w) => { if (next < jobs.length) w.postMessage(jobs[next++]); };
    for (const w of pool) {
      w.onmessage = (e) => {
        if (id !== run) return;
        if (e.data.type === 'error') return reject(new Error(e.data.message));
        onResult(e.data);
        if (++done === jobs.length) resolve();
        else give(w);
      };
      w.onerror = (e) => reject(new Error(e.message || '检查器载入失败'));
      for (let k = 0; k < IN_FLIGHT; k++) give(w);
    }
  });
}

function askPool(msg, id) {
  return new Promise((resolve, reject) => {
    const w = pool[0];
    w.onmessage = (e) => (id !== run ? null : e.data.type === 'error' ? reject(new Error(e.data.message)) : resolve(e.data));
    w.onerror = (e) => reject(new Error(e.message || '检查器载入失败'));
    w.postMessage(msg);
  });
}

function progress(done, total, text) {
  $('progress').max = total;
  $('progress').value = done;
  $('progress-text').textContent = text;
}

async function start(items, skipped = 0) {
  if (!items.length) {
    note(skipped ? `没有可检查的文件（跳过 ${skipped} 个不支持的文件；支持 .txt、.htm、.html、.md、.docx、.doc、.wps、.pdf）` : '没有可检查的报告', 'error');
    return;
  }
  stopWorkers();
  const id = ++run;
  $('status').dataset.run = id; // for tests: which batch the state belongs to
  const n = items.length;
  state = { ...state, id: `${Date.now()}-${Math.random()}`, items: [], total: n, pairs: null, status: 'running', ms: null };
  forget(); // the kept batch is no longer the one on screen
  started = performance.now();
  $('run').hidden = false;
  progress(0, n, `正在检查 0 / ${n}`);
  note(skipped ? `跳过 ${skipped} 个不支持的文件。` : '', 'running');
  pool = Array.from({ length: Math.min(POOL, n) }, newWorker);
  const threads = pool.length;
  render();
  try {
    let done = 0;
    await dispatch(items.map((it, i) => ({ type: 'one', i, ...it })), (m) => {
      state.items[m.i] = { name: m.name, text: m.text, encoding: m.encoding, row: m.row, previous: null };
      progress(++done, n, `正在检查 ${done} / ${n}`);
      renderSoon();
    }, id);
    const ids = state.items.map((it) => ({ org: it.row.org || undefined, year: it.row.year ?? undefined }));
    const p = await askPool({ type: 'pair', ids }, id);
    state.pairs = { previous: p.previous, ambiguous: p.ambiguous };
    const jobs = p.previous.flatMap((j, i) => (j == null ? [] : [{
      type: 'one', i, name: state.items[i].name, text: state.items[i].text, previous: j, previousText: state.items[j].text,
    }]));
    let again = 0;
    await dispatch(jobs, (m) => {
      Object.assign(state.items[m.i], { row: m.row, previous: m.previous });
      progress(++again, jobs.length, `正在与上年报告比对 ${again} / ${jobs.length}`);
      renderSoon();
    }, id);
  } catch (e) {
    if (id === run) fail(e.message);
    return;
  }
  if (id !== run) return;
  stopWorkers();
  state.status = 'done';
  state.ms = Math.round(performance.now() - started);
  $('run').hidden = true;
  note(`检查完成：${n} 份报告，用时 ${(state.ms / 1000).toFixed(2)} 秒（${threads} 个并行线程）。`, 'done');
  save(true);
  render();
}

function stopWorkers() {
  for (const w of pool) w.terminate();
  pool = [];
}

function fail(message) {
  stopWorkers();
  run++;
  state.status = 'error';
  state.items = state.items.filter(Boolean);
  $('run').hidden = true;
  note('检查失败：' + message, 'error');
  render();
}

/** While checking, the table is redrawn at most twice a second: the main thread then stays free to
 *  feed the workers (on 2 cores, redrawing 400 rows per frame halved the throughput). */
let pending = 0;
function renderSoon() {
  if (!pending) pending = setTimeout(() => {
    pending = 0;
    requestAnimationFrame(render);
  }, 500);
}

function cancel() {
  if (!pool.length) return;
  stopWorkers();
  run++;
  state.status = 'cancelled';
  // Only a finished first pass keeps its indices (the pairs refer to them).
  if (state.items.filter(Boolean).length < state.total) {
    state.items = state.items.filter(Boolean);
    state.pairs = null;
    for (const it of state.items) it.previous = null;
  }
  $('run').hidden = true;
  note(`已取消：已检查 ${state.items.length} / ${state.total} 份。`, 'cancelled');
  save(true);
  render();
}

// ------------------------------------------------------------------ exports (in a worker too)
function exportWorker() {
  if (!exporter) exporter = newWorker();
  return exporter;
}

function ask(msg) {
  return new Promise((ok, bad) => {
    const w = exportWorker();
    w.onmessage = (e) => (e.data.type === 'error' ? bad(new Error(e.data.message)) : ok(e.data));
    w.onerror = (e) => bad(new Error(e.message || '导出失败'));
    w.postMessage(msg);
  });
}

function batchEntries() {
  return state.items.filter(Boolean).map((it) => ({
    path: it.name, text: it.text, previous: it.previous ?? undefined, verified: it.verified?.length ? it.verified : undefined,
  }));
}

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function exportAs(kind) {
  if (!state.items.length) return;
  // One export at a time (they share the export worker).
  const buttons = [$('export-xlsx'), $('export-csv')];
  for (const b of buttons) b.disabled = true;
  try {
    const r = await ask({ type: kind, entries: batchEntries() });
    if (kind === 'xlsx') {
      download('年报体检-整改清单.xlsx', new Blob([r.bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    } else {
      download('年报体检-问题清单.csv', new Blob(['\ufeff' + r.text], { type: 'text/csv;charset=utf-8' }));
    }
  } catch (e) {
    note('导出失败：' + e.message, 'error');
  } finally {
    for (const b of buttons) b.disabled = state.status === 'running';
  }
}

/** The 整改意见 of one report, as a .docx addressed to its unit (output::letter). */
async function exportLetter(i) {
  const it = state.items[i];
  if (!it) return;
  try {
    const index = state.items.slice(0, i).filter(Boolean).length;
    const r = await ask({ type: 'letter', entries: batchEntries(), index });
    const base = it.name.replace(/^.*\//, '').replace(/\.[^.]*$/, '');
    download(`${base}-整改意见.docx`, new Blob([r.bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
  } catch (e) {
    note('导出整改意见失败：' + e.message, 'error');
  }
}

// ------------------------------------------------------------------ the table
function worstText(row) {
  if (row.unreadable) return `无法读取：${row.unreadable}`;
  return row.worst ? `[${SEV[row.worst.severity]}] ${row.worst.rule} ${row.worst.message}` : '未发现问题';
}

function value(it, key) {
  if (key === 'name') return it.name;
  if (key === 'worst') return it.row.worst ? ({ error: 3, warning: 2, info: 1 })[it.row.worst.severity] : 0;
  return it.row[key];
}

function compare(a, b, key) {
  const x = value(a, key);
  const y = value(b, key);
  if (x == null || x === '') return y == null || y === '' ? 0 : 1;
  if (y == null || y === '') return -1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x).localeCompare(String(y), 'zh-CN', { numeric: true });
}

function visibleRows() {
  const q = state.filter.trim().toLowerCase();
  let rows = state.items.map((it, i) => [it, i]).filter(([it]) => it);
  if (state.onlyErrors) rows = rows.filter(([it]) => it.row.errors > 0);
  if (q) rows = rows.filter(([it]) => `${it.name} ${it.row.org} ${it.row.year ?? ''} ${worstText(it.row)}`.toLowerCase().includes(q));
  const { key, dir } = state.sort;
  if (key) rows.sort(([a, i], [b, j]) => compare(a, b, key) * dir || i - j);
  return rows;
}

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

function render() {
  const items = state.items.filter(Boolean);
  $('results').hidden = !items.length;
  const running = state.status === 'running';
  $('export-xlsx').disabled = running || !items.length;
  $('export-csv').disabled = running || !items.length;
  $('filter').value = state.filter;
  $('only-errors').checked = state.onlyErrors;

  const tbody = $('summary').tBodies[0];
  const rows = visibleRows();
  const frag = document.createDocumentFragment();
  for (const [it, i] of rows) {
    const tr = document.createElement('tr');
    tr.dataset.i = i;
    tr.tabIndex = 0;
    tr.className = it.row.unreadable ? 'unreadable' : it.row.errors ? 'has-errors' : it.row.warnings ? 'has-warnings' : 'clean';
    tr.title = '在单篇检查页中打开';
    const name = cell(tr, it.name, 'c-name');
    if (it.previous != null && state.items[it.previous]) {
      const tag = document.createElement('span');
      tag.className = 'tag paired';
      tag.textContent = '已与上年比对';
      tag.title = '上年报告：' + state.items[it.previous].name;
      name.append(' ', tag);
    }
    if (it.encoding && it.encoding !== 'UTF-8') {
      const enc = document.createElement('span');
      enc.className = 'tag';
      enc.textContent = it.encoding;
      name.append(' ', enc);
    }
    cell(tr, it.row.org || '（未识别）', 'c-org');
    cell(tr, it.row.year ?? '', 'c-year');
    cell(tr, it.row.format === 'unknown' ? '未识别' : it.row.format, 'c-format');
    cell(tr, it.row.errors, 'c-errors num');
    cell(tr, it.row.warnings, 'c-warnings num');
    if (it.row.verified) {
      const v = document.createElement('span');
      v.className = 'tag verified';
      v.textContent = `已核实 ${it.row.verified}`;
      v.title = '已核实的问题不计入错误和警告数，导出时标为已核实';
      name.append(' ', v);
    }
    const worst = cell(tr, worstText(it.row), 'c-worst' + (it.row.unreadable ? ' sev-error' : it.row.worst ? ' sev-' + it.row.worst.severity : ''));
    if (!it.row.unreadable && !running) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'btn letter';
      b.dataset.letter = '';
      b.textContent = '整改意见';
      b.setAttribute('aria-label', `下载“${it.name}”的整改意见（.docx）`);
      worst.append(' ', b);
    }
    frag.appendChild(tr);
  }
  tbody.replaceChildren(frag);
  $('shown').textContent = `显示 ${rows.length} / ${items.length} 份`;
  for (const th of $('summary').tHead.rows[0].cells) {
    th.setAttribute('aria-sort', th.dataset.key === state.sort.key ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none');
  }

  const e = items.reduce((s, it) => s + it.row.errors, 0);
  const w = items.reduce((s, it) => s + it.row.warnings, 0);
  const withErrors = items.filter((it) => it.row.errors > 0).length;
  const paired = items.filter((it) => it.previous != null).length;
  const unreadable = items.filter((it) => it.row.unreadable).length;
  $('totals').textContent = `共 ${items.length} 份报告：错误 ${e} 个（${withErrors} 份有错误），警告 ${w} 个；` +
    (unreadable ? `${unreadable} 份无法读取；` : '') +
    `自动配对上年报告 ${paired} 对` + (state.ms != null ? `；用时 ${(state.ms / 1000).toFixed(2)} 秒` : '');
  renderPairs();
}

function renderPairs() {
  const list = $('pairs-list');
  const li = (text, cls) => {
    const el = document.createElement('li');
    el.textContent = text;
    if (cls) el.className = cls;
    return el;
  };
  const out = [];
  state.items.forEach((it, i) => {
    if (it && it.previous != null && state.items[it.previous]) {
      const p = state.items[it.previous];
      const el = li(`${it.row.org}：${it.row.year}（${it.name}）↔ ${p.row.year}（${p.name}）`, 'pair');
      el.dataset.i = i;
      el.dataset.previous = it.previous;
      out.push(el);
    }
  });
  for (const [i, cands] of (state.pairs && state.pairs.ambiguous) || []) {
    const it = state.items[i];
    if (!it) continue;
    const names = cands.map((j) => state.items[j]?.name).filter(Boolean).join('、');
    out.push(li(`${it.name}：上年有多份候选（${names}），未配对`, 'ambiguous'));
  }
  if (!out.length) out.push(li('没有可配对的报告（同一单位、相邻两年的报告才会自动配对）。', 'muted'));
  list.replaceChildren(...out);
  const n = state.items.filter((it) => it && it.previous != null).length;
  $('pairs-summary').textContent = `逐年比对：自动配对 ${n} 对` +
    (state.pairs && state.pairs.ambiguous.length ? `，${state.pairs.ambiguous.length} 份因候选不唯一未配对` : '');
}

// ------------------------------------------------------------------ opening one report in the app
async function openReport(i) {
  const it = state.items[i];
  if (!it) return;
  try {
    localStorage.setItem(DRAFT, it.text);
    const prev = it.previous != null ? state.items[it.previous] : null;
    if (prev) localStorage.setItem(PREVIOUS, prev.text);
    else localStorage.removeItem(PREVIOUS);
    if (it.notes) localStorage.setItem(VERIFIED, it.notes);
    else localStorage.removeItem(VERIFIED);
    localStorage.setItem(OPENED, JSON.stringify({ id: state.id, i }));
  } catch {
    note('浏览器不允许保存（localStorage 不可用或已满），无法在单篇页中打开。', 'error');
    return;
  }
  await saving; // leaving aborts a write still under way
  location.href = `${SINGLE_PAGE}?from=batch`;
}

/** Back from the app: the 已核实 notes made there on a report of this batch become that report's,
 *  and its row is counted again without the findings they mark. */
async function takeBack() {
  let open;
  let notes;
  let draft;
  try {
    open = JSON.parse(localStorage.getItem(OPENED) || 'null');
    notes = localStorage.getItem(VERIFIED) || '';
    draft = localStorage.getItem(DRAFT);
  } catch {
    return;
  }
  const it = open && open.id === state.id ? state.items[open.i] : null;
  if (!it || (it.notes || '') === notes || run) return;
  if (draft !== it.text) {
    // Its places are those of the text as changed there, not of the report in this batch.
    note(`“${it.name}”在单篇检查页中修改过：那里标记的“已核实”只对修改后的文本有效，未带回本页。`, 'done');
    return;
  }
  it.notes = notes;
  const w = newWorker();
  try {
    const prev = it.previous != null ? state.items[it.previous] : null;
    const m = await new Promise((ok, bad) => {
      w.onmessage = (e) => (e.data.type === 'error' ? bad(new Error(e.data.message)) : ok(e.data));
      w.onerror = (e) => bad(new Error(e.message || '检查器载入失败'));
      w.postMessage({ type: 'one', i: open.i, name: it.name, text: it.text, notes,
        previous: it.previous ?? undefined, previousText: prev ? prev.text : undefined });
    });
    it.row = m.row;
    it.verified = m.verified; // [{rule, span16, note}]: what the exports mark 已核实
  } catch (e) {
    note('已核实的说明未能计入：' + e.message, 'error');
  } finally {
    w.terminate();
  }
  if (run) return; // a new batch started meanwhile
  save(true);
  render();
}

// ------------------------------------------------------------------ wiring
function wire() {
  for (const id of ['files', 'folder']) {
    $(id).addEventListener('change', (e) => {
      const { ok, skipped } = wanted(fromFileList(e.target.files));
      start(ok, skipped);
      e.target.value = '';
    });
  }
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    const { ok, skipped } = wanted(await fromDrop(e.dataTransfer));
    start(ok, skipped);
  });
  $('check-paste').addEventListener('click', () => {
    const parts = splitReports($('paste').value);
    start(parts.map((text, k) => ({ name: `粘贴 ${k + 1}`, text })));
  });
  $('cancel').addEventListener('click', cancel);
  $('export-xlsx').addEventListener('click', () => exportAs('xlsx'));
  $('export-csv').addEventListener('click', () => exportAs('csv'));
  $('clear-results').addEventListener('click', () => {
    stopWorkers();
    run++;
    state = { ...state, id: null, items: [], total: 0, pairs: null, status: 'idle', ms: null };
    forget();
    note('');
    render();
  });
  $('filter').addEventListener('input', (e) => {
    state.filter = e.target.value;
    render();
    save();
  });
  $('only-errors').addEventListener('change', (e) => {
    state.onlyErrors = e.target.checked;
    render();
    save();
  });
  for (const th of $('summary').tHead.rows[0].cells) {
    th.querySelector('button').addEventListener('click', () => {
      const key = th.dataset.key;
      state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
      render();
      save();
    });
  }
  const tbody = $('summary').tBodies[0];
  tbody.addEventListener('click', (e) => {
    const tr = e.target.closest('tr');
    if (!tr) return;
    if (e.target.closest('[data-letter]')) exportLetter(Number(tr.dataset.i));
    else openReport(Number(tr.dataset.i));
  });
  tbody.addEventListener('keydown', (e) => {
    const tr = e.target.closest('tr');
    // Enter on the 整改意见 button is its own click.
    if (tr && e.key === 'Enter' && !e.target.closest('button')) openReport(Number(tr.dataset.i));
  });
}

wire();
render();
restore().then(async (restored) => {
  if (!restored) return;
  render();
  if (state.status === 'done') note(`上次的检查结果：${state.items.length} 份报告。`, 'done');
  await takeBack();
}, () => {}); // IndexedDB off: nothing was kept
lockDown();
