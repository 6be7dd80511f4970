// An entry point of src/ bundled as dist/ would be, into a temp dir: the tests of a front end as the runner
// or a person runs it (a process of its own), on the code in src/ rather than a dist/ that may lag behind.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const bundles = new Map<string, string>();

/** `entry` (a .ts file of src/) bundled once per test file; returns the bundle's path. */
export function bundleFromSource(entry: string): string {
  const done = bundles.get(entry);
  if (done) return done;
  const outfile = join(mkdtempSync(join(tmpdir(), 'autoexp-src-bundle-')), 'index.mjs');
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    logLevel: 'error',
    // Bundled CommonJS dependencies call require: ESM has none of its own.
    banner: {
      js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
    },
  });
  bundles.set(entry, outfile);
  return outfile;
}
