import { describe, expect, it } from 'vitest';
import { unmatchedPatternHint, unmatchedScopeMessage } from '../src/config/scope-hint.js';

const TRACKED = ['README.md', 'config.yaml', 'src/app.ts', 'src/util.ts', 'conf/cache.toml', 'Params.json'];

describe('why scope.modify matches no tracked file', () => {
  it('names the file a misspelt path meant', () => {
    expect(unmatchedScopeMessage(['confg.yaml'], TRACKED)).toBe(
      'no tracked file matches scope.modify: "confg.yaml" is not a tracked file (did you mean "config.yaml"?)',
    );
  });

  it('finds a file of the same name in another directory, and a file spelt in another case', () => {
    expect(unmatchedPatternHint('cache.toml', TRACKED)).toBe(
      '"cache.toml" is not a tracked file (did you mean "conf/cache.toml"?)',
    );
    expect(unmatchedPatternHint('params.json', TRACKED)).toBe(
      '"params.json" is not a tracked file (did you mean "Params.json"?)',
    );
    expect(unmatchedPatternHint('src/*.TS', TRACKED)).toBe(
      '"src/*.TS" matches no tracked file (did you mean "src/app.ts"? mind the case)',
    );
  });

  it('says when the file exists but is not committed', () => {
    expect(unmatchedScopeMessage(['new.yaml'], TRACKED, { exists: (path) => path === 'new.yaml' })).toBe(
      'no tracked file matches scope.modify: "new.yaml" is not committed yet (git add new.yaml && git commit -m \'files to optimize\')',
    );
  });

  it('says a directory needs a glob', () => {
    expect(unmatchedPatternHint('src', TRACKED)).toBe('"src" is a directory; write "src/**" for its files');
  });

  it('lists only the patterns that match nothing, each with its hint', () => {
    expect(unmatchedScopeMessage(['config.yaml', 'nothing-like-it.cfg', 'lib/**'], TRACKED)).toBe(
      'no tracked file matches scope.modify: "nothing-like-it.cfg" is not a tracked file; "lib/**" matches no tracked file',
    );
  });
});
