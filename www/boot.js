// Loads the app without an inline script, so the Content-Security-Policy can forbid inline code.
import init from './nianbao-web.js';

/** After the .wasm is in, forbid every connection: policies only ever add up, so this one sticks. */
function lockDown() {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "connect-src 'none'";
  document.head.appendChild(meta);
}

init({ module_or_path: new URL('./nianbao-web_bg.wasm', import.meta.url) })
  .then(lockDown)
  .catch((e) => {
    lockDown();
    const app = document.getElementById('app');
    if (app) app.textContent = '检查器载入失败：' + e;
  });
