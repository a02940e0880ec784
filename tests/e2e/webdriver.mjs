// A small W3C WebDriver client (fetch) and the three engines' drivers, for engines.e2e.mjs:
//   chromium  /usr/bin/chromedriver + /usr/bin/chromium           (Debian chromium, chromium-driver)
//   firefox   ~/.cargo/bin/geckodriver + /usr/bin/firefox-esr     (cargo install geckodriver; Debian firefox-esr)
//   webkitgtk /usr/bin/WebKitWebDriver + WebKitGTK's MiniBrowser  (Debian webkit2gtk-driver; needs a display: xvfb-run)
// Only the commands the tests use. No browser is ever downloaded.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

function which(names) {
  for (const n of names) {
    if (n.startsWith('/')) { if (existsSync(n)) return n; continue; }
    for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, n))) return join(dir, n);
  }
  return null;
}

/** WebKitGTK's MiniBrowser (shipped with libwebkit2gtk in Debian, not on PATH). */
function miniBrowser() {
  for (const lib of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib', '/usr/libexec']) {
    if (!existsSync(lib)) continue;
    for (const d of readdirSync(lib).filter((n) => /^webkit2?gtk-[0-9.]+$/.test(n)).sort().reverse()) {
      const p = join(lib, d, 'MiniBrowser');
      if (existsSync(p)) return p;
    }
  }
  return null;
}

// Chromium flags for a closed network (../shared/spec/toolchain.md), as the Playwright suites use.
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1280,900'];
// Firefox: no update, telemetry, captive-portal or remote-settings traffic on a closed network.
const FIREFOX_PREFS = {
  'app.update.enabled': false, 'app.update.auto': false, 'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false, 'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false, 'services.settings.server': 'data:,', 'intl.accept_languages': 'zh-CN',
  'dom.disable_open_during_load': false,
};

/** The engines: how to start each driver and which capabilities ask for Debian's browser. */
export const ENGINES = {
  chromium: {
    driver: () => which(['/usr/bin/chromedriver', 'chromedriver']),
    args: (port) => [`--port=${port}`],
    caps: (profile) => ({
      browserName: 'chrome',
      'goog:chromeOptions': { binary: '/usr/bin/chromium', args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--lang=zh-CN'] },
    }),
  },
  firefox: {
    driver: () => which([join(homedir(), '.cargo/bin/geckodriver'), 'geckodriver']),
    args: (port) => ['--port', String(port), '--log', 'fatal'],
    caps: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: which(['/usr/bin/firefox-esr', '/usr/bin/firefox']), args: ['-headless', '-width=1280', '-height=900'], prefs: FIREFOX_PREFS },
    }),
  },
  webkitgtk: {
    driver: () => which(['/usr/bin/WebKitWebDriver', 'WebKitWebDriver']),
    args: (port) => [`--port=${port}`],
    caps: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
    }),
  },
};

/**
 * Starts `engine`'s driver and a session. Returns the session (methods below) with `name` and
 * `version` as the browser reported them. Throws with the driver's output when it cannot start.
 */
export async function open(engine) {
  const e = ENGINES[engine];
  const bin = e.driver();
  if (!bin) throw new Error(`${engine}: no driver installed`);
  const port = await freePort();
  const profile = await mkdtemp(join(tmpdir(), `nianbao-${engine}-`));
  const proc = spawn(bin, e.args(port), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'zh_CN.UTF-8', TMPDIR: profile } });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${base}/status`);
      if ((await r.json()).value?.ready !== false) break;
    } catch {
      // not listening yet
    }
    if (i > 100 || proc.exitCode !== null) { proc.kill(); throw new Error(`${engine}: driver did not start\n${log}`); }
    await sleep(100);
  }
  const call = async (method, path, body) => {
    const r = await fetch(base + path, {
      method, headers: { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await r.json().catch(() => ({}));
    if (!r.ok || json.value?.error) {
      const v = json.value ?? {};
      throw new Error(`${engine} ${method} ${path.replace(/\/session\/[^/]+/, '')}: ${v.error ?? r.status} ${String(v.message ?? '').split('\n')[0]}`);
    }
    return json.value;
  };
  let created;
  try {
    created = await call('POST', '/session', { capabilities: { alwaysMatch: { ...e.caps(profile), acceptInsecureCerts: false, timeouts: { script: 60000, pageLoad: 60000 } } } });
  } catch (err) {
    proc.kill();
    throw new Error(`${err.message}\n${log.slice(-2000)}`);
  }
  const s = `/session/${created.sessionId}`;
  const el = (id) => ({ [ELEMENT]: id });
  const session = {
    engine,
    name: created.capabilities.browserName,
    version: created.capabilities.browserVersion,
    caps: created.capabilities,
    /** Navigates and waits for the load event. */
    go: (url) => call('POST', `${s}/url`, { url }),
    url: () => call('GET', `${s}/url`),
    /** Runs a function body in the page (`arguments[i]` are the args); returns its value. */
    run: (body, ...args) => call('POST', `${s}/execute/sync`, { script: body, args }),
    /** Like `run`, for a body that awaits: its value is what the returned promise resolves to. */
    runAsync: (body, ...args) => call('POST', `${s}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
        (async (...args) => { ${body} })(...Array.prototype.slice.call(arguments, 0, -1))
          .then((v) => done({ ok: v }), (e) => done({ err: String(e && e.stack || e) }));`,
      args,
    }).then((r) => { if (r && 'err' in r) throw new Error(r.err); return r?.ok; }),
    /** Waits until `body` returns a truthy value (polled in the page); returns it. */
    async waitFor(body, what, timeout = 20000, ...args) {
      const end = Date.now() + timeout;
      for (;;) {
        const v = await session.run(body, ...args);
        if (v) return v;
        if (Date.now() > end) throw new Error(`${engine}: timed out waiting for ${what}`);
        await sleep(100);
      }
    },
    find: async (css) => (await call('POST', `${s}/element`, { using: 'css selector', value: css }))[ELEMENT],
    click: async (css) => call('POST', `${s}/element/${await session.find(css)}/click`, {}),
    /** Types into an element; for <input type=file> the text is a file path (WebDriver's upload). */
    type: async (css, text) => call('POST', `${s}/element/${await session.find(css)}/value`, { text }),
    /** Presses keys on whatever has the focus (Actions API). */
    keys: (text) => call('POST', `${s}/actions`, { actions: [{ type: 'key', id: 'kbd', actions: [...text].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }]) }] }),
    size: (width, height) => call('POST', `${s}/window/rect`, { width, height }),
    screenshot: async () => Buffer.from(await call('GET', `${s}/screenshot`), 'base64'),
    element: el,
    async close() {
      try { await call('DELETE', s); } catch { /* the browser may be gone already */ }
      proc.kill();
      await new Promise((ok) => { if (proc.exitCode !== null) ok(); else { proc.once('exit', ok); setTimeout(ok, 3000); } });
      await rm(profile, { recursive: true, force: true });
    },
  };
  return session;
}
