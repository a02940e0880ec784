#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds: the real reports of ../shared/corpus, the rule fixtures of
# tests/fixtures, the regression inputs of tests/regressions, and (for the numbers target) their lines.
set -euo pipefail
cd "$(dirname "$0")"
root=..
files=$( (find "$root/../shared/corpus" -type f ! -name INDEX.md 2>/dev/null; find "$root/tests/fixtures" "$root/tests/regressions" -type f 2>/dev/null) | sort || true)
for t in text html decode check; do
  mkdir -p "corpus/$t"
  for f in $files; do cp "$f" "corpus/$t/seed-$(echo "$f" | md5sum | cut -c1-12)"; done
done
mkdir -p corpus/numbers
for f in $files; do
  while IFS= read -r line; do
    [ -n "$line" ] && printf '%s' "$line" > "corpus/numbers/line-$(printf '%s' "$line" | md5sum | cut -c1-12)"
  done < <(head -c 200000 "$f" | tr '\t' '\n' | awk 'length($0) < 80' | sort -u | head -200)
done
# The file readers: the Word files of tests/fixtures/files (PDFs reach the layout step as pages,
# which the target makes from any bytes).
mkdir -p corpus/files
for f in "$root"/tests/fixtures/files/*.docx "$root"/tests/fixtures/files/*.doc; do
  cp "$f" "corpus/files/seed-$(basename "$f")"
done
for t in text html decode check numbers files; do echo "$t: $(ls corpus/$t | wc -l) seeds"; done
