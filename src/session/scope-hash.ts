import { createHash } from 'node:crypto';

/**
 * A content hash of a set of files (path -> content), independent of order. Two candidates with the
 * same hash changed the scope files to exactly the same contents; proposers use it to avoid repeats.
 */
export function scopeHash(files: ReadonlyMap<string, string | Buffer>): string {
  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort()) {
    const content = files.get(path)!;
    hash
      .update(path)
      .update('\0')
      .update(String(Buffer.byteLength(content)))
      .update('\0')
      .update(content);
  }
  return hash.digest('hex');
}
