// Trunk's post_build hook (Trunk.toml), before the size is printed: drops the whole-line comments of
// our own hand-written scripts in the build (Trunk copies them as they are and minifies only CSS).
// Only comments that fill whole lines go (`// …` lines and `/* … */` blocks that start and end a
// line), so code and strings are never touched; the sources in www/ keep them. Saves ≈ 1.3 KB gzip
// of the first load (compat.js, boot.js, check-worker.js). scripts/build-offline.mjs reads www/.
//
//   node scripts/strip-comments.mjs [dir]      (default: $TRUNK_STAGING_DIR, else dist)

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
for (const name of ['compat.js', 'boot.js', 'check-worker.js']) {
  const path = join(dir, name);
  if (!existsSync(path)) continue;
  const src = readFileSync(path, 'utf8');
  const out = src
    .replace(/^[ \t]*\/\*(?:[^*]|\*(?!\/))*\*\/[ \t]*\n/gm, '')
    .replace(/^[ \t]*\/\/[^\n]*\n/gm, '');
  writeFileSync(path, out);
}
