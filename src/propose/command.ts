// proposer.kind: command — any coding agent or script that edits files in place (docs/format.md, proposers).
import { constants } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgentConfig } from './agent-config.js';
import { readAddedLessons, writeLessonsCopy } from '../memory/lessons-file.js';
import { writeNewPlainFile } from '../tree/plain-file.js';
import { runCommand } from '../measure/run-command.js';
import { cleanDescriptionText, cleanLogTail } from '../text/record.js';
import { buildAgentPrompt } from './prompt.js';
import { ProposalError, type Proposal, type Proposer, type ProposerContext } from './types.js';

/** Coding agents can take a while; the eval has its own limit. */
export const COMMAND_PROPOSER_TIMEOUT_MS = 30 * 60_000;
/** Of the description file, only this much is read: the description is its first non-blank line. */
export const DESCRIPTION_FILE_READ_BYTES = 64 * 1024;

/**
 * `agentConfig`: the coding agents' config in HOME as the session found it or the last run left it, put
 * back before each run, so that nothing an eval wrote there runs in the agent with its key
 * (src/propose/agent-config.ts).
 */
export function createCommandProposer(run: string, scratchDir: string, agentConfig?: AgentConfig): Proposer {
  const promptFile = join(scratchDir, 'prompt.md');
  const descriptionFile = join(scratchDir, 'description.txt');
  // Outside the tree: the proposer may append lessons here; autoexp writes lessons.md on the branch itself.
  const lessonsFile = join(scratchDir, 'lessons.md');
  const logPath = join(scratchDir, 'proposer.log');
  return {
    name: 'command',
    async propose(context: ProposerContext): Promise<Proposal> {
      await writeNewPlainFile(promptFile, buildAgentPrompt(context, descriptionFile, lessonsFile));
      await rm(descriptionFile, { force: true });
      const lessonsBefore = context.lessons?.markdown ?? '';
      await writeLessonsCopy(lessonsFile, lessonsBefore);
      await agentConfig?.restore(context.worktree);
      const result = await runCommand({
        command: run,
        cwd: context.worktree,
        env: {
          ...context.env,
          AUTOEXP_PROMPT_FILE: promptFile,
          AUTOEXP_EXPERIMENT: String(context.experiment),
          AUTOEXP_RESULTS: context.resultsPath,
          AUTOEXP_DESCRIPTION_FILE: descriptionFile,
          AUTOEXP_LESSONS_FILE: lessonsFile,
        },
        timeoutMs: COMMAND_PROPOSER_TIMEOUT_MS,
        logPath,
        metrics: [],
        signal: context.signal,
      });
      await agentConfig?.settle(context.worktree);
      if (result.aborted) throw new ProposalError('cancelled while the proposer ran');
      // The proposer's output is untrusted text on its way to the ledger and the screen: cleaned here.
      if (result.timedOut)
        throw new ProposalError('proposer command timed out after 30m', {
          logTail: cleanLogTail(result.logTail),
        });
      if (result.exitCode !== 0) {
        const how =
          result.exitCode === null ? `was killed by ${result.signal}` : `exited with code ${result.exitCode}`;
        throw new ProposalError(`proposer command ${how}`, { logTail: cleanLogTail(result.logTail) });
      }
      const description = await readDescription(descriptionFile);
      const lessons = await readAddedLessons(lessonsFile, lessonsBefore);
      return {
        ...(description ? { description } : {}),
        ...(lessons.length > 0 ? { lessons } : {}),
      };
    },
  };
}

/**
 * The first non-blank line of the description file, cleaned and cut to a description's length; only
 * the file's start is read, so a huge file costs nothing. A FIFO or a directory there reads as none.
 */
async function readDescription(path: string): Promise<string | undefined> {
  let file;
  try {
    // Non-blocking: a FIFO left there must not hang the session.
    file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    if (!(await file.stat()).isFile()) return undefined;
    const buffer = Buffer.alloc(DESCRIPTION_FILE_READ_BYTES);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const line = text.split('\n').find((candidate) => candidate.trim() !== '');
    return line === undefined ? undefined : cleanDescriptionText(line) || undefined;
  } catch {
    return undefined;
  } finally {
    await file.close();
  }
}
