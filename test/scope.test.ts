import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScope, describeOutOfScope, scopeMatcher } from '../src/session/scope.js';
import { scopeHash } from '../src/session/scope-hash.js';
import { readScopeFiles } from '../src/session/state.js';

const change = (path: string, code = ' M') => ({ path, code });

describe('scope checks', () => {
  const matcher = scopeMatcher(['cache_config.yaml', 'src/**/*.ts', '.env.example']);

  it('lets in-scope paths through and flags everything else', () => {
    const result = checkScope(
      [change('cache_config.yaml'), change('src/a/b.ts', '??'), change('Makefile', ' D'), change('src/x.js')],
      matcher,
      '.autoexp/t',
    );
    expect(result.inScope.map((c) => c.path)).toEqual(['cache_config.yaml', 'src/a/b.ts']);
    expect(result.outOfScope.map((c) => c.path)).toEqual(['Makefile', 'src/x.js']);
  });

  it('matches dotfiles named by a glob', () => {
    expect(matcher('.env.example')).toBe(true);
    expect(matcher('.github/workflows/ci.yml')).toBe(false);
  });

  it('treats the ledger as out of scope even when a glob matches it', () => {
    const everything = scopeMatcher(['**']);
    const result = checkScope([change('.autoexp/t/results.tsv'), change('a.txt')], everything, '.autoexp/t');
    expect(result.outOfScope.map((c) => c.path)).toEqual(['.autoexp/t/results.tsv']);
  });

  it('matches nothing without globs', () => {
    expect(scopeMatcher([])('a')).toBe(false);
  });

  it('names at most three paths', () => {
    expect(describeOutOfScope([change('a'), change('b'), change('c'), change('d'), change('e')])).toBe(
      'out of scope: a, b, c (+2 more)',
    );
  });
});

describe('scopeHash', () => {
  it('depends on contents and paths, not on insertion order', () => {
    const a = scopeHash(
      new Map([
        ['x', '1'],
        ['y', '2'],
      ]),
    );
    expect(
      scopeHash(
        new Map([
          ['y', '2'],
          ['x', '1'],
        ]),
      ),
    ).toBe(a);
    expect(
      scopeHash(
        new Map([
          ['x', '1'],
          ['y', '3'],
        ]),
      ),
    ).not.toBe(a);
    expect(
      scopeHash(
        new Map([
          ['x', '12'],
          ['y', ''],
        ]),
      ),
    ).not.toBe(
      scopeHash(
        new Map([
          ['x', '1'],
          ['y', '2'],
        ]),
      ),
    );
  });
});

describe("the scope files' contents", () => {
  it('are the plain files only: a link is not followed, a FIFO not waited on', () => {
    const root = mkdtempSync(join(tmpdir(), 'autoexp-scope-'));
    const users = mkdtempSync(join(tmpdir(), 'autoexp-users-'));
    writeFileSync(join(root, 'a.yaml'), 'ttl: 300\n');
    writeFileSync(join(users, 'mine.yaml'), 'secret: 1\n');
    symlinkSync(join(users, 'mine.yaml'), join(root, 'link.yaml'));
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    // A writer 3 s later releases a read that waits (the test fails instead of hanging).
    const writer = spawn('sh', ['-c', 'sleep 3; echo "size: 5" > pipe.yaml'], { cwd: root, stdio: 'ignore' });
    try {
      const started = Date.now();
      const contents = readScopeFiles(root, ['a.yaml', 'link.yaml', 'pipe.yaml', 'gone.yaml']);
      expect(Date.now() - started).toBeLessThan(2000);
      expect([...contents]).toEqual([['a.yaml', 'ttl: 300\n']]);
    } finally {
      writer.kill();
    }
  });
});
