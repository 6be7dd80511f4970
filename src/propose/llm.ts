// proposer.kind: llm (docs/llm.md): ask a chat model for SEARCH/REPLACE edits, apply them all or none,
// give it up to two repair turns when they do not apply, and one chance to fix a candidate that crashed.
// The provider is behind ChatClient (src/llm); this file is the conversation and the bookkeeping.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeNewPlainFile } from '../tree/plain-file.js';
import type { Settings } from '../config/settings.js';
import { applyChanges, planEdits } from '../edit/apply.js';
import { describeFailures, FORMAT_REMINDER } from '../edit/feedback.js';
import { editsOf, parseReply } from '../edit/parse.js';
import type { TokenCounts } from '../ledger/types.js';
import { costOf, estimateTokens, type Price } from '../llm/prices.js';
import {
  addUsage,
  LlmError,
  NO_USAGE,
  type ChatClient,
  type ChatMessage,
  type TokenUsage,
} from '../llm/types.js';
import { lessonOfReply } from '../memory/lessons.js';
import { scopeMatcher } from '../session/scope.js';
import { cleanDescriptionText } from '../text/record.js';
import { cleanLine, TEXT_LIMITS } from '../text/untrusted.js';
import {
  filesPrompt,
  PromptTooLargeError,
  statePrompt,
  systemPrompt,
  type PromptFile,
} from './llm-prompt.js';
import {
  ProposalError,
  ProposerSetupError,
  type CrashReport,
  type Proposal,
  type Proposer,
  type ProposerContext,
} from './types.js';

/** Repair turns for edits that did not apply; when they run out, the experiment is `invalid`. */
export const MAX_REPAIR_TURNS = 2;
/** The longest reply asked for; less when budget.cost-usd leaves less. */
export const MAX_OUTPUT_TOKENS = 16_384;
/** Below this many affordable reply tokens a call is not worth making: the session stops on cost. */
export const MIN_OUTPUT_TOKENS = 1_024;

export interface LlmProposerOptions {
  client: ChatClient;
  price: Price;
  /** Where the last prompt and reply are written, for a person debugging a run. */
  scratchDir: string;
  /** Values that must never reach a prompt (the API key, tokens in the environment). */
  secrets: readonly string[];
}

/** One experiment's conversation: kept so that a crashed candidate can be discussed with the same model. */
interface Conversation {
  system: string;
  messages: ChatMessage[];
  usage: TokenUsage;
  costUsd: number;
  calls: number;
}

export function createLlmProposer(options: LlmProposerOptions): Proposer {
  const { client, price } = options;
  let system: string | undefined;
  let last: Conversation | undefined;

  const redact = (text: string): string => {
    let clean = text;
    for (const secret of options.secrets)
      if (secret.length >= 8) clean = clean.split(secret).join('[redacted]');
    return clean;
  };

  /** One call, within what budget.cost-usd leaves. */
  async function call(conversation: Conversation, context: ProposerContext): Promise<string> {
    const promptText =
      conversation.system + conversation.messages.flatMap((m) => m.parts.map((p) => p.text)).join('');
    const promptTokens = estimateTokens(promptText);
    const left = context.costLeftUsd - conversation.costUsd;
    const affordable = Number.isFinite(left)
      ? Math.floor(
          (left * 1_000_000 - promptTokens * Math.max(price.input, price.cacheWrite)) /
            (price.output || 1e-9),
        )
      : MAX_OUTPUT_TOKENS;
    const maxOutputTokens = Math.min(MAX_OUTPUT_TOKENS, affordable);
    if (maxOutputTokens < MIN_OUTPUT_TOKENS) {
      throw new ProposalError(
        `stopped before an LLM call that could pass budget.cost-usd ($${left.toFixed(4)} left)`,
        { ...spent(conversation), stop: 'cost' },
      );
    }
    await writeNewPlainFile(join(options.scratchDir, 'llm-prompt.md'), renderForHumans(conversation));
    try {
      const reply = await client.complete({
        system: conversation.system,
        messages: conversation.messages,
        maxOutputTokens,
        signal: context.signal,
      });
      conversation.calls++;
      conversation.usage = addUsage(conversation.usage, reply.usage);
      conversation.costUsd += costOf(reply.usage, price);
      conversation.messages.push({ role: 'assistant', parts: [{ text: reply.text }] });
      await writeNewPlainFile(join(options.scratchDir, 'llm-reply.md'), reply.text);
      if (reply.truncated) return `${reply.text}\n[autoexp: reply cut off at ${maxOutputTokens} tokens]`;
      return reply.text;
    } catch (error) {
      if (context.signal.aborted)
        throw new ProposalError('cancelled while the model answered', spent(conversation));
      if (error instanceof LlmError) {
        if (error.fatal) throw new ProposerSetupError(error.message);
        throw new ProposalError(error.message, { ...spent(conversation), status: 'crash' });
      }
      throw error;
    }
  }

  /**
   * Asks, applies, and repairs: the reply's edits are planned against the files as they are (a dry run);
   * when some do not apply, the model gets precise feedback, at most MAX_REPAIR_TURNS times.
   */
  async function converse(conversation: Conversation, context: ProposerContext): Promise<Proposal> {
    const inScope = scopeMatcher(context.settings.scope.modify);
    const files = new Map<string, string | undefined>();
    const readWorktree = async (path: string) => {
      if (!files.has(path))
        files.set(path, await readFile(join(context.worktree, path), 'utf8').catch(() => undefined));
      return files.get(path);
    };
    let lastProblem = '';
    for (let turn = 0; turn <= MAX_REPAIR_TURNS; turn++) {
      const text = await call(conversation, context);
      const reply = parseReply(text);
      const edits = editsOf(reply);
      let feedback: string;
      if (edits.length === 0) {
        lastProblem = reply.problems[0] ?? 'the reply had no edit blocks';
        feedback = [
          `Your reply could not be used: ${reply.problems.join('; ') || 'it had no edit blocks'}.`,
          text.includes('[autoexp: reply cut off') ? 'It was cut off: use fewer, smaller blocks.' : '',
          FORMAT_REMINDER,
        ]
          .filter(Boolean)
          .join('\n\n');
      } else {
        for (const edit of edits) await readWorktree(edit.path);
        const outOfScope = edits.filter((edit) => !inScope(edit.path.replace(/^\.\//, '')));
        if (outOfScope.length > 0) {
          // A path outside scope makes the experiment invalid at once; no repair turn argues about it.
          // The paths are the model's words: cleaned before they reach the ledger and the screen.
          const paths = [...new Set(outOfScope.map((edit) => cleanLine(edit.path, TEXT_LIMITS.fileName)))];
          throw new ProposalError(`out of scope: ${paths.join(', ')}`, spent(conversation));
        }
        const plan = planEdits((path) => files.get(path), edits, inScope);
        if (plan.ok) {
          await applyChanges(context.worktree, plan.changes);
          // The hypothesis becomes the description (a commit message, a ledger cell): cleaned here.
          const description = cleanDescriptionText(reply.hypothesis ?? '');
          // The optional `Lesson:` line, for lessons.md (cleaned and bounded where it is recorded).
          const lesson = lessonOfReply(text);
          return {
            ...(description ? { description } : {}),
            ...(lesson ? { lessons: [lesson] } : {}),
            ...spent(conversation),
            details: { calls: conversation.calls, repair_turns: turn, edits: edits.length },
          };
        }
        lastProblem = plan.failures.map((failure) => `block ${failure.block}: ${failure.reason}`).join('; ');
        feedback = describeFailures(plan.failures, (path) => files.get(path), plan.appliedInDryRun);
      }
      conversation.messages.push({ role: 'user', parts: [{ text: redact(feedback) }] });
    }
    throw new ProposalError(
      `the model's edits did not apply after ${MAX_REPAIR_TURNS} repair turns (${lastProblem})`,
      spent(conversation),
    );
  }

  async function readPromptFiles(root: string, paths: readonly string[]): Promise<PromptFile[]> {
    return Promise.all(
      paths.map(async (path) => ({ path, content: redact(await readFile(join(root, path), 'utf8')) })),
    );
  }

  return {
    name: client.name.startsWith('llm:') ? client.name : `llm:${client.name}`,

    async propose(context: ProposerContext): Promise<Proposal> {
      try {
        // The context files and program.md are read once: the system prompt must stay byte-identical.
        system ??= redact(
          systemPrompt(context.settings, await readPromptFiles(context.worktree, context.contextFiles)),
        );
        const files = filesPrompt(
          context.settings,
          await readPromptFiles(context.worktree, context.scopeFiles),
        );
        last = { system, messages: [], usage: NO_USAGE, costUsd: 0, calls: 0 };
        last.messages.push({
          role: 'user',
          parts: [{ text: redact(files), cache: true }, { text: redact(statePrompt(context)) }],
        });
        return await converse(last, context);
      } catch (error) {
        if (error instanceof PromptTooLargeError) throw new ProposerSetupError(error.message);
        throw error;
      }
    },

    async repair(context: ProposerContext, crash: CrashReport): Promise<Proposal> {
      if (!last) throw new ProposalError('nothing to repair');
      const conversation: Conversation = { ...last, usage: NO_USAGE, costUsd: 0, calls: 0 };
      last = conversation;
      const changed = await changedFiles(context);
      const tail = crash.logTail.trimEnd().split('\n').slice(-40).join('\n');
      conversation.messages.push({
        role: 'user',
        parts: [
          {
            text: redact(
              [
                `Your change was applied and committed, but the eval crashed: ${crash.reason}. The last lines it printed:`,
                '```',
                tail,
                '```',
                'The files you changed now read:',
                '',
                filesPrompt(context.settings, changed).replace(/^## .*\n\n/, ''),
                'Fix the crash with SEARCH/REPLACE blocks against these current contents, keeping the idea of your',
                'change where you can. Start with a `Hypothesis:` line describing the change as a whole.',
              ].join('\n'),
            ),
          },
        ],
      });
      return converse(conversation, context);
    },
  };

  async function changedFiles(context: ProposerContext): Promise<PromptFile[]> {
    const edited = new Set<string>();
    for (const message of last?.messages ?? []) {
      if (message.role !== 'assistant') continue;
      for (const edit of editsOf(parseReply(message.parts.map((part) => part.text).join('')))) {
        edited.add(edit.path.replace(/^\.\//, ''));
      }
    }
    const present: PromptFile[] = [];
    for (const path of edited) {
      const content = await readFile(join(context.worktree, path), 'utf8').catch(() => undefined);
      if (content !== undefined) present.push({ path, content: redact(content) });
    }
    return present;
  }
}

function spent(conversation: Conversation): { tokens: TokenCounts; costUsd: number } {
  const { usage } = conversation;
  return {
    tokens: {
      input: usage.input,
      output: usage.output,
      ...(usage.cacheRead > 0 ? { cache_read: usage.cacheRead } : {}),
      ...(usage.cacheWrite > 0 ? { cache_write: usage.cacheWrite } : {}),
    },
    costUsd: conversation.costUsd,
  };
}

function renderForHumans(conversation: Conversation): string {
  const turns = conversation.messages.map(
    (message) => `# ${message.role}\n\n${message.parts.map((part) => part.text).join('')}`,
  );
  return [`# system\n\n${conversation.system}`, ...turns].join('\n\n');
}

/** The key for `settings`' llm proposer: the configured variable, else the action's api-key input. */
export function apiKeyFrom(
  settings: Extract<Settings['proposer'], { kind: 'llm' }>,
  env: NodeJS.ProcessEnv,
): { key: string; source: string } | undefined {
  const configured = env[settings.apiKeyEnv];
  if (configured) return { key: configured, source: settings.apiKeyEnv };
  const input = env.AUTOEXP_API_KEY;
  if (input) return { key: input, source: 'the api-key input' };
  return undefined;
}
