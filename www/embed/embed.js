/*! 年报体检 widget — checks the 政府信息公开工作年度报告 shown on this page, in the browser.
 *
 *   <script src="/nianbao/embed.js" data-target="#zoom" defer></script>
 *   or  <script src="/nianbao/embed.js" defer></script> … <nianbao-check for="zoom"></nianbao-check>
 *
 * Plain script: no framework, no inline code, no eval. It loads nianbao_embed.js and
 * nianbao_embed_bg.wasm from its own directory and nothing else. Its UI lives in a shadow root.
 * It changes the host page only when asked ("在页面中标出": a data-nianbao-mark attribute on the
 * host's own <td>, <mark data-nianbao-mark> around sentences) and "清除标记" restores the host DOM
 * exactly. Any failure (no target, no report, no WebAssembly, a load error) leaves the page untouched
 * and logs one console line. See docs/embed.md.
 */
(function () {
  'use strict';
  var TAG = 'nianbao-check';
  var LOG = '[年报体检]';
  var DEFAULT_TARGETS = '#zoom, .TRS_Editor, #ivs_content, .article-content';
  var MARK = 'data-nianbao-mark';
  var LIKELY = /政府信息公开/; // cheap test before loading the wasm: most CMS articles are not reports
  // CMS templates often fill the article in after load (scripts, AJAX): when there is no report yet,
  // the page is watched this long and checked once one shows up.
  var WATCH_MS = 15000;
  if (typeof window === 'undefined' || !window.customElements || !window.HTMLElement) {
    if (typeof console !== 'undefined') console.info(LOG + ' 浏览器过旧，未启用');
    return;
  }
  if (customElements.get(TAG)) return; // loaded twice

  var script = document.currentScript;
  if (!script) {
    var all = document.querySelectorAll('script[src]');
    for (var k = 0; k < all.length; k++) if (/(^|\/)embed\.js([?#]|$)/.test(all[k].src)) script = all[k];
  }
  var base = new URL('.', script && script.src ? script.src : document.baseURI);

  // ---------------------------------------------------------------- who sees it (docs/embed.md)
  // data-audience="editors" (on the script or on <nianbao-check>): only in an editor's browser, never
  // to the public. An editor's browser is one where a page of the site was opened once with
  // #nianbao=editor (remembered in localStorage, per site; #nianbao=off forgets it), or a page whose
  // address matches data-preview (a regular expression naming the CMS's preview addresses).
  var EDITOR_KEY = 'nianbao.audience';
  function editorBrowser(el) {
    var m = /[?&#]nianbao=(editor|off)\b/.exec(location.search + location.hash);
    try {
      if (m && m[1] === 'editor') localStorage.setItem(EDITOR_KEY, 'editor');
      if (m && m[1] === 'off') localStorage.removeItem(EDITOR_KEY);
      if (localStorage.getItem(EDITOR_KEY) === 'editor') return true;
    } catch (e) {
      if (m && m[1] === 'editor') return true; // no storage: this page only
    }
    var preview = (el && el.getAttribute('data-preview')) || (script && script.getAttribute('data-preview'));
    try { return !!preview && new RegExp(preview).test(location.href); } catch (e) { return false; }
  }
  function shown(el) {
    var who = (el && el.getAttribute('data-audience')) || (script && script.getAttribute('data-audience'));
    if (who !== 'editors' || editorBrowser(el)) return true;
    console.info(LOG + ' 仅对编辑显示（data-audience="editors"），本浏览器未开启');
    return false;
  }

  // ---------------------------------------------------------------- loading the checker (once)
  var api = null;
  function loadApi() {
    if (!api) {
      api = (async function () {
        if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
          throw new Error('此浏览器不支持 WebAssembly');
        }
        var mod = await import(new URL('nianbao_embed.js', base).href);
        var res = await fetch(new URL('nianbao_embed_bg.wasm', base), { credentials: 'same-origin' });
        if (!res.ok) throw new Error('nianbao_embed_bg.wasm: HTTP ' + res.status);
        // Streaming compile needs the application/wasm type; otherwise compile from the bytes
        // (wasm-bindgen would log a warning about the type).
        var wasm = /^application\/wasm/.test(res.headers.get('content-type') || '') ? res : await res.arrayBuffer();
        await mod.default({ module_or_path: wasm });
        return mod;
      })();
    }
    return api;
  }

  // ---------------------------------------------------------------- host DOM → text with a map back
  var BLOCK = new Set(('p div br h1 h2 h3 h4 h5 h6 li ul ol section article header footer nav aside main ' +
    'blockquote pre hr dl dt dd table tr td th caption figure figcaption form center address tbody thead ' +
    'tfoot body html').split(' '));
  var SKIP = new Set('script style noscript template textarea title xmp iframe object svg math select button'.split(' '));
  var WS = /[ \t\n\r\f\u00a0]/;

  function hidden(el) {
    if (el.hasAttribute('hidden')) return true;
    var s = (el.getAttribute('style') || '').replace(/\s+/g, '').toLowerCase();
    return s.indexOf('display:none') >= 0 || s.indexOf('visibility:hidden') >= 0;
  }

  /** Text being built: `segs` map text offsets (UTF-16) back to host text nodes. */
  function Buf() {
    this.text = '';
    this.segs = []; // {t, n, node, off, len, verb}
  }
  Buf.prototype.endsWithSpace = function () {
    var c = this.text.charAt(this.text.length - 1);
    return this.text === '' || c === ' ' || c === '\n' || c === '\t';
  };
  Buf.prototype.raw = function (s) { this.text += s; };
  Buf.prototype.node = function (node) {
    var d = node.data, i = 0, from = 0;
    var flush = (to) => {
      if (to > from) {
        this.segs.push({ t: this.text.length, n: to - from, node: node, off: from, len: to - from, verb: true });
        this.text += d.slice(from, to);
      }
    };
    while (i < d.length) {
      if (WS.test(d[i])) {
        flush(i);
        var j = i;
        while (j < d.length && WS.test(d[j])) j++;
        if (!this.endsWithSpace()) {
          this.segs.push({ t: this.text.length, n: 1, node: node, off: i, len: j - i, verb: false });
          this.text += ' ';
        }
        i = from = j;
      } else i++;
    }
    flush(d.length);
  };
  Buf.prototype.trimEnd = function () {
    while (this.text.endsWith(' ')) this.text = this.text.slice(0, -1);
    var end = this.text.length;
    while (this.segs.length && this.segs[this.segs.length - 1].t >= end) this.segs.pop();
    var last = this.segs[this.segs.length - 1];
    if (last && last.t + last.n > end) { last.n = end - last.t; if (last.verb) last.len = last.n; }
  };
  Buf.prototype.newline = function () {
    this.trimEnd();
    if (this.text && !this.text.endsWith('\n')) this.text += '\n';
  };
  Buf.prototype.append = function (o) {
    var b = this.text.length;
    this.text += o.text;
    for (var i = 0; i < o.segs.length; i++) this.segs.push(Object.assign({}, o.segs[i], { t: o.segs[i].t + b }));
    return b;
  };

  function isValueLike(s) {
    return (s.length > 0 && Array.from(s).length <= 12 && /[0-9\/\-—无]/.test(s) && !/[\u3400-\u9fff\uf900-\ufaff]/.test(s)) ||
      s === '无' || s === '/' || s === '-' || s === '—' || s === '——';
  }

  /** The text of a host element the way the checker reads HTML: one line per paragraph, one line
   *  per table row with tab-separated cells (row/column spans on a slot grid). */
  function extract(root) {
    var out = new Buf();
    var cells = []; // {start, end, td}
    function walk(el, buf, inCell) {
      for (var ch = el.firstChild; ch; ch = ch.nextSibling) {
        if (ch.nodeType === 3) { buf.node(ch); continue; }
        if (ch.nodeType !== 1) continue;
        var name = ch.localName;
        if (SKIP.has(name) || name === TAG || hidden(ch)) continue;
        if (!inCell && name === 'table' && !ch.querySelector('table')) { table(ch); continue; }
        var block = BLOCK.has(name);
        if (block) {
          if (inCell) { if (!buf.endsWithSpace()) buf.raw(' '); } else buf.newline();
        }
        walk(ch, buf, inCell);
        if (block && !inCell) buf.newline();
      }
    }
    function table(t) {
      out.newline();
      var rows = [];
      t.querySelectorAll('tr').forEach(function (tr) {
        if (tr.closest('table') === t && !hidden(tr)) rows.push(Array.prototype.filter.call(tr.cells, function (c) { return !hidden(c); }));
      });
      var grid = rows.map(function () { return []; });
      rows.forEach(function (row, r) {
        var col = 0;
        row.forEach(function (td, c) {
          while (grid[r][col]) col++;
          var rs = Math.max(1, Math.min(Math.min(1000, td.rowSpan || 1), rows.length - r));
          var cs = Math.max(1, Math.min(1000, td.colSpan || 1));
          for (var y = r; y < r + rs; y++) for (var x = col; x < col + cs; x++) if (!grid[y][x]) grid[y][x] = [r, c];
        });
      });
      var texts = rows.map(function (row) {
        return row.map(function (td) { var b = new Buf(); walk(td, b, true); b.trimEnd(); return b; });
      });
      grid.forEach(function (slots, r) {
        var line = new Buf(), first = true, last = null, ranges = [];
        for (var x = 0; x < slots.length; x++) {
          var s = slots[x];
          if (!s || (last && last[0] === s[0] && last[1] === s[1])) continue;
          last = s;
          var v = texts[s[0]][s[1]];
          if (s[0] !== r && !isValueLike(v.text.trim())) continue;
          if (!first) line.raw('\t');
          first = false;
          var at = line.append(v);
          ranges.push({ start: at, end: at + v.text.length, td: rows[s[0]][s[1]] });
        }
        if (!line.text.trim()) return;
        out.newline();
        var b = out.append(line);
        ranges.forEach(function (g) { cells.push({ start: g.start + b, end: g.end + b, td: g.td }); });
        out.newline();
      });
    }
    walk(root, out, false);
    out.trimEnd();
    while (out.text.endsWith('\n')) out.text = out.text.slice(0, -1);
    return { text: out.text, segs: out.segs, cells: cells };
  }

  /** Where a finding is in the host: its <td>, or the text-node ranges of its span. */
  function locate(ex, f) {
    var s = f.span16[0], e = f.span16[1];
    for (var i = 0; i < ex.cells.length; i++) {
      var c = ex.cells[i];
      if (s >= c.start && (s < c.end || (s === c.end && e === s))) return { td: c.td };
    }
    var ranges = [];
    for (var j = 0; j < ex.segs.length; j++) {
      var g = ex.segs[j];
      var a = Math.max(s, g.t), b = Math.min(e, g.t + g.n);
      if (a >= b) {
        if (s === e && s >= g.t && s <= g.t + g.n && !ranges.length) ranges.push({ node: g.node, s: g.off, e: g.off });
        continue;
      }
      if (g.verb) ranges.push({ node: g.node, s: g.off + (a - g.t), e: g.off + (b - g.t) });
      else ranges.push({ node: g.node, s: g.off, e: g.off + g.len });
    }
    return ranges.length ? { ranges: ranges } : null;
  }

  // ---------------------------------------------------------------- styles (constructable sheets: no CSP style-src needed)
  var UI_CSS = [
    ':host{display:block;position:sticky;top:8px;z-index:2147483000;margin:8px 0;font:14px/1.6 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2328;text-align:left;text-indent:0}',
    '*{box-sizing:border-box}',
    'button{font:inherit;cursor:pointer}',
    '.badge{display:inline-flex;align-items:center;gap:6px;border:1px solid #d0d7de;border-radius:999px;padding:3px 12px;background:#fff;color:inherit;box-shadow:0 1px 3px rgba(0,0,0,.12)}',
    '.badge::before{content:"";width:10px;height:10px;border-radius:50%;background:#1a7f37}',
    '.badge.error::before{background:#d1242f}.badge.warning::before{background:#bf8700}',
    '.badge:focus-visible,.panel button:focus-visible{outline:2px solid #0969da;outline-offset:2px}',
    '.panel{margin-top:6px;background:#fff;border:1px solid #d0d7de;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.15);max-height:45vh;overflow:auto;padding:8px 10px}',
    '.panel[hidden]{display:none}',
    '.bar{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:6px}',
    '.bar button{border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa;padding:2px 10px;color:inherit}',
    '.bar button:disabled{opacity:.5;cursor:default}',
    '.meta{color:#59636e;font-size:12px}',
    'ol{list-style:none;margin:0;padding:0}',
    'li{border-top:1px solid #eef0f2}',
    '.item{display:block;width:100%;text-align:left;border:0;background:none;padding:5px 2px;color:inherit}',
    '.item:hover{background:#f6f8fa}',
    '.sev{display:inline-block;min-width:2.6em;text-align:center;border-radius:4px;font-size:12px;margin-right:6px;color:#fff;background:#59636e}',
    '.sev.error{background:#d1242f}.sev.warning{background:#9a6700}.sev.info{background:#0969da}',
    'code{font:12px ui-monospace,monospace;color:#59636e;margin-right:6px}',
    '.note{margin:6px 0 0;color:#59636e;font-size:12px}',
  ].join('\n');
  var HOST_CSS = [
    'td[' + MARK + '],th[' + MARK + ']{outline:3px solid #d1242f !important;outline-offset:-3px;background-color:#ffebe9 !important}',
    'td[' + MARK + '="warning"],th[' + MARK + '="warning"]{outline-color:#bf8700 !important;background-color:#fff8c5 !important}',
    'td[' + MARK + '="info"],th[' + MARK + '="info"]{outline-color:#0969da !important;background-color:#ddf4ff !important}',
    'mark[' + MARK + ']{background:#ffebe9;color:inherit;box-shadow:inset 0 -2px #d1242f}',
    'mark[' + MARK + '="warning"]{background:#fff8c5;box-shadow:inset 0 -2px #bf8700}',
    'mark[' + MARK + '="info"]{background:#ddf4ff;box-shadow:inset 0 -2px #0969da}',
  ].join('\n');
  function sheet(css) {
    try { var s = new CSSStyleSheet(); s.replaceSync(css); return s; } catch (e) { return null; }
  }
  var hostSheet = null;
  function addHostSheet() {
    if (hostSheet) return;
    hostSheet = sheet(HOST_CSS);
    if (hostSheet && 'adoptedStyleSheets' in document) document.adoptedStyleSheets = document.adoptedStyleSheets.concat([hostSheet]);
  }

  var RANK = { info: 0, warning: 1, error: 2 };
  var ZH = { error: '错误', warning: '警告', info: '提示' };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function summary(findings) {
    var n = { error: 0, warning: 0, info: 0 };
    findings.forEach(function (f) { n[f.severity] = (n[f.severity] || 0) + 1; });
    var parts = [];
    if (n.error) parts.push(n.error + ' 个错误');
    if (n.warning) parts.push(n.warning + ' 个警告');
    if (n.info) parts.push(n.info + ' 条提示');
    return { counts: n, text: '年报体检：' + (parts.length ? parts.join('、') : '未发现问题') };
  }

  /**
   * Calls `done(target)` with the element `find()` returns once its text looks like a report: at once,
   * or when the page changes within WATCH_MS. `why(reason)` is called once if it is not there yet.
   */
  function whenReport(find, why, done) {
    var look = function () {
      var t = find();
      return t && LIKELY.test(t.textContent || '') ? t : null;
    };
    var now = look();
    if (now) { done(now); return; }
    why(find() ? '页面中没有政府信息公开年报，不做检查' : '未找到报告正文，不做检查');
    if (!window.MutationObserver) return;
    var pending = null;
    var obs = new MutationObserver(function () {
      if (pending) return;
      pending = setTimeout(function () {
        pending = null;
        var t = look();
        if (t) { obs.disconnect(); done(t); }
      }, 300);
    });
    obs.observe(document.body || document.documentElement, { childList: true, subtree: true, characterData: true });
    setTimeout(function () { obs.disconnect(); }, WATCH_MS);
  }

  // ---------------------------------------------------------------- the element
  class NianbaoCheck extends HTMLElement {
    connectedCallback() {
      if (this._started) return;
      this._started = true;
      if (this._target) return; // created by the loader, which runs the check itself
      if (!shown(this)) return;
      var id = this.getAttribute('for');
      var self = this;
      whenReport(
        function () { return id ? document.getElementById(id) : document.querySelector(DEFAULT_TARGETS); },
        function (why) { console.info(LOG + ' ' + why + '（' + (id ? '#' + id : DEFAULT_TARGETS) + '）'); },
        function (target) { run(target, self); });
    }

    /** The last check's result (contract.md §3 JSON with span16), or null. */
    get result() { return this._result || null; }
    /** The text the widget built from the host element and checked. */
    get sourceText() { return this._ex ? this._ex.text : null; }

    _show(target, ex, result) {
      this._target = target;
      this._ex = ex;
      this._result = result;
      this._undo = null;
      var root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      root.textContent = '';
      var ui = sheet(UI_CSS);
      if (ui && 'adoptedStyleSheets' in root) root.adoptedStyleSheets = [ui];
      else root.appendChild(el('style', null, UI_CSS));
      var sum = summary(result.findings);
      var worst = sum.counts.error ? 'error' : sum.counts.warning ? 'warning' : '';
      var badge = el('button', 'badge ' + worst, sum.text);
      badge.type = 'button';
      badge.setAttribute('aria-expanded', 'false');
      badge.setAttribute('aria-controls', 'panel');
      badge.setAttribute('part', 'badge');
      var panel = el('div', 'panel');
      panel.id = 'panel';
      panel.hidden = true;
      panel.setAttribute('part', 'panel');
      var bar = el('div', 'bar');
      var markBtn = el('button', 'mark', '在页面中标出');
      var clearBtn = el('button', 'clear', '清除标记');
      markBtn.type = clearBtn.type = 'button';
      clearBtn.disabled = true;
      var r = result.report;
      var meta = [r.org, r.year ? r.year + ' 年度' : '', r.format !== 'unknown' ? r.format + ' 格式' : ''].filter(Boolean).join(' · ');
      bar.append(markBtn, clearBtn, el('span', 'meta', meta));
      var list = el('ol', 'list');
      result.findings.forEach((f, i) => {
        var li = el('li');
        var b = el('button', 'item');
        b.type = 'button';
        b.dataset.i = String(i);
        b.dataset.rule = f.rule;
        b.title = f.help || '';
        b.append(el('span', 'sev ' + f.severity, ZH[f.severity] || f.severity), el('code', null, f.rule), el('span', 'msg', f.message));
        b.addEventListener('click', () => this.reveal(i));
        li.appendChild(b);
        list.appendChild(li);
      });
      var note = el('p', 'note', '在本页浏览器内检查，报告不上传。标记只改动本页显示，清除后原样恢复。');
      panel.append(bar, list, note);
      badge.addEventListener('click', function () {
        panel.hidden = !panel.hidden;
        badge.setAttribute('aria-expanded', String(!panel.hidden));
      });
      panel.addEventListener('keydown', function (e) {
        if (e.key === 'Escape') { panel.hidden = true; badge.setAttribute('aria-expanded', 'false'); badge.focus(); }
      });
      markBtn.addEventListener('click', () => { this.mark(); markBtn.disabled = true; clearBtn.disabled = false; });
      clearBtn.addEventListener('click', () => { this.clearMarks(); markBtn.disabled = false; clearBtn.disabled = true; });
      this._buttons = [markBtn, clearBtn];
      root.append(badge, panel);
      if (window.performance && performance.mark) performance.mark('nianbao:badge');
      this.dispatchEvent(new CustomEvent('nianbao:checked', { detail: result, bubbles: true }));
    }

    /** Marks every located finding in the host page; returns the number of marked places. */
    mark() {
      if (this._undo || !this._result) return 0;
      addHostSheet();
      var ex = this._ex, undo = [], tds = new Map(), texts = new Map(), places = [];
      this._result.findings.forEach(function (f, i) {
        var at = locate(ex, f);
        places[i] = at;
        if (!at) return;
        if (at.td) {
          var cur = tds.get(at.td);
          if (!cur || RANK[f.severity] > RANK[cur]) tds.set(at.td, f.severity);
        } else {
          at.ranges.forEach(function (g) {
            if (g.e <= g.s) return;
            if (!texts.has(g.node)) texts.set(g.node, []);
            texts.get(g.node).push({ s: g.s, e: g.e, sev: f.severity, i: i });
          });
        }
      });
      tds.forEach(function (sev, td) {
        var before = td.getAttribute(MARK);
        td.setAttribute(MARK, sev);
        undo.push(function () { if (before === null) td.removeAttribute(MARK); else td.setAttribute(MARK, before); });
      });
      var marksOf = [];
      texts.forEach(function (ranges, node) {
        ranges.sort(function (a, b) { return a.s - b.s || b.e - a.e; });
        var merged = [];
        ranges.forEach(function (g) {
          var last = merged[merged.length - 1];
          if (last && g.s < last.e) {
            last.e = Math.max(last.e, g.e);
            if (RANK[g.sev] > RANK[last.sev]) last.sev = g.sev;
            last.is.push(g.i);
          } else merged.push({ s: g.s, e: g.e, sev: g.sev, is: [g.i] });
        });
        var orig = node.data, added = [];
        merged.forEach(function (g, k) {
          var m = document.createElement('mark');
          m.setAttribute(MARK, g.sev);
          m.textContent = orig.slice(g.s, g.e);
          added.push(m);
          g.is.forEach(function (i) { if (!marksOf[i]) marksOf[i] = m; });
          var next = k + 1 < merged.length ? merged[k + 1].s : orig.length;
          if (next > g.e) added.push(document.createTextNode(orig.slice(g.e, next)));
        });
        node.data = orig.slice(0, merged[0].s);
        node.after.apply(node, added);
        undo.push(function () { added.forEach(function (n) { n.remove(); }); node.data = orig; });
      });
      this._undo = undo;
      this._places = places;
      this._marksOf = marksOf;
      if (this._buttons) { this._buttons[0].disabled = true; this._buttons[1].disabled = false; }
      return tds.size + marksOf.filter(Boolean).length;
    }

    /** Removes every mark: the host DOM is exactly as before `mark()`. */
    clearMarks() {
      if (!this._undo) return;
      for (var i = this._undo.length - 1; i >= 0; i--) this._undo[i]();
      this._undo = null;
      this._marksOf = null;
      if (this._buttons) { this._buttons[0].disabled = false; this._buttons[1].disabled = true; }
    }

    /** Scrolls to finding `i` in the host page and flashes it (Web Animations: no DOM change). */
    reveal(i) {
      var f = this._result && this._result.findings[i];
      if (!f) return null;
      var at = (this._places && this._places[i]) || locate(this._ex, f);
      var target = (this._marksOf && this._marksOf[i]) || (at && (at.td || (at.ranges[0].node.parentElement))) || this._target;
      target.scrollIntoView({ block: 'center' });
      // The widget sticks to the top of the window with its panel open: centre the target in what
      // it leaves free below it, so that the panel never covers what it just showed.
      var t = target.getBoundingClientRect(), w = this.getBoundingClientRect();
      if (w.bottom > t.top && w.top < t.bottom) {
        var free = Math.max(w.bottom + 8, 0);
        var want = free + Math.max(0, (innerHeight - free - t.height) / 2);
        window.scrollBy(0, t.top - want);
      }
      if (target.animate) {
        target.animate([{ outline: '3px solid #0969da', outlineOffset: '1px' }, { outline: '3px solid rgba(9,105,218,0)', outlineOffset: '1px' }],
          { duration: 1400, easing: 'ease-out' });
      }
      return target;
    }

    /** Checks the host element again (e.g. after a CMS editor changed it); clears marks first. */
    recheck() {
      this.clearMarks();
      return this._target ? run(this._target, this) : Promise.resolve(null);
    }
  }
  async function run(target, host) {
    var ex = extract(target);
    if (!LIKELY.test(ex.text)) { console.info(LOG + ' 页面中没有政府信息公开年报，不做检查'); return null; }
    var mod;
    try { mod = await loadApi(); } catch (e) { console.warn(LOG + ' 检查器载入失败：' + (e && e.message ? e.message : e)); return null; }
    var result;
    try { result = mod.check(ex.text, { path: location.pathname }); } catch (e) { console.warn(LOG + ' 检查出错：' + e); return null; }
    var r = result.report;
    if (!r.cells.length && r.sections.length < 2) { console.info(LOG + ' 页面中没有政府信息公开年报，不做检查'); return null; }
    if (!host) {
      host = document.createElement(TAG);
      host._target = target; // before connecting: the element must not start on its own
      target.parentNode.insertBefore(host, target);
    }
    host._show(target, ex, result);
    return result;
  }

  // Defined last: upgrading <nianbao-check> elements already in the page runs connectedCallback now.
  customElements.define(TAG, NianbaoCheck);

  function start() {
    var sel = script && script.getAttribute('data-target');
    if (!sel && document.querySelector(TAG)) return; // the page places <nianbao-check> itself
    if (!shown(null)) return;
    var find = function () {
      try { return document.querySelector(sel || DEFAULT_TARGETS); } catch (e) { return null; } // invalid selector
    };
    whenReport(find, function (why) { console.info(LOG + ' ' + why + '（' + (sel || DEFAULT_TARGETS) + '）'); },
      function (target) { run(target, null); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
