// The check worker: runs the app's own wasm module (compiled once by boot.js and sent here) to check
// large drafts off the page's thread. Messages in: {module} once, then {id, text, previous, today};
// out: {ready} or {failed}, then per job {id, bytes} (the analysis, src/web/wire.rs) or {id, error}.
// offline:begin — the one-file build (scripts/build-offline.mjs) has the glue inline instead.
import { initSync, analyse_encoded } from './nianbao-web.js';
// offline:end

onmessage = ({ data }) => {
  if (data.module) {
    try {
      initSync({ module: data.module });
      postMessage({ ready: true });
    } catch (e) {
      postMessage({ failed: String(e?.message ?? e) });
    }
    return;
  }
  try {
    const bytes = analyse_encoded(data.text, data.previous, data.today);
    postMessage({ id: data.id, bytes }, [bytes.buffer]);
  } catch (e) {
    postMessage({ id: data.id, error: String(e?.message ?? e) });
  }
};
