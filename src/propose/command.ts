// proposer.kind: command — any coding agent or script that edits files in place (docs/format.md, proposers).
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from '../measure/run-command.js';
import { buildAgentPrompt } from './prompt.js';
import { ProposalError, type Proposal, type Proposer, type ProposerContext } from './types.js';

/** Coding agents can take a while; the eval has its own limit. */
export const COMMAND_PROPOSER_TIMEOUT_MS = 30 * 60_000;

export function createCommandProposer(run: string, scratchDir: string): Proposer {
  const promptFile = join(scratchDir, 'prompt.md');
  const descriptionFile = join(scratchDir, 'description.txt');
  const logPath = join(scratchDir, 'proposer.log');
  return {
    name: 'command',
    async propose(context: ProposerContext): Promise<Proposal> {
      await writeFile(promptFile, buildAgentPrompt(context, descriptionFile));
      await rm(descriptionFile, { force: true });
      const result = await runCommand({
        command: run,
        cwd: context.worktree,
        env: {
          ...context.env,
          AUTOEXP_PROMPT_FILE: promptFile,
          AUTOEXP_EXPERIMENT: String(context.experiment),
          AUTOEXP_RESULTS: context.resultsPath,
          AUTOEXP_DESCRIPTION_FILE: descriptionFile,
        },
        timeoutMs: COMMAND_PROPOSER_TIMEOUT_MS,
        logPath,
        metrics: [],
        signal: context.signal,
      });
      if (result.aborted) throw new ProposalError('cancelled while the proposer ran');
      if (result.timedOut)
        throw new ProposalError('proposer command timed out after 30m', { logTail: result.logTail });
      if (result.exitCode !== 0) {
        const how =
          result.exitCode === null ? `was killed by ${result.signal}` : `exited with code ${result.exitCode}`;
        throw new ProposalError(`proposer command ${how}`, { logTail: result.logTail });
      }
      const description = await readFile(descriptionFile, 'utf8').then(
        (text) =>
          text
            .split('\n')
            .find((line) => line.trim() !== '')
            ?.trim(),
        () => undefined,
      );
      return description ? { description } : {};
    },
  };
}
