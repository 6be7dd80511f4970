// A session's cost in a repository with many refs: the guard reads every ref and walks .git/logs after
// each run. The tiny repo-size project three times: with its few refs, with 50,000 packed tags (a
// long-lived repository's releases), and with 5,000 remote branches, each with its reflog (a clone of a
// repository with many branches). Packed and loose as `git fetch` and `git pack-refs` leave them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, sh } from './lib.mjs';
import { repoSizeProject, session } from './repo-size.mjs';

/** The tiny project with `count` refs under `prefix` packed at HEAD, and a reflog each when `reflogs`. */
function project(count, prefix, reflogs) {
  const root = repoSizeProject({ files: 0, fileBytes: 0 });
  if (count === 0) return root;
  const head = sh(root, 'git rev-parse HEAD').trim();
  const names = Array.from({ length: count }, (_, n) => `${prefix}b${String(n).padStart(6, '0')}`);
  const lines = names.map((name) => `${head} ${name}\n`).join('');
  writeFileSync(join(root, '.git', 'packed-refs'), `# pack-refs with: peeled fully-peeled sorted \n${lines}`);
  if (reflogs) {
    mkdirSync(join(root, '.git', 'logs', prefix), { recursive: true });
    const entry = `${'0'.repeat(40)} ${head} bench <bench@autoexp.invalid> 1700000000 +0000\tfetch: storing head\n`;
    for (const name of names) writeFileSync(join(root, '.git', 'logs', name), entry);
  }
  return root;
}

/** The mean of `laterSessions` later 5-experiment sessions (after a first one) for each shape, in turn. */
export function benchRefs({ laterSessions = 4 } = {}) {
  const shapes = {
    few_refs: project(0),
    packed_tags_50000: project(50000, 'refs/tags/', false),
    remote_branches_5000_with_reflogs: project(5000, 'refs/remotes/origin/', true),
  };
  const trees = Object.fromEntries(
    Object.keys(shapes).map((name) => [name, mkdtempSync(join(tmpdir(), 'autoexp-bench-trees-'))]),
  );
  const later = Object.fromEntries(Object.keys(shapes).map((name) => [name, []]));
  for (const [name, root] of Object.entries(shapes)) session(CLI, root, trees[name]);
  for (let round = 0; round < laterSessions; round++)
    for (const [name, root] of Object.entries(shapes)) later[name].push(session(CLI, root, trees[name]));
  for (const [name, root] of Object.entries(shapes)) {
    rmSync(root, { recursive: true, force: true });
    rmSync(trees[name], { recursive: true, force: true });
  }
  return Object.fromEntries(
    Object.entries(later).map(([name, times]) => [
      name,
      Math.round(times.reduce((sum, ms) => sum + ms, 0) / times.length),
    ]),
  );
}
