// A small, fully scripted project for session tests: `params.txt` holds x, the eval scores
// 100 - (x - 10)^2, and a `command` proposer follows a plan file (one action per experiment), so every
// status (keep, discard, crash, timeout, invalid) can be produced on purpose.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../../src/config/load.js';
import type { Settings } from '../../src/config/settings.js';
import { createTestRepo, type TestRepo } from './repo.js';

export const EVALUATE_SH = `#!/usr/bin/env bash
set -u
x=$(sed -n 's/^x=//p' params.txt)
echo "pid $$" >> "\${AUTOEXP_TEST_PIDS:-/dev/null}"
# Evals leave files behind (logs, outputs); autoexp must not mistake them for the next proposal.
echo "last run: x=$x" > eval-output.txt
if [ "$x" = 99 ]; then echo "boom: x=99 is not allowed" >&2; exit 1; fi
if [ "$x" = 77 ]; then touch "\${AUTOEXP_TEST_MARKER:-/dev/null}"; sleep 60; fi
if [ "$x" = 55 ]; then echo "garbage output"; exit 0; fi
echo "score: $((100 - (x - 10) * (x - 10)))"
echo "size: $((x * 10))"
`;

/**
 * Actions: `set N`, `note N` (as set N, noting a lesson), `harness` (edits evaluate.sh), `nothing`, `fail`, `newfile` (creates extra.txt),
 * `delete` / `chmod` (README.md), `rename` (params.txt), `commit N` / `commit-harness` (as set N and
 * harness, then `git commit` as a coding agent might).
 */
export const PROPOSE_SH = `#!/usr/bin/env bash
set -eu
if [ -n "\${AUTOEXP_CAPTURE:-}" ]; then cp "$AUTOEXP_PROMPT_FILE" "$AUTOEXP_CAPTURE/prompt-$AUTOEXP_EXPERIMENT.md"; fi
action=$(sed -n "\${AUTOEXP_EXPERIMENT}p" "$AUTOEXP_PLAN")
case "$action" in
  set\\ *) echo "x=\${action#set }" > params.txt; echo "try x=\${action#set }" > "$AUTOEXP_DESCRIPTION_FILE" ;;
  note\\ *) echo "x=\${action#note }" > params.txt; echo "try x=\${action#note }" > "$AUTOEXP_DESCRIPTION_FILE"
    echo "x=\${action#note } is worth a try" >> "$AUTOEXP_LESSONS_FILE" ;;
  harness) echo "x=12" > params.txt; echo 'echo "score: 1000"; exit 0' > evaluate.sh ;;
  commit\\ *) echo "x=\${action#commit }" > params.txt; git commit -qam "agent's own commit" ;;
  commit-harness) echo 'echo "score: 1000"; exit 0' > evaluate.sh; git commit -qam "agent's own commit" ;;
  newfile) echo "hello" > extra.txt ;;
  delete) rm README.md ;;
  chmod) chmod +x README.md ;;
  rename) mv params.txt params2.txt ;;
  nothing) ;;
  fail) echo "agent exploded" >&2; exit 3 ;;
  *) echo "no plan for experiment $AUTOEXP_EXPERIMENT" >&2; exit 4 ;;
esac
`;

export function projectConfig(
  extra: { experiments?: number; timeout?: string; repeats?: number; evalLines?: string; body?: string } = {},
): string {
  return `tag: quad
scope:
  modify: [params.txt]
eval:
  command: bash evaluate.sh
  timeout: ${extra.timeout ?? '1s'}
  repeats: ${extra.repeats ?? 1}
${extra.evalLines ?? ''}
metrics:
  - name: score
    goal: maximize
  - name: size
    goal: minimize
budget:
  experiments: ${extra.experiments ?? 10}
  consecutive-crashes: 10
proposer:
  kind: command
  run: bash propose.sh
${extra.body ?? ''}`;
}

export function createProject(options: { config?: string; files?: Record<string, string> } = {}): TestRepo {
  return createTestRepo({
    'params.txt': 'x=3\n',
    'evaluate.sh': EVALUATE_SH,
    'propose.sh': PROPOSE_SH,
    'autoexp.yml': options.config ?? projectConfig(),
    'README.md': 'a test project\n',
    ...options.files,
  });
}

export async function projectSettings(repo: TestRepo): Promise<Settings> {
  return loadSettings(join(repo.root, 'autoexp.yml'), repo.root);
}

/**
 * A plan file for a scripted proposer (AUTOEXP_PLAN): line N is what experiment N does (there is no line
 * 0: experiment numbers start at 1).
 */
export function planFile(actions: readonly string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'autoexp-plan-')), 'plan.txt');
  writeFileSync(path, `${actions.join('\n')}\n`);
  return path;
}
