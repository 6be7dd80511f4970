// The `config` input as a glob (`autoexp/*.yml`): the run takes the program whose last session is the
// oldest, judged by the ledgers on origin's autoexp/* branches (src/config/programs.ts). Everything
// after the choice (branch, PR, outputs, summary) is about that one program.
import * as log from './log.js';
import { dirname } from 'node:path';
import { choosePrograms, describeChoice, expandConfigPattern } from '../config/programs.js';
import { Git } from '../git/git.js';
import { branchName } from '../session/session.js';
import { fetchExperimentBranches } from './repository.js';

/** The absolute path of the chosen program's config file. */
export async function chooseProgramConfig(options: {
  workspace: string;
  pattern: string;
  serverUrl: string;
  token: string;
}): Promise<string> {
  const paths = await expandConfigPattern(options.pattern, options.workspace, 'the config input');
  // actions/checkout may have cloned into a subfolder (`path:`): the repository is where the configs are.
  const repoRoot = await Git.at(dirname(paths[0]!))
    .describeRepository()
    .then((repository) => repository.topLevel)
    .catch(() => options.workspace);
  const failure = await fetchExperimentBranches({ ...options, workspace: repoRoot });
  if (failure !== undefined)
    log.warning(
      `autoexp: could not fetch the autoexp/* branches, so the choice of program may be off: ${failure}`,
    );
  const choice = await choosePrograms({
    pattern: options.pattern,
    paths,
    repoRoot,
    git: Git.at(repoRoot),
    // Origin holds what earlier runs pushed; a local branch only matters when the fetch failed.
    refsFor: (tag) => [`refs/remotes/origin/${branchName(tag)}`, `refs/heads/${branchName(tag)}`],
  });
  log.info(`autoexp: ${describeChoice(choice)}`);
  return choice.programs[choice.chosen]!.path;
}
