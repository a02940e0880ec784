/* 年报体检: the first script, plain ES5 (it must parse in IE 11). Below the support matrix (no
 * WebAssembly reference types: IE, Chromium < 96, Firefox < 79, Safari < 15) it marks
 * <html data-unsupported>: style.css shows the page's #unsupported message alone, boot.js stays out.
 * Else: the CSP allows 'unsafe-eval' only for engines that ignore 'wasm-unsafe-eval' (Chromium < 97,
 * Safari < 16): in all others the same policy without 'unsafe-eval' is added as a second one at once
 * (policies only add up), <html data-csp-eval="closed">. */
(function (doc) {
  var root = doc.documentElement;
  var MAGIC = [0, 97, 115, 109, 1, 0, 0, 0];
  // (module (type (func (param externref)))): reference types, the floor of rustc's wasm.
  if (!(typeof WebAssembly == 'object' && WebAssembly.validate(new Uint8Array(MAGIC.concat([1, 5, 1, 96, 1, 111, 0]))))) {
    root.setAttribute('data-unsupported', ''); // style.css then shows only #unsupported
    return;
  }
  // 'wasm-unsafe-eval' came in Chromium 97, Firefox 102, Safari 16. No script can ask which keywords
  // its CSP understands, so tell by features of the same releases: findLast (Chromium 97, Firefox 104,
  // Safari 15.4) and SharedWorker (Safari 16; always in desktop Chromium and Firefox). A browser
  // that fails this keeps 'unsafe-eval' until boot.js locks the page after load.
  var csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
  if (!csp || csp.content.indexOf(" 'unsafe-eval'") < 0) return;
  var closed = typeof [].findLast == 'function' && typeof SharedWorker == 'function';
  root.setAttribute('data-csp-eval', closed ? 'closed' : 'open');
  if (closed) {
    var meta = doc.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = csp.content.replace(/ 'unsafe-eval'/g, '');
    doc.head.appendChild(meta);
  }
})(document);
