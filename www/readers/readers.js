// 年报体检 · file readers (docs/web.md "Opening Word/WPS files and PDFs"). Loaded only when a
// .docx/.doc/.wps or a PDF is opened, in a worker (reader-worker.js for the app, the batch page's
// own workers), never with the app's first load. Everything comes from this directory:
//   nianbao_readers.js + _bg.wasm   the Rust readers (src/input/: sniffing by content, .docx,
//                                   .doc/.wps, and the PDF layout step)
//   pdfjs/                          Mozilla's pdf.js (legacy build) and its CMaps for CJK fonts
//
// readFile(bytes) → {kind: 'docx'|'doc'|'pdf', html, pages} (simple HTML for the checker; pages:
// offsets in html where each PDF page starts), or {kind: 'text'} for text/HTML (the caller decodes
// it). A file that cannot be read throws an Error whose message says why and what to do.

import init, { kind as sniff, readOffice, layoutPdf } from './nianbao_readers.js';

let ready = null;

function wasm() {
  ready ??= init({ module_or_path: new URL('./nianbao_readers_bg.wasm', import.meta.url) });
  return ready;
}

export async function readFile(bytes) {
  await wasm();
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const kind = sniff(data);
  if (kind === 'text') return { kind };
  if (kind === 'pdf') return readPdf(data);
  return { kind, html: readOffice(data), pages: [] };
}

/**
 * pdf.js 6 needs more than the app's floor (Chromium 96, Safari 15): class static blocks (Safari
 * 16.4), Array.prototype.findLast (Chromium 97, Safari 15.4), structuredClone, Object.hasOwn.
 * Static blocks cannot be tested without eval, which the CSP forbids; RegExp lookbehind came to
 * Safari in the same release (16.4) and can be tested. scripts/check-baseline.mjs checks that this
 * says no in Chromium 96's engine.
 */
export function pdfjsRuns() {
  try {
    return typeof Array.prototype.findLast === 'function' && typeof structuredClone === 'function' &&
      typeof Object.hasOwn === 'function' && new RegExp('(?<' + '=a)b').test('ab');
  } catch {
    return false;
  }
}

/** Matrix product as pdf.js's Util.transform: m1 · m2 (each [a b c d e f]). */
function mul(m1, m2) {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A PDF: pdf.js gives each page's text runs (getTextContent) and its drawing operations
 *  (getOperatorList), from which the straight lines are kept as table rules; the Rust layout step
 *  turns both into simple HTML. */
async function readPdf(data) {
  if (!pdfjsRuns()) {
    throw new Error('这个浏览器版本较旧，无法在浏览器内读取 PDF。请改用 Chrome 或 Edge 97 以上、Firefox 115 以上、Safari 16.4 以上的版本；也可以在 PDF 阅读器中全选、复制文字后粘贴到这里。');
  }
  const pdfjs = await import('./pdfjs/pdf.min.mjs');
  // pdf.js parses in a worker of its own, started here (a nested worker) and handed over as its
  // port: pdf.js cannot start one itself outside a page, and its worker module imported into this
  // worker would take over this worker's messages.
  const port = new Worker(new URL('./pdfjs/pdf.worker.min.mjs', import.meta.url), { type: 'module' });
  const worker = new pdfjs.PDFWorker({ port });
  try {
    return await readPdfWith(pdfjs, worker, data);
  } finally {
    worker.destroy();
    port.terminate();
  }
}

async function readPdfWith(pdfjs, worker, data) {
  const task = pdfjs.getDocument({
    data,
    worker,
    cMapUrl: new URL('./pdfjs/cmaps/', import.meta.url).href,
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    if (e?.name === 'PasswordException') {
      throw new Error('文件设有打开密码（已加密），无法读取。请在 Word、WPS 或 PDF 阅读器中取消密码后另存一份，再检查。');
    }
    throw new Error(`文件已损坏或不完整（PDF：${e?.message ?? e}），无法读取。请重新下载，或在 Word/WPS 中打开后另存一份再检查。`);
  }
  const nums = [];
  const texts = [];
  const { OPS } = pdfjs;
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const vp = page.getViewport({ scale: 1 });
      const items = [];
      const content = await page.getTextContent();
      for (const it of content.items) {
        if (!it.str) continue;
        const m = mul(vp.transform, it.transform);
        const size = Math.hypot(m[2], m[3]);
        if (!(size > 0)) continue;
        const upright = Math.abs(m[1]) < 0.01 * size && Math.abs(m[2]) < 0.01 * size && m[0] > 0;
        const quarter = Math.abs(m[0]) < 0.01 * size && Math.abs(m[3]) < 0.01 * size;
        if (upright) {
          items.push([m[4], m[5], it.width * vp.scale, size, 1, it.str]);
        } else if (quarter) {
          // Turned by 90°: one item per character at its own place along the run.
          const chars = [...it.str];
          const len = Math.hypot(m[0], m[1]) || 1;
          const step = (it.width * vp.scale) / chars.length;
          const [dx, dy] = [m[0] / len, m[1] / len];
          chars.forEach((c, i) => items.push([m[4] + dx * step * i, m[5] + dy * step * i, size, size, 0, c]));
        } // other angles: watermarks and stamps, not report text
      }
      const rules = await pageRules(page, vp, OPS);
      nums.push(vp.width, vp.height, items.length, rules.length / 4);
      for (const [x, y, w, size, up, str] of items) {
        nums.push(x, y, w, size, up, str.length);
        texts.push(str);
      }
      nums.push(...rules);
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  const [html, pages] = layoutPdf(new Float32Array(nums), texts.join(''));
  return { kind: 'pdf', html, pages: [...pages] };
}

/** The straight horizontal and vertical pieces of a page's painted paths (in viewport space):
 *  stroked lines and rectangle edges, and filled rectangles thin enough to be rules. White fills
 *  (cell backgrounds) are left out. Returns [x0, y0, x1, y1, …]. */
async function pageRules(page, vp, OPS) {
  const list = await page.getOperatorList();
  const out = [];
  let ctm = vp.transform;
  const stack = [];
  let white = false;
  const push = (a, b) => {
    if (out.length < 16000) out.push(a[0], a[1], b[0], b[1]);
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (fn === OPS.save) stack.push([ctm, white]);
    else if (fn === OPS.restore) [ctm, white] = stack.pop() ?? [ctm, white];
    else if (fn === OPS.transform) ctm = mul(ctm, args);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push([ctm, white]);
      if (Array.isArray(args?.[0]) && args[0].length === 6) ctm = mul(ctm, args[0]);
    } else if (fn === OPS.paintFormXObjectEnd) [ctm, white] = stack.pop() ?? [ctm, white];
    else if (fn === OPS.setFillRGBColor) white = typeof args?.[0] === 'string' && args[0].toLowerCase() === '#ffffff';
    else if (fn === OPS.constructPath) {
      const [paint, [path]] = args;
      if (!path) continue;
      const stroke = paint === OPS.stroke || paint === OPS.closeStroke || paint === OPS.fillStroke ||
        paint === OPS.eoFillStroke || paint === OPS.closeFillStroke || paint === OPS.closeEOFillStroke;
      const fill = paint === OPS.fill || paint === OPS.eoFill;
      if (!stroke && !(fill && !white)) continue;
      // Subpaths of device points; a curve ends a subpath (no rule).
      const subs = [];
      let cur = null;
      for (let k = 0; k < path.length;) {
        const op = path[k];
        if (op === 0 || op === 1) {
          const pt = apply(ctm, path[k + 1], path[k + 2]);
          if (op === 0 || !cur) subs.push((cur = []));
          cur.push(pt);
          k += 3;
        } else if (op === 2) {
          cur = null;
          k += 7;
        } else if (op === 3) {
          cur = null;
          k += 5;
        } else {
          if (cur && cur.length > 2) cur.push(cur[0]);
          cur = null;
          k += 1;
        }
      }
      for (const s of subs) {
        if (stroke) {
          for (let k = 1; k < s.length; k++) push(s[k - 1], s[k]);
        } else if (s.length >= 3) {
          const xs = s.map((p) => p[0]);
          const ys = s.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if ((x1 - x0 <= 2.5) !== (y1 - y0 <= 2.5)) push([x0, y0], [x1, y1]);
        }
      }
    }
  }
  return out;
}
