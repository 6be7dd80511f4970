// The proposer of `autoexp combine`: each experiment applies the next kept commit of a track to the
// tree (cherry-pick without committing), and the session measures, decides and records it like any
// other candidate. Where the cherry-pick conflicts, each conflicting file is merged at the level of what
// changed (structured-merge.ts): two tracks that changed different keys of one JSON file compose. A
// commit that still conflicts is left out — the tree is clean again — and recorded as `invalid` with its
// reason, naming the keys both sides changed (`conflict: params.json: beta`).
import { Git } from '../git/git.js';
import { ProposalError, type Proposal, type Proposer, type ProposerContext } from '../propose/types.js';
import { replayDescription, type ReplayItem } from './plan.js';
import { mergeConflictingFile } from './structured-merge.js';

export function createReplayProposer(queue: readonly ReplayItem[]): Proposer {
  let next = 0;
  return {
    name: 'combine',
    async propose(context: ProposerContext): Promise<Proposal> {
      const item = queue[next++];
      if (item === undefined) throw new ProposalError('nothing left to replay');
      const description = replayDescription(item);
      const merged: string[] = [];
      const conflicts = await Git.at(context.worktree).applyCommit(item.commit, {
        resolve: (file) => {
          const outcome = mergeConflictingFile(file);
          if ('merged' in outcome) merged.push(file.path);
          return outcome;
        },
      });
      if (conflicts.length > 0) throw new ProposalError(`conflict: ${conflicts.join('; ')}`, { description });
      return {
        description,
        details: {
          track: item.track,
          experiment: item.experiment,
          commit: item.commit,
          // Files the cherry-pick conflicted in and that were merged key by key (or number by number).
          ...(merged.length > 0 ? { merged } : {}),
        },
      };
    },
  };
}

/** A commit to apply again, and the description its experiment gets. */
export interface Reapply {
  commit: string;
  description: string;
}

/**
 * Applies `first` one per experiment (a conflict is an `invalid` experiment), then hands every later
 * experiment to `then`: how a run that lost a push race measures its superseded keeps again on the other
 * run's head before it goes on with its own proposer.
 */
export function reapplyThen(first: readonly Reapply[], then: Proposer): Proposer {
  let next = 0;
  return {
    name: then.name,
    async propose(context: ProposerContext): Promise<Proposal> {
      const item = first[next++];
      if (item === undefined) return then.propose(context);
      // The keep's own values win where both runs changed the same lines: what is measured is the keep
      // as it was, on top of the other run's head, and it is kept only if it beats that head.
      const conflicts = await Git.at(context.worktree).applyCommit(item.commit, { theirs: true });
      if (conflicts.length > 0)
        throw new ProposalError(`conflict: ${conflicts.join(', ')}`, { description: item.description });
      return { description: item.description, details: { reapplied: item.commit } };
    },
    ...(then.repair ? { repair: then.repair.bind(then) } : {}),
  };
}
