#!/bin/sh
# Builds the embeddable checker (no Yew) into dist/embed/:
#   nianbao_embed.js + nianbao_embed_bg.wasm   the JS API (wasm-bindgen --target web), see nianbao.d.ts
#   embed.js                                   the widget / loader for CMS pages (docs/embed.md)
#   nianbao.d.ts                               types of the JS API
#   demo-portal.html, empty-page.html, demo.css the example pages
# copies the batch page (www/batch/: index.html, batch.js, worker.js, batch.css) into dist/batch/,
# next to dist/embed/ (its worker loads ../embed/nianbao_embed.js; docs/batch.md), and builds the file
# readers into dist/readers/ (scripts/build-readers.sh).
# Works offline with the tools ./x installs: wasm-bindgen (= the version in Cargo.lock) and wasm-opt
# (binaryen 132) on PATH. Prints the gzip size of what the widget loads.
#
#   scripts/build-embed.sh            # release build into dist/embed/
#   OUT=some/dir scripts/build-embed.sh   # the batch page then goes to some/batch/ (BATCH_OUT=…)
set -eu
cd "$(dirname "$0")/.."
OUT="${OUT:-dist/embed}"
BATCH_OUT="${BATCH_OUT:-$(dirname "$OUT")/batch}"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
WASM="$TARGET_DIR/wasm32-unknown-unknown/web/nianbao.wasm"

# The library itself as a cdylib, only for this build: [lib] stays rlib-only, so native builds and
# tests pay nothing for it.
cargo rustc --quiet --lib --profile web --target wasm32-unknown-unknown --no-default-features --features embed \
  --crate-type cdylib

mkdir -p "$OUT"
tmp="$OUT/.tmp"
rm -rf "$tmp"
mkdir -p "$tmp"
wasm-bindgen --target web --no-typescript --out-dir "$tmp" --out-name nianbao_embed "$WASM"
# Exactly the features rustc emits for wasm32-unknown-unknown, nothing more: with --all-features
# binaryen rewrites function types into typed references (a GC-proposal type) and the module then
# fails to compile before Chromium 119 / Firefox 120 / Safari 18.2 (docs/web.md, README support matrix).
WASM_FEATURES="--enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int --enable-multivalue --enable-reference-types"
wasm-opt -Oz $WASM_FEATURES "$tmp/nianbao_embed_bg.wasm" -o "$OUT/nianbao_embed_bg.wasm"
mv "$tmp/nianbao_embed.js" "$OUT/nianbao_embed.js"
rm -rf "$tmp"
for f in embed.js nianbao.d.ts demo-portal.html empty-page.html demo.css; do
  cp "www/embed/$f" "$OUT/$f"
done

mkdir -p "$BATCH_OUT"
for f in index.html batch.js worker.js batch.css; do
  cp "www/batch/$f" "$BATCH_OUT/$f"
done

gz() { gzip -9 -c "$1" | wc -c; }
w=$(gz "$OUT/nianbao_embed_bg.wasm")
j=$(gz "$OUT/nianbao_embed.js")
e=$(gz "$OUT/embed.js")
total=$((w + j + e))
printf 'embed: %s KB gzip -9 (wasm %s KB, nianbao_embed.js %s KB, embed.js %s KB) in %s/\n' \
  $(((total + 1023) / 1024)) $(((w + 1023) / 1024)) $(((j + 1023) / 1024)) $(((e + 1023) / 1024)) "$OUT"
b=0
for f in "$BATCH_OUT"/index.html "$BATCH_OUT"/batch.js "$BATCH_OUT"/worker.js "$BATCH_OUT"/batch.css; do
  b=$((b + $(gz "$f")))
done
printf 'batch page: %s KB gzip -9 (its own files %s B, + wasm and nianbao_embed.js above; + ../style.css if present) in %s/\n' \
  $(((b + w + j + 1023) / 1024)) "$b" "$BATCH_OUT"

# The file readers (Word/WPS, PDF) that the app and the batch page load when such a file is opened.
OUT="$(dirname "$OUT")/readers" scripts/build-readers.sh
