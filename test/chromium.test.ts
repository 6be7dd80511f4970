// Which Chromium the browser tests use: AUTOEXP_CHROMIUM first, then the machine's, then the registry's.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseChromium, removeOtherVersions, type Machine } from './helpers/chromium.js';

function machine(
  installed: string[],
  options: { env?: Record<string, string>; platform?: string; arch?: string } = {},
): Machine {
  return {
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    arch: options.arch ?? 'x64',
    exists: (path) => installed.includes(path),
  };
}

const MAC_CHROME = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';

describe('chooseChromium', () => {
  it("takes Debian's Chromium, else Google Chrome, on Linux", () => {
    expect(chooseChromium(machine(['/usr/bin/chromium', '/usr/bin/google-chrome']))).toEqual({
      source: 'system',
      path: '/usr/bin/chromium',
    });
    expect(chooseChromium(machine(['/usr/bin/google-chrome']))).toEqual({
      source: 'system',
      path: '/usr/bin/google-chrome',
    });
  });

  it('takes Google Chrome, else Chromium, from /Applications on macOS', () => {
    const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(chooseChromium(machine([chromium, MAC_CHROME], { platform: 'darwin', arch: 'arm64' }))).toEqual({
      source: 'system',
      path: MAC_CHROME,
    });
    expect(chooseChromium(machine([chromium], { platform: 'darwin', arch: 'arm64' }))).toEqual({
      source: 'system',
      path: chromium,
    });
  });

  it("falls back to the registry's Chromium on Linux x64 with no browser installed", () => {
    expect(chooseChromium(machine([]))).toEqual({ source: 'registry' });
    // A Linux path means nothing on macOS and the other way round.
    expect(chooseChromium(machine([MAC_CHROME]))).toEqual({ source: 'registry' });
  });

  it('says what to do where the registry has no Chromium and none is installed', () => {
    for (const [platform, arch] of [
      ['darwin', 'arm64'],
      ['linux', 'arm64'],
      ['win32', 'x64'],
    ] as const) {
      const choice = chooseChromium(machine(['/usr/bin/chromium-elsewhere'], { platform, arch }));
      expect(choice.source).toBe('none');
      expect(choice).toHaveProperty(
        'reason',
        expect.stringMatching(
          new RegExp(
            `runs on Linux x64 only, this is ${platform} ${arch}: install Chrome, or set AUTOEXP_CHROMIUM`,
          ),
        ),
      );
    }
    expect(chooseChromium(machine([], { platform: 'darwin', arch: 'arm64' }))).toHaveProperty(
      'reason',
      expect.stringContaining(
        `no Chrome or Chromium found (looked at ${MAC_CHROME}, /Applications/Chromium.app/Contents/MacOS/Chromium), and `,
      ),
    );
  });

  it('AUTOEXP_CHROMIUM=registry takes the registry one even with a browser installed', () => {
    const env = { AUTOEXP_CHROMIUM: 'registry' };
    expect(chooseChromium(machine(['/usr/bin/chromium'], { env }))).toEqual({ source: 'registry' });
    expect(chooseChromium(machine([MAC_CHROME], { env, platform: 'darwin', arch: 'arm64' }))).toEqual({
      source: 'none',
      reason:
        "AUTOEXP_CHROMIUM=registry, but the npm registry's Chromium (@sparticuz/chromium) runs on Linux x64 only, this is darwin arm64",
    });
  });

  it('AUTOEXP_CHROMIUM=<path> takes that binary, and only that one', () => {
    const env = { AUTOEXP_CHROMIUM: '/opt/chrome/chrome' };
    expect(chooseChromium(machine(['/opt/chrome/chrome', '/usr/bin/chromium'], { env }))).toEqual({
      source: 'named',
      path: '/opt/chrome/chrome',
    });
    expect(chooseChromium(machine(['/usr/bin/chromium'], { env }))).toEqual({
      source: 'none',
      reason: 'AUTOEXP_CHROMIUM names /opt/chrome/chrome, which does not exist',
    });
    // Empty is unset.
    expect(chooseChromium(machine(['/usr/bin/chromium'], { env: { AUTOEXP_CHROMIUM: '' } }))).toEqual({
      source: 'system',
      path: '/usr/bin/chromium',
    });
  });
});

describe('removeOtherVersions', () => {
  it('removes older unpacked versions and abandoned unpacks, keeps the current one and recent unpacks', () => {
    const cache = mkdtempSync(join(tmpdir(), 'autoexp-chromium-cache-'));
    try {
      for (const name of [
        'chromium-153.0.0',
        'chromium-152.0.0',
        'chromium-153.0.0.unpacking-old',
        'chromium-153.0.0.unpacking-now',
        'node24',
      ])
        mkdirSync(join(cache, name, 'inside'), { recursive: true });
      const twoHoursAgo = new Date(Date.now() - 7_200_000);
      utimesSync(join(cache, 'chromium-153.0.0.unpacking-old'), twoHoursAgo, twoHoursAgo);
      removeOtherVersions(cache, join(cache, 'chromium-153.0.0'));
      expect(readdirSync(cache).sort()).toEqual([
        'chromium-153.0.0',
        'chromium-153.0.0.unpacking-now',
        'node24',
      ]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
