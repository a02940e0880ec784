#!/bin/sh
# Prints the gzip size of the web bundle (wasm + JS + CSS) in a Trunk output directory.
# Used as Trunk's post_build hook (TRUNK_STAGING_DIR) and by scripts/measure-web.mjs.
# Budget: 300 KB (307200 bytes) gzip; exceeding it prints a warning (and exits 1 with --strict).
dir="${1:-${TRUNK_STAGING_DIR:-dist}}"
total=0
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
  [ -f "$f" ] || continue
  n=$(gzip -9c "$f" | wc -c)
  total=$((total + n))
  printf '  %-28s %8d B gzip (%d B raw)\n' "$(basename "$f")" "$n" "$(wc -c < "$f")"
done
printf 'bundle: %d B gzip = %d.%d KB (budget 300 KB)\n' "$total" $((total / 1024)) $(((total % 1024) * 10 / 1024))
if [ "$total" -gt 307200 ]; then
  echo 'bundle: OVER BUDGET'
  [ "$2" = "--strict" ] && exit 1
fi
exit 0
