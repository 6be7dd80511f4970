// Picks the proposer that autoexp.yml asks for.
import type { Settings } from '../config/settings.js';
import { createCommandProposer } from './command.js';
import { createMutateProposer } from './mutate/mutate.js';
import type { Proposer } from './types.js';

export function createProposer(settings: Settings, scratchDir: string): Proposer {
  const proposer = settings.proposer;
  switch (proposer.kind) {
    case 'mutate':
      return createMutateProposer({ seed: proposer.seed });
    case 'command':
      return createCommandProposer(proposer.run, scratchDir);
    case 'llm':
      throw new Error('proposer.kind: llm is not supported yet');
  }
}
