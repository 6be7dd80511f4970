// How src/ is bundled into dist/ (build.mjs runs it; test/licenses.test.ts bundles the same way to see
// which packages go in), and the notices of the packages that do.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const entryPoints = { cli: 'src/cli/bin.ts', index: 'src/action/index.ts' };

/** Inlined into the HTML report by the plugin below: read, not imported, so not in esbuild's metafile. */
export const INLINED_PACKAGES = ['uplot'];

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
export const bundleOptions = {
  entryPoints,
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  sourcemap: false,
  // The notices go to dist/licenses.txt instead (see licenseNotices).
  legalComments: 'none',
  // Paths as they are under ./node_modules, also when node_modules is a symlink (a git worktree sharing
  // another checkout's): the bundle, its chunk names included, is then the same wherever it is built.
  preserveSymlinks: true,
  logLevel: 'warning',
  plugins: [inlineUplot],
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);",
  },
};

/**
 * The package directories esbuild bundled, from its metafile's inputs (`node_modules/a/node_modules/@b/c/x.js`
 * is `node_modules/a/node_modules/@b/c`), plus the inlined ones; sorted.
 */
export function bundledPackageDirs(metafile) {
  const dirs = new Set(INLINED_PACKAGES.map((name) => `node_modules/${name}`));
  for (const input of Object.keys(metafile.inputs)) {
    const path = input.replace(/\\/g, '/');
    const at = path.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const parts = path.slice(at + 'node_modules/'.length).split('/');
    const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    dirs.add(`${path.slice(0, at)}node_modules/${name}`);
  }
  return [...dirs].sort();
}

const NOTICE_FILE = /^(licen[cs]e|copying|notice)([-._].*)?$/i;

/** Name, version, licence and notice texts of the package in `dir`. */
export function readPackage(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const license =
    typeof manifest.license === 'string'
      ? manifest.license
      : (manifest.license?.type ??
        (Array.isArray(manifest.licenses)
          ? manifest.licenses.map((item) => item.type).join(' OR ')
          : undefined));
  const files = readdirSync(dir)
    .filter((name) => NOTICE_FILE.test(name))
    .sort();
  const texts = files.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8').trim() }));
  if (texts.length === 0) {
    // No licence file in the package: its README's licence section, which is where such packages put it.
    const readme = readdirSync(dir).find((name) => /^readme(\.|$)/i.test(name));
    const section = readme ? licenseSection(readFileSync(join(dir, readme), 'utf8')) : undefined;
    if (section) texts.push({ name: `${readme} (its licence section)`, text: section });
  }
  const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  return { name: manifest.name, version: manifest.version, license, author, repository, texts };
}

/** The "License" section of a README (markdown `## License` or an underlined `license` heading). */
function licenseSection(readme) {
  const lines = readme.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex(
    (line, index) =>
      /^#+\s*licen[cs]e\s*$/i.test(line) ||
      (/^licen[cs]e\s*$/i.test(line) && /^[=-]{3,}$/.test(lines[index + 1] ?? '')),
  );
  if (start < 0) return undefined;
  const body = [];
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index];
    if (/^#+\s/.test(line) || (/^[=-]{3,}$/.test(lines[index + 1] ?? '') && line.trim() !== '')) break;
    if (!/^[=-]{3,}$/.test(line)) body.push(line);
  }
  const text = body.join('\n').trim();
  return text === '' ? undefined : text;
}

const RULE = '='.repeat(100);

/** dist/licenses.txt: one entry per bundled package (name@version), each with its notice texts. */
export function licenseNotices(dirs) {
  const seen = new Set();
  const entries = [];
  for (const dir of dirs) {
    const found = readPackage(dir);
    const id = `${found.name}@${found.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    entries.push({ id, ...found });
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = [
    'Third-party software bundled into dist/ (cli.js, index.js and chunks/), with its licences and notices.',
    'Written by scripts/build.mjs from the packages esbuild bundled; do not edit.',
    '',
  ];
  for (const entry of entries) {
    out.push(RULE, `${entry.id} (${entry.license ?? 'no licence stated in package.json'})`);
    if (entry.author) out.push(`author: ${entry.author}`);
    if (entry.repository) out.push(`repository: ${entry.repository}`);
    if (entry.texts.length === 0) {
      out.push(
        '',
        entry.license
          ? '(the package ships no licence text; its package.json names the licence above)'
          : '(the package ships no licence text and names no licence)',
      );
    }
    for (const { name, text } of entry.texts) out.push('', `--- ${name}`, '', text);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
