/* 年报体检: the first script, plain ES5 (it must parse in IE 11). Below the support matrix (no
 * WebAssembly reference types: IE, Chromium < 96, Firefox < 79, Safari < 15) it marks
 * <html data-unsupported>: style.css shows the page's #unsupported message alone, boot.js stays out.
 * Else: the CSP allows 'unsafe-eval' only for engines that ignore 'wasm-unsafe-eval' (Chromium < 97,
 * Safari < 16); where a throwaway frame shows 'wasm-unsafe-eval' works, the same policy without
 * 'unsafe-eval' is added as a second one (policies only add up): <html data-csp-eval="closed">. */
(function (doc) {
  var root = doc.documentElement;
  var MAGIC = [0, 97, 115, 109, 1, 0, 0, 0];
  // (module (type (func (param externref)))): reference types, the floor of rustc's wasm.
  if (!(typeof WebAssembly == 'object' && WebAssembly.validate(new Uint8Array(MAGIC.concat([1, 5, 1, 96, 1, 111, 0]))))) {
    root.setAttribute('data-unsupported', ''); // style.css then shows only #unsupported
    return;
  }
  /** Whether wasm compiles under `policy` too, tried in a throwaway same-origin frame (for tests too). */
  function compilesUnder(policy) {
    var frame = doc.createElement('iframe');
    frame.style.display = 'none';
    doc.body.appendChild(frame);
    try {
      var w = frame.contentWindow, meta = w.document.createElement('meta');
      meta.httpEquiv = 'Content-Security-Policy';
      meta.content = policy;
      w.document.head.appendChild(meta);
      new w.WebAssembly.Module(new w.Uint8Array(MAGIC));
      return true;
    } catch (e) {
      return false;
    } finally {
      doc.body.removeChild(frame);
    }
  }
  window.nianbaoCompilesUnder = compilesUnder;
  var csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
  if (!csp || csp.content.indexOf(" 'unsafe-eval'") < 0) return;
  var strict = csp.content.replace(/ 'unsafe-eval'/g, '');
  var ok = compilesUnder(strict);
  root.setAttribute('data-csp-eval', ok ? 'closed' : 'open');
  if (ok) {
    var meta = doc.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = strict;
    doc.head.appendChild(meta);
  }
})(document);
