// Measures the embeddable widget: the gzip size of what it loads, and the time to first badge on the
// mock portal page (navigation start → the badge is in the page, from the widget's own
// performance.mark('nianbao:badge')), median over N cold loads (fresh page, no HTTP cache).
//
//   scripts/build-embed.sh && node scripts/measure-embed.mjs [runs=15]
//
// Needs tests/e2e/node_modules (playwright-core) and /usr/bin/chromium.
import { readFile, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'dist/embed');
const { serve, launch } = await import(join(root, 'tests/e2e/run.mjs'));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
const runs = Number(process.argv[2] ?? 15);

let total = 0;
const sizes = [];
for (const f of ['embed.js', 'nianbao_embed.js', 'nianbao_embed_bg.wasm']) {
  const raw = await readFile(join(dir, f));
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  sizes.push(`${f} ${(raw.length / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`);
}
console.log(`widget loads ${(total / 1024).toFixed(1)} KB gzip -9:\n  ${sizes.join('\n  ')}`);

const { server, url } = await serve(dir, '/portal/nianbao/');
server.prependListener('request', (_req, res) => res.setHeader('content-security-policy', CSP));
const { context, profile } = await launch();
const times = [];
const checks = [];
for (let i = 0; i < runs; i++) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url + 'demo-portal.html', { waitUntil: 'load' });
  await page.locator('nianbao-check .badge').waitFor({ timeout: 15000 });
  const t = await page.evaluate(() => performance.getEntriesByName('nianbao:badge')[0].startTime);
  // The check alone, warm: the JS API on the text the widget built.
  const c = await page.evaluate(async (u) => {
    const m = await import(u + 'nianbao_embed.js');
    const text = document.querySelector('nianbao-check').sourceText;
    const t0 = performance.now();
    for (let k = 0; k < 20; k++) m.check(text, {});
    return (performance.now() - t0) / 20;
  }, url);
  times.push(t);
  checks.push(c);
  await page.close();
}
await context.close();
server.close();
await rm(profile, { recursive: true, force: true });
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
console.log(`time to first badge (navigation start → badge, cold, local server): median ${med(times).toFixed(0)} ms ` +
  `(${runs} runs, min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`);
console.log(`check() of the portal report, warm: median ${med(checks).toFixed(2)} ms`);
