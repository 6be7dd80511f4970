// The Chromium that the browser tests drive through playwright-core (which downloads no browser):
// - AUTOEXP_CHROMIUM=<path> uses that Chrome/Chromium binary; AUTOEXP_CHROMIUM=registry uses the npm
//   registry's one even when the machine has its own;
// - otherwise the machine's Chrome or Chromium when one is installed where its packages put it;
// - otherwise the Chromium that the devDependency @sparticuz/chromium ships (Linux x64 only), so that
//   `npm test` needs no apt. It is brotli-compressed in node_modules; the first launch unpacks it into
//   the user's cache ($XDG_CACHE_HOME or ~/.cache, then autoexp/chromium-<version>: about 210 MB, 2 s) and
//   later launches use it from there. The unpacked directory also holds what a bare machine lacks and the
//   binary needs: the NSS/NSPR libraries (the package's Amazon Linux set, put on LD_LIBRARY_PATH) and a font
//   (Open Sans, the only font it sees, so its pages look the same on every machine).
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Chrome and Chromium packages install the browser, most likely first. */
export const SYSTEM_CHROMIUMS: Readonly<Record<string, readonly string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/google-chrome'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
};

export interface Machine {
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  arch: string;
  exists(path: string): boolean;
}

export type ChromiumChoice =
  { source: 'named' | 'system'; path: string } | { source: 'registry' } | { source: 'none'; reason: string };

/** Which Chromium the browser tests use on this machine (see the top of this file). */
export function chooseChromium(machine: Machine): ChromiumChoice {
  const registryRuns = machine.platform === 'linux' && machine.arch === 'x64';
  const registryOnly = `the npm registry's Chromium (@sparticuz/chromium) runs on Linux x64 only, this is ${machine.platform} ${machine.arch}`;
  const named = machine.env.AUTOEXP_CHROMIUM;
  if (named === 'registry')
    return registryRuns
      ? { source: 'registry' }
      : { source: 'none', reason: `AUTOEXP_CHROMIUM=registry, but ${registryOnly}` };
  if (named) {
    return machine.exists(named)
      ? { source: 'named', path: named }
      : { source: 'none', reason: `AUTOEXP_CHROMIUM names ${named}, which does not exist` };
  }
  const candidates = SYSTEM_CHROMIUMS[machine.platform] ?? [];
  const installed = candidates.find((path) => machine.exists(path));
  if (installed) return { source: 'system', path: installed };
  if (registryRuns) return { source: 'registry' };
  return {
    source: 'none',
    reason:
      `no Chrome or Chromium found${candidates.length > 0 ? ` (looked at ${candidates.join(', ')})` : ''}, and ${registryOnly}: ` +
      'install Chrome, or set AUTOEXP_CHROMIUM to a Chrome or Chromium binary',
  };
}

/** Flags for every launch: no sandbox (the tests may run as root), nothing that reaches the network. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless browser context in a fresh profile, on the Chromium `chooseChromium` picks here. */
export async function launchChromium(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const choice = chooseChromium({
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    exists: existsSync,
  });
  if (choice.source === 'none') throw new Error(`the browser tests need Chromium: ${choice.reason}`);
  const browser =
    choice.source === 'registry' ? registryChromium(process.env) : { path: choice.path, env: {} };
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'autoexp-chromium-')), {
    executablePath: browser.path,
    env: { ...process.env, ...browser.env },
    headless: true,
    viewport,
    // The registry's Chromium takes its language from LANG, and LANG=C (a bare machine's) makes it
    // en-US@posix, which Intl refuses: every test page gets the same language whatever the machine's.
    locale: 'en-US',
    args: ARGS,
  });
}

const ROOT = resolve(import.meta.dirname, '..', '..');
const PACKAGE = join(ROOT, 'node_modules', '@sparticuz', 'chromium');

// @sparticuz/chromium unpacks into os.tmpdir() (its chromium.br, fonts and swiftshader; the NSS/NSPR
// libraries only on Amazon Linux, so they are asked for by name): run with TMPDIR set to where they go.
const UNPACK = `
import chromium, { inflate } from '@sparticuz/chromium';
await chromium.executablePath();
await inflate(${JSON.stringify(join(PACKAGE, 'bin', 'al2023.tar.br'))});
`;

/** The registry's Chromium, unpacked the first time; never half: it is unpacked beside, then renamed into place. */
export function registryChromium(env: Readonly<Record<string, string | undefined>>): {
  path: string;
  env: Record<string, string>;
} {
  const version = (JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string })
    .version;
  const cache = join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'autoexp');
  const dir = join(cache, `chromium-${version}`);
  if (!existsSync(join(dir, 'chromium'))) {
    mkdirSync(cache, { recursive: true });
    const staging = mkdtempSync(`${dir}.unpacking-`);
    try {
      const unpack = spawnSync(process.execPath, ['--input-type=module', '--eval', UNPACK], {
        cwd: ROOT,
        env: { ...env, TMPDIR: staging },
        encoding: 'utf8',
      });
      if (unpack.status !== 0) {
        throw new Error(
          `could not unpack the registry's Chromium into ${staging}: ${unpack.stderr || unpack.error}`,
        );
      }
      writeFileSync(
        join(staging, 'fonts.conf'),
        fontsConf(join(dir, 'fonts', 'fonts'), join(dir, 'fonts-cache')),
      );
      renameSync(staging, dir);
      removeOtherVersions(cache, dir);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      // Another test process unpacked it first (the rename then finds the directory taken): use that one.
      if (!existsSync(join(dir, 'chromium'))) throw error;
    }
  }
  return {
    path: join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: [join(dir, 'al2023', 'lib'), env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
    },
  };
}

/** The package's own fonts.conf names /tmp/fonts; this one names where the fonts were unpacked. */
/**
 * After a new version was unpacked, the older ones (about 210 MB each) and unpacks abandoned over an hour
 * ago (a killed test run) go: only a version change ever unpacks, so nothing here uses them any more.
 */
export function removeOtherVersions(cache: string, current: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (path === current || !name.startsWith('chromium-')) continue;
    const abandoned = name.includes('.unpacking-');
    if (abandoned && statSync(path).mtimeMs > hourAgo) continue;
    rmSync(path, { recursive: true, force: true });
  }
}

function fontsConf(fonts: string, cache: string): string {
  const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${xml(fonts)}</dir>`,
    `  <cachedir>${xml(cache)}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}
