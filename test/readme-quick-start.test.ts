// The README's quick start, run as a newcomer runs it on a machine with Node 24 and git and nothing else.
//
// The commands are read from the README (the first ```sh block under "## Quick start") and each runs in a
// fresh copy of this repository: the files a clone of the working tree would hold (tracked and new ones,
// as they are on disk, so what is being written is what gets tested). The machine is made bare through
// the environment: HOME and TMPDIR are new empty directories (no caches, no git identity, no browser
// unpacked before), nothing else of this process's environment is passed but PATH, and
// AUTOEXP_CHROMIUM=registry keeps the machine's Chrome/Chromium out (test/helpers/chromium.ts), so the
// browser is the npm registry's, unpacked from node_modules on the spot. Nothing may be skipped.
//
// The test command (`npm ci && npm test`) is run with two changes, each said here and checked:
// - `npm test` would run this file again, in a loop, and the whole suite with it: the copy runs
//   `npm test -- <files>` with the suites that launch a browser, the part a bare machine could fail.
// - `npm ci` would fetch 1.9 GB of packages, and an empty HOME has no npm cache to take them from: the
//   copy links this repository's node_modules instead. That proves the same for the browser because the
//   browser comes inside a package's tarball, not from an install script (checked below against
//   package-lock.json). That `npm ci` itself works on a clean machine is what .ci/run shows every run.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { git } from './helpers/repo.js';

const ROOT = resolve(import.meta.dirname, '..');
const TEST_COMMAND = 'npm ci && npm test';

/** The commands of the README's quick start, without their comments. */
function quickStartCommands(readme: string): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Quick start\n'));
  const block = section && /^```sh\n([\s\S]*?)^```/m.exec(section)?.[1];
  if (!block) throw new Error('README.md has no ```sh block under "## Quick start"');
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
}

/** The suites that launch a browser (this one launches none: it must not start itself again). */
function browserSuites(): string[] {
  return readdirSync(join(ROOT, 'test'))
    .filter((name) => name.endsWith('.test.ts') && name !== basename(import.meta.filename))
    .filter((name) => readFileSync(join(ROOT, 'test', name), 'utf8').includes("from './helpers/chromium.js'"))
    .map((name) => `test/${name}`);
}

/** A copy of the files a clone of the working tree would hold. */
function copyOfRepository(to: string): void {
  const files = git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard')
    .split('\0')
    .filter((path) => path !== '' && path !== 'node_modules' && !path.startsWith('node_modules/'))
    .filter((path) => existsSync(join(ROOT, path)));
  for (const path of files) {
    mkdirSync(dirname(join(to, path)), { recursive: true });
    cpSync(join(ROOT, path), join(to, path));
  }
}

interface Ran {
  status: number | null;
  output: string;
}

function run(command: string, cwd: string, env: Record<string, string>): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn('sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status, output }));
  });
}

/** The demo's lines as the README shows them, without what differs from run to run (times, the sha). */
function demoLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /^(#\d+ |autoexp: \d+ experiments|hit_rate: )/.test(line))
    .map((line) => line.replace(/ {2}\d+(\.\d+)?s {2}/, '  ').replace(/ \([0-9a-f]{7,}\)$/, ''));
}

/** The demo output the README shows after "The demo copies". */
function readmeDemo(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /The demo copies[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const lines = demoLines(block);
  expect(lines.length, 'the README shows the demo output').toBeGreaterThan(4);
  return lines;
}

describe("the README's quick start", () => {
  it('gets the browser from the tarballs npm ci unpacks, not from an install script', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { hasInstallScript?: boolean }>;
    };
    for (const name of ['playwright-core', '@sparticuz/chromium']) {
      expect(manifest.devDependencies, name).toHaveProperty([name]);
      expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
      expect(lock.packages[`node_modules/${name}`]!.hasInstallScript, name).toBeUndefined();
    }
    expect(existsSync(join(ROOT, 'node_modules', '@sparticuz', 'chromium', 'bin', 'chromium.br'))).toBe(true);
  });

  it('passes on a machine with Node and git only: the demo, then the browser tests on the registry Chromium', async () => {
    const commands = quickStartCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(commands, 'the quick start runs the tests').toContain(TEST_COMMAND);
    expect(commands, 'the quick start is two commands: the demo and the tests').toHaveLength(2);
    const suites = browserSuites();
    expect(suites.length).toBeGreaterThan(0);

    const machine = mkdtempSync(join(tmpdir(), 'autoexp-bare-'));
    try {
      const clone = join(machine, 'autoexp');
      const home = join(machine, 'home');
      const tmp = join(machine, 'tmp');
      for (const dir of [clone, home, tmp]) mkdirSync(dir);
      copyOfRepository(clone);
      const env = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        TMPDIR: tmp,
        AUTOEXP_CHROMIUM: 'registry',
        // npm would look for a newer npm on the registry: the tests reach no network.
        npm_config_update_notifier: 'false',
      };

      for (const command of commands) {
        if (command !== TEST_COMMAND) {
          const ran = await run(command, clone, env);
          expect(ran.status, `\`${command}\`:\n${ran.output}`).toBe(0);
          if (command.endsWith(' demo'))
            expect(demoLines(ran.output)).toEqual(expect.arrayContaining(readmeDemo()));
          continue;
        }
        symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
        const ran = await run(`npm test -- ${suites.join(' ')}`, clone, env);
        expect(ran.status, `\`${command}\` (the browser suites):\n${ran.output}`).toBe(0);
        const tests = /Tests\s+(.*)/.exec(stripVTControlCharacters(ran.output))?.[1];
        expect(tests, ran.output).toMatch(/^\d+ passed \(\d+\)$/);
        // The browser was the registry's, unpacked into the empty HOME.
        const unpacked = readdirSync(join(home, '.cache', 'autoexp')).filter((name) =>
          name.startsWith('chromium-'),
        );
        expect(unpacked).toHaveLength(1);
        expect(existsSync(join(home, '.cache', 'autoexp', unpacked[0]!, 'chromium'))).toBe(true);
      }
    } finally {
      rmSync(machine, { recursive: true, force: true });
    }
  }, 300_000);
});
