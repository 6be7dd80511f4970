import { describe, expect, it } from 'vitest';
import { checkScope, describeOutOfScope, scopeMatcher } from '../src/session/scope.js';
import { scopeHash } from '../src/session/scope-hash.js';

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
