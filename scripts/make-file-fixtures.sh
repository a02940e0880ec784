#!/bin/sh
# Regenerates the file fixtures in tests/fixtures/files/ with LibreOffice (Debian
# libreoffice-writer-nogui). Not run in CI: the small results are committed.
#   report_clean.html, report_t3_wrong.html  ← make_html.py (a complete 2024 report; the second has
#                                               T3 (七)总计 in the 总计 column 62 instead of 61)
#   report_t3_wrong.{docx,doc,pdf}, report_clean.{docx,doc,pdf}  ← soffice from the HTML
#   report_numbered.{docx,doc}  ← make_numbered.py: Word's automatic numbering instead of written numbers
#   scanned.pdf                 ← make_scanned.py: pages that are only images (no text layer)
#   encrypted.pdf, note.rtf     ← a short note saved with an open password / as RTF
set -eu
cd "$(dirname "$0")/../tests/fixtures/files"
python3 make_html.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
convert() { # file filter ext
  soffice -env:UserInstallation=file://"$tmp"/profile --headless --infilter="${4:-HTML (StarWriter)}" \
    --convert-to "$3:$2" --outdir "$tmp" "$1" >/dev/null 2>&1
}
for r in report_clean report_t3_wrong; do
  convert $r.html "MS Word 2007 XML" docx
  convert $r.html "MS Word 97" doc
  convert $r.html "writer_pdf_Export" pdf
  cp "$tmp/$r.docx" "$tmp/$r.doc" "$tmp/$r.pdf" .
done
python3 make_numbered.py report_clean.docx report_numbered.docx
convert report_numbered.docx "MS Word 97" doc "MS Word 2007 XML"
cp "$tmp/report_numbered.doc" .
python3 make_scanned.py
printf '<html><body><p>Annual report draft</p></body></html>' >"$tmp/note.html"
convert "$tmp/note.html" 'writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' pdf
mv "$tmp/note.pdf" encrypted.pdf
convert "$tmp/note.html" "Rich Text Format" rtf
cp "$tmp/note.rtf" note.rtf
ls -l report_* scanned.pdf encrypted.pdf note.rtf
