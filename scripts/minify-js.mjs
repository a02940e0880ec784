// Trunk's post_build hook (Trunk.toml), before the size is printed: minifies the app's JS in the build,
// which Trunk copies as it is (its own JS minifier fails on wasm-bindgen's `export { … as default }`).
// With terser on PATH (./x installs npm's terser, pinned): the wasm-bindgen glue nianbao-web.js and
// boot.js, check-worker.js as modules, compat.js as a classic script (terser adds no newer syntax: it
// stays ES5, which scripts/check-baseline.mjs checks). Without terser: only the whole-line comments of
// the three hand-written scripts go (`// …` lines, `/* … */` blocks that start and end a line), so code
// and strings are never touched. The sources in www/ keep their comments; scripts/build-offline.mjs
// reads them there (and the glue from the build, minified or not).
//
//   node scripts/minify-js.mjs [dir]      (default: $TRUNK_STAGING_DIR, else dist)

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
// name → parsed as a module?
const FILES = { 'compat.js': false, 'boot.js': true, 'check-worker.js': true, 'nianbao-web.js': true };

let terser = true;
try { execFileSync('terser', ['--version'], { stdio: 'ignore' }); } catch { terser = false; }

for (const [name, module] of Object.entries(FILES)) {
  const path = join(dir, name);
  if (!existsSync(path)) continue;
  if (terser) {
    execFileSync('terser', [path, ...(module ? ['--module'] : []), '--compress', '--mangle', '-o', path], { stdio: 'inherit' });
  } else if (name !== 'nianbao-web.js') {
    const src = readFileSync(path, 'utf8');
    writeFileSync(path, src
      .replace(/^[ \t]*\/\*(?:[^*]|\*(?!\/))*\*\/[ \t]*\n/gm, '')
      .replace(/^[ \t]*\/\/[^\n]*\n/gm, ''));
  }
}
if (!terser) console.log('minify-js: no terser on PATH (./x installs it): only comments dropped');
