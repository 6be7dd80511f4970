// Bundles src/ into the committed dist/ files the action and the CLI run.
// esbuild only strips types; `npm run typecheck` (tsc) is what checks them.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
if (!readFileSync('src/cli/version.ts', 'utf8').includes(`'${version}'`)) {
  throw new Error(`src/cli/version.ts does not say ${version} (package.json); update it`);
}

const entryPoints = { cli: 'src/cli/bin.ts', index: 'src/action/index.ts' };

await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);",
  },
});
