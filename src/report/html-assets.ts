// uPlot (the chart library the HTML report inlines), as text. From source (tests, bench), the files are read
// from node_modules when first needed; scripts/build.mjs replaces this whole module with one holding the same
// text, so dist/ works without node_modules. Keep the exported shape in step with the build's replacement.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface UplotAssets {
  version: string;
  /** dist/uPlot.iife.min.js: defines the global `uPlot`. */
  js: string;
  /** dist/uPlot.min.css */
  css: string;
  /** The LICENSE file (MIT): its notice must travel with every copy, so the page carries it. */
  license: string;
}

let cached: UplotAssets | undefined;

export function uplotAssets(): UplotAssets {
  if (cached !== undefined) return cached;
  const dir = dirname(createRequire(import.meta.url).resolve('uplot/package.json'));
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  cached = {
    version: (JSON.parse(read('package.json')) as { version: string }).version,
    js: read('dist/uPlot.iife.min.js'),
    css: read('dist/uPlot.min.css'),
    license: read('LICENSE'),
  };
  return cached;
}
