// Picks the proposer that autoexp.yml asks for.
import type { Settings } from '../config/settings.js';
import type { ProviderOptions } from '../llm/openai.js';
import { priceOf } from '../llm/prices.js';
import type { ChatClient } from '../llm/types.js';
import { secretValues } from '../measure/environment.js';
import type { AgentConfig } from './agent-config.js';
import { createCommandProposer } from './command.js';
import { apiKeyFrom, createLlmProposer } from './llm.js';
import { createMutateProposer } from './mutate/mutate.js';
import { ProposerSetupError, type Proposer } from './types.js';

/** Attempts per LLM call: the SDKs retry 429, 5xx and timeouts with backoff, honouring retry-after. */
export const LLM_MAX_RETRIES = 4;
/** One call's limit; reasoning models can think for minutes. */
export const LLM_TIMEOUT_MS = 10 * 60_000;

/** `agentConfig`: for a `command` proposer, the agents' config to put back before each run (command.ts). */
export function createProposer(
  settings: Settings,
  scratchDir: string,
  env: NodeJS.ProcessEnv,
  agentConfig?: AgentConfig,
): Proposer {
  const proposer = settings.proposer;
  switch (proposer.kind) {
    case 'mutate':
      return createMutateProposer({ seed: proposer.seed, step: proposer.step, jump: proposer.jump });
    case 'command':
      return createCommandProposer(proposer.run, scratchDir, agentConfig);
    case 'llm': {
      const key = apiKeyFrom(proposer, env);
      if (!key) {
        throw new ProposerSetupError(
          `proposer.kind llm needs an API key: set ${proposer.apiKeyEnv} (or the action's api-key input)`,
        );
      }
      const price = priceOf(proposer.provider, proposer.model, proposer.price);
      if (!price) {
        throw new ProposerSetupError(
          `no built-in price for ${proposer.provider} model "${proposer.model}", so budget.cost-usd cannot be ` +
            'kept: set proposer.price: {input, output} (USD per million tokens; {input: 0, output: 0} for a local model)',
        );
      }
      const options = {
        model: proposer.model,
        apiKey: key.key,
        baseUrl: proposer.baseUrl,
        keySource: key.source,
        maxRetries: LLM_MAX_RETRIES,
        timeoutMs: LLM_TIMEOUT_MS,
      };
      const client = lazyClient(proposer.provider, options);
      return createLlmProposer({ client, price, scratchDir, secrets: secretValues(env, [key.key]) });
    }
  }
}

/**
 * The provider's SDK is loaded on the first call (a chunk of its own in dist/): the CLI and the Action
 * start without parsing it when the proposer is not llm.
 */
function lazyClient(provider: 'openai' | 'anthropic', options: ProviderOptions): ChatClient {
  let client: Promise<ChatClient> | undefined;
  const load = async (): Promise<ChatClient> =>
    provider === 'anthropic'
      ? (await import('../llm/anthropic.js')).createAnthropicClient(options)
      : (await import('../llm/openai.js')).createOpenAiClient(options);
  return {
    name: `${provider}/${options.model}`,
    complete: async (request) => (await (client ??= load())).complete(request),
  };
}
