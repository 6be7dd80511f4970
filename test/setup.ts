// Every test process keeps its experiment trees in a temp dir of its own, not in the user's cache.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.AUTOEXP_TREES ??= mkdtempSync(join(tmpdir(), 'autoexp-trees-'));
