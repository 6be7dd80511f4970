// dist/ carries the code of its dependencies, so it carries their notices: dist/licenses.txt has an entry
// for every package esbuild bundles (bundled here again the way scripts/build.mjs does, into memory).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundledPackageDirs, bundleOptions, readPackage } from '../scripts/bundle.mjs';

const ROOT = resolve(import.meta.dirname, '..');

describe('dist/licenses.txt', () => {
  it('has an entry with the licence text of every package in the bundle', async () => {
    const licenses = readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8');
    const result = await build({
      ...bundleOptions,
      absWorkingDir: ROOT,
      outdir: mkdtempSync(join(tmpdir(), 'autoexp-licenses-')),
      write: false,
      metafile: true,
      logLevel: 'error',
    });
    const dirs = bundledPackageDirs(result.metafile);
    expect(dirs.length).toBeGreaterThan(50);
    const headings = new Set(licenses.split('\n').filter((line) => /^\S+@\S+ \(/.test(line)));
    for (const dir of dirs) {
      const found = readPackage(join(ROOT, dir));
      const heading = [...headings].find((line) => line.startsWith(`${found.name}@${found.version} (`));
      expect(
        heading,
        `${found.name}@${found.version} (${dir}) is bundled but not in dist/licenses.txt`,
      ).toBeDefined();
      for (const { text } of found.texts) expect(licenses).toContain(text);
    }
    expect(existsSync(join(ROOT, 'node_modules', 'uplot', 'LICENSE'))).toBe(true);
    expect(licenses).toMatch(/^uplot@\S+ \(MIT\)$/m);
  });

  it('reads a package path from any depth of node_modules', () => {
    const metafile = {
      inputs: {
        'src/cli/bin.ts': {},
        'node_modules/yaml/dist/index.js': {},
        'node_modules/@actions/github/node_modules/@actions/http-client/lib/index.js': {},
      },
    };
    expect(bundledPackageDirs(metafile)).toEqual([
      'node_modules/@actions/github/node_modules/@actions/http-client',
      'node_modules/uplot',
      'node_modules/yaml',
    ]);
  });
});
