// Bundles src/ into the committed dist/ files the action and the CLI run.
// esbuild only strips types; `npm run typecheck` (tsc) is what checks them.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
if (!readFileSync('src/cli/version.ts', 'utf8').includes(`'${version}'`)) {
  throw new Error(`src/cli/version.ts does not say ${version} (package.json); update it`);
}

const entryPoints = { cli: 'src/cli/bin.ts', index: 'src/action/index.ts' };

/**
 * The HTML report inlines uPlot. From source, src/report/html-assets.ts reads it from node_modules at run
 * time; in dist/ that module is replaced by one holding the text, so dist/ needs no node_modules.
 */
const inlineUplot = {
  name: 'inline-uplot',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/]report[\\/]html-assets\.ts$/ }, () => {
      const read = (path) => readFileSync(`node_modules/uplot/${path}`, 'utf8');
      const assets = {
        version: JSON.parse(read('package.json')).version,
        js: read('dist/uPlot.iife.min.js'),
        css: read('dist/uPlot.min.css'),
        license: read('LICENSE'),
      };
      return {
        contents: `export function uplotAssets() { return ${JSON.stringify(assets)}; }\n`,
        loader: 'js',
      };
    });
  },
};

// Code reached only through import() (the artifact client for the dashboard upload, the LLM SDKs) goes
// into dist/chunks/ and is read only when used: parsing it up front costs start-up time on every run.
// Chunk names carry a content hash, so old ones are removed first.
rmSync('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints,
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [inlineUplot],
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);",
  },
});
