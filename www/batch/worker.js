// 年报体检 · 批量检查 — the checking worker (a module Web Worker, so the page stays responsive).
//
// It loads the embed API (../embed/nianbao_embed.js, no Yew) and answers these messages, keeping no
// state between them, so the page runs several of them in parallel (one per core, up to 4), hands
// out reports one at a time, and cancels by terminating them:
//
//   {type:'one', i, name, file?: File, text?: string, previous?: j, previousText?: string, notes?: string}
//       → {type:'item', i, name, text, encoding, row, previous, verified?}   (text only when not a re-check;
//         notes: the app's 已核实 notes on it, verified: the findings they mark as [{rule, span16, note}])
//     A Word/WPS document or PDF is read by ../readers/readers.js (loaded only then): its text is
//     the reader's simple HTML, its encoding names the format; one that cannot be read gets a row
//     with `unreadable` (the message for people) instead of a check.
//   {type:'pair', ids:[{org, year}]}                  → {type:'pairs', previous:[j|null], ambiguous:[[i,[j…]]]}
//   {type:'xlsx', entries:[{path, text, previous?, verified?}]}  → {type:'xlsx', bytes: Uint8Array}
//   {type:'letter', entries:[…as for xlsx], index}  → {type:'letter', bytes: Uint8Array} (整改意见 .docx)
//   {type:'csv',  entries}                            → {type:'csv', text}   (the Chinese 整改清单, CRLF, no BOM)
// Errors: {type:'error', i?, message}.

// offline:begin — the one-file build (scripts/build-offline.mjs) has the glue inline and gets the
// module compiled by the page instead.
import init, { check, pair, workbook, csv, letter, verifiedSpans } from '../embed/nianbao_embed.js';

const ready = init({ module_or_path: new URL('../embed/nianbao_embed_bg.wasm', import.meta.url) });
// offline:end

/** File bytes → text like the app (src/web/dom.rs): BOM first, then strict UTF-8, else GB18030. */
export function decode(bytes) {
  const b = new Uint8Array(bytes);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return [new TextDecoder('utf-8').decode(b), 'UTF-8'];
  if (b[0] === 0xff && b[1] === 0xfe) return [new TextDecoder('utf-16le').decode(b), 'UTF-16LE'];
  if (b[0] === 0xfe && b[1] === 0xff) return [new TextDecoder('utf-16be').decode(b), 'UTF-16BE'];
  try {
    return [new TextDecoder('utf-8', { fatal: true }).decode(b), 'UTF-8'];
  } catch {
    return [new TextDecoder('gb18030').decode(b), 'GB18030'];
  }
}

/** The first bytes of the formats only the file readers know (as src/web/dom.rs `needs_reader`). */
const MAGIC = ['504b0304', '504b0506', 'd0cf11e0', '7b5c727466', '89504e47', 'ffd8ff', '47494638', '49492a00',
  '4d4d002a', '52617221', '377abcaf', '1f8b', '7f454c46', 'dba5'];
export function needsReader(bytes) {
  const b = new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 1024));
  const hex = [...b.subarray(0, 8)].map((x) => x.toString(16).padStart(2, '0')).join('');
  if (MAGIC.some((m) => hex.startsWith(m))) return true;
  for (let i = 0; i + 5 <= b.length; i++) {
    if (b[i] === 0x25 && b[i + 1] === 0x50 && b[i + 2] === 0x44 && b[i + 3] === 0x46 && b[i + 4] === 0x2d) return true; // %PDF-
  }
  return false;
}

const FORMAT = { docx: 'Word 文档', doc: 'Word/WPS 文档', pdf: 'PDF' };

/** A file's content for the checker: [text, encoding] or {unreadable: message}. */
async function read(file) {
  const bytes = await file.arrayBuffer();
  if (needsReader(bytes)) {
    const { readFile } = await import('../readers/readers.js');
    try {
      const r = await readFile(bytes);
      if (r.kind !== 'text') return [r.html, FORMAT[r.kind]];
    } catch (e) {
      return { unreadable: String(e?.message ?? e) };
    }
  }
  return decode(bytes);
}

const RANK = { error: 3, warning: 2, info: 1 };

/** One summary row of a checked report. */
function summarise(r, verified) {
  const count = { error: 0, warning: 0, info: 0 };
  let worst = null;
  // Findings marked 已核实 (by rule and UTF-16 span, as the app hands them over) are not counted.
  const marked = (f) => f.verified != null || (verified || []).some((v) => v.rule === f.rule &&
    v.span16[0] === f.span16[0] && v.span16[1] === f.span16[1]);
  const open = r.findings.filter((f) => !marked(f));
  for (const f of open) {
    count[f.severity] = (count[f.severity] || 0) + 1;
    if (!worst || RANK[f.severity] > RANK[worst.severity]) worst = f;
  }
  return {
    org: r.report.org ?? '',
    year: r.report.year ?? null,
    format: r.report.format,
    errors: count.error,
    warnings: count.warning,
    infos: count.info,
    rules: open.map((f) => f.rule),
    worst: worst ? { rule: worst.rule, severity: worst.severity, message: worst.message } : null,
    verified: r.findings.length - open.length,
  };
}

/** Checks one report (decoding its file first); `previousText`: last year's report, if paired. */
async function one(m) {
  let text = m.text;
  let encoding = 'UTF-8';
  if (text == null) {
    let got;
    try {
      got = await read(m.file);
    } catch {
      got = { unreadable: '无法读取该文件' };
    }
    if (got.unreadable) {
      const row = { org: '', year: null, format: 'unknown', errors: 0, warnings: 0, infos: 0, rules: [], worst: null, unreadable: got.unreadable };
      postMessage({ type: 'item', i: m.i, name: m.name, text: '', encoding: '无法读取', row, previous: null });
      return;
    }
    [text, encoding] = got;
  }
  const options = m.previousText == null ? { path: m.name } : { path: m.name, previous: m.previousText };
  // The app's 已核实 notes on this report (back from the single-report page), as the API takes them.
  const verified = m.notes ? verifiedSpans(text, m.notes, options) : undefined;
  if (verified?.length) options.verified = verified;
  const row = summarise(check(text, options), verified);
  // The text goes back only on the first pass (the page keeps it).
  postMessage({ type: 'item', i: m.i, name: m.name, text: m.previousText == null ? text : undefined, encoding, row, previous: m.previous ?? null, verified });
}

function entries(list) {
  return list.map((e) => (e.previous == null ? { path: e.path, text: e.text, verified: e.verified } : e));
}

onmessage = async (e) => {
  const m = e.data;
  try {
    await ready;
    if (m.type === 'one') await one(m);
    else if (m.type === 'pair') {
      const p = pair(m.ids);
      postMessage({ type: 'pairs', previous: p.previous, ambiguous: p.ambiguous });
    } else if (m.type === 'xlsx') {
      const bytes = workbook(entries(m.entries), {});
      postMessage({ type: 'xlsx', bytes }, [bytes.buffer]);
    } else if (m.type === 'csv') postMessage({ type: 'csv', text: csv(entries(m.entries), { lang: 'zh' }) });
    else if (m.type === 'letter') {
      const bytes = letter(entries(m.entries), m.index, { format: 'docx' });
      postMessage({ type: 'letter', bytes }, [bytes.buffer]);
    }
  } catch (err) {
    postMessage({ type: 'error', i: m.i, message: String(err?.message ?? err) });
  }
};
