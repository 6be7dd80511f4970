// Input `finalize: true`: after the session, the best experiment's scope changes as one commit on base, on
// autoexp-final/<tag> (src/finalize/), pushed to origin, and a PR kept for it. A finalize that cannot be
// done (base changed the same lines, someone pushed onto the branch) is a warning: the night's experiments
// are pushed and stay the result.
import type { Settings } from '../config/settings.js';
import { buildFinalCommit, FinalizeError } from '../finalize/final-branch.js';
import { renderFinalBody } from '../finalize/final-report.js';
import { pushFinalBranch, setLocalFinalBranch } from '../finalize/publish.js';
import { branchName } from '../session/recorder.js';
import { GitHubApiError, type GitHubRepo, type UpsertSummaryResult } from './github.js';
import type { PreparedRepository } from './repository.js';

export interface FinalizeOutcome {
  /** autoexp-final/<tag> when it is on origin after this run. */
  branch?: string;
  pullRequest: UpsertSummaryResult;
}

export async function finalizeInAction(input: {
  repository: PreparedRepository;
  settings: Settings;
  github: GitHubRepo | undefined;
  /** create-pr and pr.enabled: whether to keep a PR for the branch. */
  createPr: boolean;
  warn: (message: string) => void;
  info: (message: string) => void;
}): Promise<FinalizeOutcome> {
  const { repository, settings } = input;
  try {
    const outcome = await buildFinalCommit({
      git: repository.git,
      settings,
      branchRef: `refs/heads/${branchName(settings.tag)}`,
      baseRef: repository.baseRef,
      baseName: repository.base,
    });
    if (outcome.kind === 'nothing') return { pullRequest: { operation: 'none', note: outcome.reason } };
    const { final } = outcome;
    const commit = await setLocalFinalBranch(repository.git, final);
    const pushed = await pushFinalBranch(repository.remote, 'origin', final, commit);
    input.info(
      `autoexp: ${final.branch} ${pushed === 'unchanged' ? 'is unchanged' : pushed} on origin: ${final.title}`,
    );
    if (!input.createPr)
      return { branch: final.branch, pullRequest: { operation: 'none', note: 'creating PRs is turned off' } };
    if (!input.github)
      return {
        branch: final.branch,
        pullRequest: { operation: 'none', note: 'no GitHub token or repository' },
      };
    const pullRequest = await input.github.upsertSummaryPullRequest({
      head: final.branch,
      base: repository.base,
      title: final.title,
      body: renderFinalBody(final, repository.base),
      draft: settings.pr.draft,
      labels: settings.pr.labels,
      reopen: settings.pr.reopen,
    });
    return { branch: final.branch, pullRequest };
  } catch (error) {
    if (!(error instanceof FinalizeError || error instanceof GitHubApiError)) throw error;
    input.warn(`autoexp: finalize: ${error.message}`);
    return { pullRequest: { operation: 'none', note: error.message } };
  }
}
