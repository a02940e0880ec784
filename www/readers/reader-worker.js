// 年报体检 · the app's file reader: a module worker started by the page when a Word/WPS document or a
// PDF is opened (src/web/dom.rs), so that reading never blocks the page. Message in: {bytes}
// (an ArrayBuffer); out: {kind, html, pages}, {kind: 'text'}, or {error} (the message for people).
import { readFile } from './readers.js';

onmessage = async ({ data }) => {
  try {
    postMessage(await readFile(data.bytes));
  } catch (e) {
    postMessage({ error: String(e?.message ?? e) });
  }
};
