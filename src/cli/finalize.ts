// `autoexp finalize`: the best experiment's scope changes as one commit on base, on autoexp-final/<tag>
// (src/finalize/), and with --push on origin too. The ledger stays on autoexp/<tag>.
import { buildFinalCommit, FinalizeError } from '../finalize/final-branch.js';
import { pushFinalBranch, setLocalFinalBranch } from '../finalize/publish.js';
import { branchName } from '../session/recorder.js';
import { cleanLine, TEXT_LIMITS } from '../text/untrusted.js';
import { runnerText } from '../text/workflow-log.js';
import { chooseBase } from './base-branch.js';
import { CliError, loadProject, type CliIO } from './commands.js';

export async function finalizeCommand(
  io: CliIO,
  options: { config: string; push: boolean },
): Promise<number> {
  const { settings, repo, currentBranch } = await loadProject(io, options.config);
  const remote = 'origin';
  const baseName = chooseBase(settings, currentBranch);
  const branch = branchName(settings.tag);
  // The ledger as `status` reads it: the local branch, else origin's copy (after the Action ran).
  const branchRef = (await repo.resolve(`refs/heads/${branch}`))
    ? `refs/heads/${branch}`
    : `refs/remotes/${remote}/${branch}`;
  if (!(await repo.resolve(branchRef)))
    throw new CliError(
      `there is no ${branch} here (nor ${remote}/${branch}); run \`autoexp run\` first, or git fetch`,
    );
  let baseRef = `refs/heads/${baseName}`;
  if (options.push) {
    // What is pushed must sit on base as origin has it, or the PR would carry unpushed commits of base.
    baseRef = `refs/remotes/${remote}/${baseName}`;
    const fetched = await repo.fetch(remote, [`+refs/heads/${baseName}:${baseRef}`]);
    if (fetched.exitCode !== 0)
      throw new CliError(`cannot fetch ${baseName} from ${remote}: ${fetched.stderr.trim()}`);
  }
  try {
    const outcome = await buildFinalCommit({ git: repo, settings, branchRef, baseRef, baseName });
    if (outcome.kind === 'nothing') {
      io.stdout.write(`autoexp: nothing to finalize: ${outcome.reason}\n`);
      return 0;
    }
    const { final } = outcome;
    const commit = await setLocalFinalBranch(repo, final);
    const files = final.files.map((path) => cleanLine(path, TEXT_LIMITS.fileName)).join(', ');
    io.stdout.write(
      runnerText(
        `autoexp: ${final.branch} (${commit.slice(0, 7)}) is ${baseName} plus experiment #${final.best.experiment}'s ` +
          `changes to ${files}, as one commit\n` +
          `  ${final.title}\n` +
          `  ${final.steps.length} kept experiment(s) in it; the ledger stays on ${branch}\n`,
      ),
    );
    if (!options.push) {
      io.stdout.write(
        `autoexp: merge it (git switch ${baseName} && git merge ${final.branch}), or publish it: autoexp finalize --push\n`,
      );
      return 0;
    }
    const pushed = await pushFinalBranch(repo, remote, final, commit);
    const said = {
      created: 'pushed to',
      replaced: "replaced autoexp's earlier commit on",
      unchanged: 'already on',
    }[pushed];
    io.stdout.write(
      `autoexp: ${said} ${remote}/${final.branch}; open a pull request from it into ${baseName}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof FinalizeError) throw new CliError(error.message);
    throw error;
  }
}
