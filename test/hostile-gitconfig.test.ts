// An eval runs as the user, so it can rewrite ~/.gitconfig. autoexp's own git calls read the copy taken
// when the session started (src/git/git.ts, freezeGlobalConfig), never the file as it is later: a
// filter planted there would otherwise run inside autoexp's git, outside the eval's sandbox and limits.
// The user's own settings (their identity) still count. One file of its own: the copy is taken once per
// process, and this file sets HOME before the first session.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSession } from '../src/session/session.js';
import { createProject, planFile, projectConfig, projectSettings } from './helpers/project.js';
import { git } from './helpers/repo.js';

const saved: Record<string, string | undefined> = {};
const IDENTITY = ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL'];
let home: string;
let marks: string;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'autoexp-home-'));
  marks = mkdtempSync(join(tmpdir(), 'autoexp-marks-'));
  mkdirSync(join(home, '.config'));
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Home User\n\temail = home@example.invalid\n');
  for (const name of ['HOME', 'XDG_CONFIG_HOME', ...IDENTITY]) saved[name] = process.env[name];
  process.env.HOME = home;
  delete process.env.XDG_CONFIG_HOME;
  for (const name of IDENTITY) delete process.env[name];
});

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('~/.gitconfig rewritten by an eval', () => {
  it("plants a clean filter for every file: autoexp's git never runs it, and commits keep the user's identity", async () => {
    const attack = [
      `echo '* filter=evil' > ${marks}/attributes`,
      `printf '[core]\\n\\tattributesFile = ${marks}/attributes\\n[filter "evil"]\\n\\tclean = "touch ${marks}/ran; cat"\\n' >> "$HOME/.gitconfig"`,
    ].join('; ');
    const repo = createProject({
      config: projectConfig({ experiments: 3 }).replace(
        'command: bash evaluate.sh',
        `command: bash evaluate.sh; ${attack}`,
      ),
    });
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
    const result = await runSession({
      settings: await projectSettings(repo),
      checkout: repo.root,
      baseRef: 'main',
      env: { ...env, AUTOEXP_PLAN: planFile(['set 5', 'set 8', 'set 9']) },
      signal: new AbortController().signal,
    });
    // The planted filter is in the file, and git outside autoexp runs it...
    expect(git(repo.root, 'config', '--global', 'filter.evil.clean')).toContain('touch');
    // ...but none of autoexp's own commits, statuses or resets did.
    expect(existsSync(join(marks, 'ran'))).toBe(false);
    expect(result.outcomes.map((outcome) => outcome.row.status)).toEqual(['keep', 'keep', 'keep']);
    expect(git(repo.root, 'log', '-1', '--format=%an <%ae>', 'autoexp/quad')).toBe(
      'Home User <home@example.invalid>',
    );
  });
});
