// Bundles src/ into the committed dist/ files the action and the CLI run (how: scripts/bundle.mjs), and
// writes dist/licenses.txt, the notices of every package the bundle carries.
// esbuild only strips types; `npm run typecheck` (tsc) is what checks them.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { bundledPackageDirs, bundleOptions, licenseNotices } from './bundle.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
if (!readFileSync('src/cli/version.ts', 'utf8').includes(`'${version}'`)) {
  throw new Error(`src/cli/version.ts does not say ${version} (package.json); update it`);
}

// Chunk names carry a content hash, so old ones are removed first.
rmSync('dist/chunks', { recursive: true, force: true });

const { metafile } = await build({ ...bundleOptions, metafile: true });
writeFileSync('dist/licenses.txt', licenseNotices(bundledPackageDirs(metafile)));
