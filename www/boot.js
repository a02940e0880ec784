// Loads the app without an inline script, so the Content-Security-Policy can forbid inline code.
// offline:begin — scripts/build-offline.mjs swaps this part for the one-file build (no files, no fetch).
import init from './nianbao-web.js';

const newWorker = () => new Worker(new URL('./check-worker.js', import.meta.url), { type: 'module' });

/** Compiles the app's wasm once: the page instantiates it, and the check worker gets the same module. */
async function compile() {
  const res = await fetch(new URL('./nianbao-web_bg.wasm', import.meta.url));
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  if (WebAssembly.compileStreaming && res.headers.get('content-type') === 'application/wasm') {
    return WebAssembly.compileStreaming(res);
  }
  return WebAssembly.compile(await res.arrayBuffer());
}

/** The rules' documentation, imported when 为什么/依据 is first opened (src/web/rule_docs.rs). */
window.nianbaoRuleDocs = (done) => import('./lazy/rule-docs.js').then((m) => done(m.default), () => done(null));
/** The 示例报告, imported when the button is pressed (src/web/app.rs). */
window.nianbaoSample = (done) => import('./lazy/sample.js').then((m) => done(m.default), () => done(null));
// offline:end

/**
 * After the .wasm is in, forbid every connection, and eval where compat.js could not (Chromium 96,
 * Safari 15: they ignore 'wasm-unsafe-eval', so this also stops any later wasm compile there).
 * Policies only ever add up, so this one sticks.
 */
function lockDown() {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "connect-src 'none'; script-src 'self' 'wasm-unsafe-eval'";
  document.head.appendChild(meta);
}

/**
 * Starts the check worker (check-worker.js) at once, so that its scripts load with the page, and
 * offers the app `window.nianbaoCheck(text, previous, today, done)`: `done` gets a Uint8Array
 * (src/web/wire.rs) or an error message. Returns a function that hands the worker the compiled
 * module. Without module workers there is no `nianbaoCheck`, and the app checks large drafts on
 * the page, on demand. `<html data-check-worker>` says "ready" or "failed" (for tests).
 */
function startWorker() {
  let worker;
  try {
    worker = newWorker();
  } catch {
    return () => {};
  }
  const waiting = new Map();
  let next = 0;
  const fail = (message) => {
    delete window.nianbaoCheck;
    document.documentElement.dataset.checkWorker = 'failed';
    for (const done of waiting.values()) done(`后台检查出错：${message}`);
    waiting.clear();
  };
  worker.onmessage = ({ data }) => {
    if (data.ready) {
      document.documentElement.dataset.checkWorker = 'ready';
      return;
    }
    if (data.failed) {
      fail(data.failed);
      return;
    }
    const done = waiting.get(data.id);
    waiting.delete(data.id);
    done?.(data.bytes ?? `后台检查出错：${data.error}`);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    fail(e.message || '检查线程无法启动');
  };
  window.nianbaoCheck = (text, previous, today, done) => {
    const id = ++next;
    waiting.set(id, done);
    worker.postMessage({ id, text, previous, today });
  };
  return (module) => worker.postMessage({ module });
}

// Unless compat.js found the browser below the support matrix (and said so on the page).
if (!document.documentElement.hasAttribute('data-unsupported')) {
  const giveModule = startWorker();
  compile()
    .then((module) => {
      giveModule(module);
      return init({ module_or_path: module });
    })
    .then(lockDown)
    .catch((e) => {
      lockDown();
      const app = document.getElementById('app');
      if (app) app.textContent = '检查器载入失败：' + e;
    });
}
