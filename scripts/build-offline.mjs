// Builds the two one-file offline pages from a finished build (trunk build + scripts/build-embed.sh):
//
//   dist/nianbao-offline.html        the app: wasm (base64) and JS inline, the check worker from a blob
//   dist/nianbao-batch-offline.html  the batch page: the embed wasm and JS inline, its workers from blobs
//
// Both work when double-clicked (file://) and make no request at all: every script and style is
// inline and allowed by its sha256 in the page's CSP, which starts with connect-src 'none'. The JS is
// the shipped files themselves (from www/, with their comments): the part of boot.js, check-worker.js, batch.js and worker.js between
// `// offline:begin` and `// offline:end` (their imports, file URLs and fetch) is swapped for the
// one-file equivalent below, the wasm-bindgen glue is inlined (its `export`s dropped), and the page
// and its worker run the same script (the worker is a blob of the script's own text).
//
//   node scripts/build-offline.mjs [dist]     prints the sizes (raw and gzip -9)

import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const read = (p) => readFileSync(p, 'utf8');

function fail(msg) {
  console.error(`build-offline: ${msg}`);
  process.exit(1);
}

/** `s` with `from` replaced by `to`, which must occur exactly once (else the sources changed shape). */
function once(s, from, to, what) {
  const n = typeof from === 'string' ? s.split(from).length - 1 : (s.match(new RegExp(from.source, `${from.flags.replace('g', '')}g`)) ?? []).length;
  if (n !== 1) fail(`${what}: expected once, found ${n} times`);
  return s.replace(from, to);
}

/** A shipped script without its `// offline:begin … // offline:end` part (which must be there). */
function withoutOnlinePart(src, name) {
  return once(src, /^[ \t]*\/\/ offline:begin[^\n]*\n[\s\S]*?^[ \t]*\/\/ offline:end[^\n]*\n/m, '', `${name}: offline markers`)
    .replace(/^export (function|const|let|class|async function) /gm, '$1 ');
}

/**
 * wasm-bindgen's --target web glue as plain statements: no exports, no import.meta. It may be minified
 * (scripts/minify-js.mjs): its export list then renames local names, which become constants here
 * (`default` is `__wbg_init`, as wasm-bindgen calls it).
 */
function glue(path) {
  let s = read(path);
  let names = '';
  s = once(s, /(^|[;}\s])export\s*\{([^}]*)\};?/m, (_, before, list) => {
    for (const item of list.split(',').map((x) => x.trim()).filter(Boolean)) {
      const [local, exported = local] = item.split(/\s+as\s+/);
      const name = exported === 'default' ? '__wbg_init' : exported;
      if (name !== local) names += `const ${name} = ${local};\n`;
    }
    return before;
  }, `${path}: export list`);
  s = s.replace(/(^|[;}\s])export (function|class|const|let|async function) /gm, '$1$2 ');
  s = s.replace(/import\.meta\.url/g, 'location.href'); // only the default wasm URL, never used here
  if (/(^|[;}\s])(import|export)[\s{*]/m.test(s.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""'))) {
    fail(`${path}: imports or exports left (snippets?)`);
  }
  return `${s}\n${names}`;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function checkInline(text, what) {
  if (/<\/script|<!--/i.test(text)) fail(`${what} contains </script or <!--, which would end the inline script`);
  return text;
}

/** The page's HTML with the CSP, styles and scripts for one file. */
function assemble({ html, name, title, css, scripts, wasmB64, csp }) {
  let s = html;
  s = s.replace(/<!--[\s\S]*?-->\s*/g, '');
  s = once(s, /<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/, `<meta http-equiv="Content-Security-Policy" content="${csp}" />`, `${name}: CSP meta`);
  s = s.replace(/^\s*<link (data-trunk |rel="stylesheet" )[^>]*>\n/gm, '');
  s = s.replace(/^\s*<script [^>]*src="[^"]*"[^>]*><\/script>\n/gm, '');
  s = once(s, /<title>([^<]*)<\/title>/, `<title>${title}</title>`, `${name}: title`);
  s = once(s, '</head>', `  <style>${css}</style>\n</head>`, `${name}: </head>`);
  const tail = [
    `  <script type="application/wasm-base64" id="nianbao-wasm">${wasmB64}</script>`,
    ...scripts.map(({ id, text, es5 }) => `  <script${id ? ` id="${id}"` : ''}${es5 ? ' data-es5' : ''}>${text}</script>`),
  ].join('\n');
  s = once(s, '</body>', `${tail}\n</body>`, `${name}: </body>`);
  if (/<link rel="stylesheet"|<script [^>]*src=/.test(s)) fail(`${name}: a file reference is left`);
  return s;
}

function csp(scripts, css) {
  return [
    "default-src 'none'",
    `script-src ${scripts.map((x) => sha256(x.text)).join(' ')} 'unsafe-eval' 'wasm-unsafe-eval'`,
    `style-src ${sha256(css)}`,
    "img-src data: blob:", "worker-src blob:", "child-src blob:", "frame-src 'none'", "connect-src 'none'",
    "font-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
  ].join('; ');
}

const compat = { id: 'nianbao-compat', text: checkInline(read(join(dist, 'compat.js')), 'compat.js'), es5: true };
const b64 = (p) => readFileSync(p).toString('base64');

// The part the shipped files fetch or import, as one file does it. `SELF` is the running script: its
// own text is the worker's script, so the page and its workers share one inline script.
const DECODE = `function wasmBytes() {
  const bin = atob(document.getElementById('nianbao-wasm').textContent.trim());
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
const SELF_URL = URL.createObjectURL(new Blob([document.currentScript.textContent], { type: 'text/javascript' }));
`;

/** A lazy module of the served app (www/lazy/NAME.js: `export default "…";`) as a string literal. */
function lazyString(name) {
  const m = read(join(root, `www/lazy/${name}.js`)).match(/^export default ("(?:[^"\\]|\\.)*");$/m);
  if (!m) fail(`www/lazy/${name}.js: no \`export default "…";\``);
  return m[1];
}

// ---------------------------------------------------------------- the app
{
  const page = withoutOnlinePart(read(join(root, 'www/boot.js')), 'boot.js');
  const worker = withoutOnlinePart(read(join(root, 'www/check-worker.js')), 'check-worker.js');
  const text = checkInline(`(function () {
'use strict';
${glue(join(dist, 'nianbao-web.js'))}
if (typeof document === 'undefined') {
// ---- the check worker (www/check-worker.js)
${worker}
} else {
// ---- the page (www/boot.js)
${DECODE}const init = __wbg_init;
window.nianbaoRuleDocs = (done) => done(${lazyString('rule-docs')});
window.nianbaoSample = (done) => done(${lazyString('sample')});
const newWorker = () => new Worker(SELF_URL);
const compile = () => WebAssembly.compile(wasmBytes());
// The app links the batch page by its served path: here it is the other offline file.
document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a[href="batch/index.html"]');
  if (a) {
    e.preventDefault();
    location.href = 'nianbao-batch-offline.html';
  }
}, true);
${page}
}
})();
`, 'the app script');
  const css = read(join(dist, 'style.css'));
  const scripts = [compat, { id: 'nianbao-app', text }];
  let html = read(join(root, 'index.html'));
  html = once(html, /\s*<p class="get-offline"[^\n]*<\/p>/, '', 'index.html: get-offline');
  html = once(html, '<html lang="zh-CN">', '<html lang="zh-CN" data-offline="">', 'index.html: <html>');
  const out = assemble({
    html, name: 'index.html', title: '年报体检（离线版）· 政府信息公开工作年度报告检查', css, scripts,
    wasmB64: b64(join(dist, 'nianbao-web_bg.wasm')), csp: csp(scripts, css),
  });
  writeFileSync(join(dist, 'nianbao-offline.html'), out);
}

// ---------------------------------------------------------------- the batch page
{
  const embed = join(dist, 'embed');
  const batch = join(dist, 'batch');
  const page = withoutOnlinePart(read(join(root, 'www/batch/batch.js')), 'batch.js');
  const worker = withoutOnlinePart(read(join(root, 'www/batch/worker.js')), 'worker.js');
  const text = checkInline(`(function () {
'use strict';
${glue(join(embed, 'nianbao_embed.js'))}
if (typeof document === 'undefined') {
// ---- a checking worker (www/batch/worker.js): the page sends the compiled module first
let gotModule, lostModule;
const ready = new Promise((ok, bad) => { gotModule = ok; lostModule = bad; });
addEventListener('message', (e) => {
  if (e.data && e.data.type === 'module') {
    if (e.data.module) {
      initSync({ module: e.data.module });
      gotModule();
    } else lostModule(new Error(e.data.error));
  }
});
${worker}
} else {
// ---- the page (www/batch/batch.js): the wasm is compiled once, here, and sent to each worker
${DECODE}const MODULE = WebAssembly.compile(wasmBytes());
const newWorker = () => {
  const w = new Worker(SELF_URL);
  MODULE.then((module) => w.postMessage({ type: 'module', module }), (e) => w.postMessage({ type: 'module', error: String(e) }));
  return w;
};
const SINGLE_PAGE = 'nianbao-offline.html';
${page}
}
})();
`, 'the batch script');
  const css = read(join(dist, 'style.css')) + '\n' + read(join(batch, 'batch.css'));
  const scripts = [compat, { id: 'nianbao-batch', text }];
  let html = read(join(root, 'www/batch/index.html'));
  html = once(html, '<a href="../index.html" id="single-link">', '<a href="nianbao-offline.html" id="single-link">', 'batch: single link');
  html = once(html, /<a href="\.\.\/nianbao-batch-offline\.html"[^>]*>[^<]*<\/a>/, '', 'batch: get-offline');
  html = once(html, '<html lang="zh-CN">', '<html lang="zh-CN" data-offline="">', 'batch: <html>');
  const out = assemble({
    html, name: 'batch/index.html', title: '年报体检（离线版）· 批量检查', css, scripts,
    wasmB64: b64(join(embed, 'nianbao_embed_bg.wasm')), csp: csp(scripts, css),
  });
  writeFileSync(join(dist, 'nianbao-batch-offline.html'), out);
}

for (const f of ['nianbao-offline.html', 'nianbao-batch-offline.html']) {
  const bytes = readFileSync(join(dist, f));
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`offline: ${f} ${kb(bytes.length)} KB raw, ${kb(gzipSync(bytes, { level: 9 }).length)} KB gzip -9`);
}
