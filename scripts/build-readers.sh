#!/bin/sh
# Builds the file readers into dist/readers/ (docs/web.md "Opening Word/WPS files and PDFs"), loaded
# by the app and the batch page only when a .docx/.doc/.wps or a PDF is opened:
#   nianbao_readers.js + nianbao_readers_bg.wasm   src/input/ (--features readers): sniffing, .docx,
#                                                  .doc/.wps, the PDF layout step
#   readers.js, reader-worker.js                   www/readers/: the glue and the app's reader worker
#   pdfjs/pdf.min.mjs, pdf.worker.min.mjs, cmaps/  Mozilla's pdf.js (pdfjs-dist, legacy build, from
#                                                  www/readers/package-lock.json) and its CMaps
# Works offline once www/readers/node_modules is there (npm ci installs it when missing). Prints
# the gzip size of each part.
#
#   scripts/build-readers.sh              # into dist/readers/
#   OUT=some/dir scripts/build-readers.sh
set -eu
cd "$(dirname "$0")/.."
OUT="${OUT:-dist/readers}"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
WASM="$TARGET_DIR/wasm32-unknown-unknown/web/nianbao.wasm"

if [ ! -d www/readers/node_modules/pdfjs-dist ]; then
  (cd www/readers && npm ci --omit=optional --ignore-scripts --no-audit --no-fund >/dev/null)
fi

cargo rustc --quiet --lib --profile web --target wasm32-unknown-unknown --no-default-features --features readers \
  --crate-type cdylib
mkdir -p "$OUT"
tmp="$OUT/.tmp"
rm -rf "$tmp"
mkdir -p "$tmp"
wasm-bindgen --target web --no-typescript --out-dir "$tmp" --out-name nianbao_readers "$WASM"
# Exactly the features rustc emits (see build-embed.sh): nothing newer than Chromium 96 can run.
WASM_FEATURES="--enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int --enable-multivalue --enable-reference-types"
wasm-opt -Oz $WASM_FEATURES "$tmp/nianbao_readers_bg.wasm" -o "$OUT/nianbao_readers_bg.wasm"
mv "$tmp/nianbao_readers.js" "$OUT/nianbao_readers.js"
rm -rf "$tmp"
cp www/readers/readers.js www/readers/reader-worker.js "$OUT/"

pdfjs=www/readers/node_modules/pdfjs-dist
rm -rf "$OUT/pdfjs"
mkdir -p "$OUT/pdfjs/cmaps"
cp "$pdfjs/legacy/build/pdf.min.mjs" "$pdfjs/legacy/build/pdf.worker.min.mjs" "$pdfjs/LICENSE" "$OUT/pdfjs/"
cp "$pdfjs"/cmaps/*.bcmap "$pdfjs/cmaps/LICENSE" "$OUT/pdfjs/cmaps/"

gz() { gzip -9 -c "$1" | wc -c; }
kb() { echo $((($1 + 1023) / 1024)); }
w=$(gz "$OUT/nianbao_readers_bg.wasm")
j=$(($(gz "$OUT/nianbao_readers.js") + $(gz "$OUT/readers.js") + $(gz "$OUT/reader-worker.js")))
p=$(gz "$OUT/pdfjs/pdf.min.mjs")
pw=$(gz "$OUT/pdfjs/pdf.worker.min.mjs")
c=0
for f in "$OUT"/pdfjs/cmaps/*.bcmap; do c=$((c + $(wc -c <"$f"))); done
printf 'readers: Word/WPS %s KB gzip -9 (wasm %s KB, JS %s KB); PDF + pdf.js %s KB and its worker %s KB; CMaps %s KB (fetched one by one, only for fonts that need them) in %s/\n' \
  $(kb $((w + j))) $(kb "$w") $(kb "$j") $(kb "$p") $(kb "$pw") $(kb "$c") "$OUT"
