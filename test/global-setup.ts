// The whole suite makes its temp dirs (repositories, trees, homes of real agents) in one directory of its
// own, removed when the run ends: a machine that runs the suite again and again keeps none of them.
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Gives every directory under `dir` (not following links) back its owner's rights, where that is us. */
function makeWritable(dir: string): void {
  try {
    chmodSync(dir, 0o700);
  } catch {
    return;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory()) makeWritable(join(dir, entry.name));
}

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'autoexp-suite-'));
  // As /tmp is: some tests run processes as another user (nobody), in dirs they make here.
  chmodSync(root, 0o1777);
  process.env.TMPDIR = root;
  return () => {
    try {
      rmSync(root, { recursive: true, force: true });
    } catch {
      // Tests make directories read-only (chmod 555) to attack autoexp; an ordinary user cannot empty those.
      makeWritable(root);
      rmSync(root, { recursive: true, force: true });
    }
  };
}
