// `node bench/run.mjs prompts`: a 10-experiment session of the llm proposer against the local OpenAI
// stand-in, on a project of realistic proportions (a 60-line config in scope, a page of program.md, a
// read-only context file). For each experiment: the share of its prompt that is a byte-identical prefix
// of the previous experiment's prompt, which is what provider prompt caches can reuse. Goal: >= 80 %.
import { join } from 'node:path';
import { loadSettings } from '../src/config/load.js';
import { runSession } from '../src/session/session.js';
import { startFakeLlm } from '../test/helpers/fake-llm.js';
import { createTestRepo, GIT_IDENTITY_ENV } from '../test/helpers/repo.js';

const KEY = 'sk-bench';

function configFile(x: number): string {
  const lines = Array.from({ length: 60 }, (_, index) => `param_${index}: ${(index * 37) % 101}`);
  lines.splice(30, 0, `x: ${x}`);
  return `${lines.join('\n')}\n`;
}

const PROGRAM = `${[
  'We tune the cache simulator configuration in config.yaml.',
  'The score peaks for one value of x; the other parameters are there for realism and should not move.',
  'Make one change per experiment. Prefer small steps around the current best value, then larger ones',
  'when small steps stop helping. Read the history: do not repeat values that were tried.',
].join('\n')}\n`.repeat(4);

const CONTEXT = `${'The simulator replays a recorded trace of 10,000 requests against the cache. '.repeat(30)}\n`;

/** x values the scripted model proposes, in order: keeps and discards alternate like a real night. */
const PLAN = [5, 4, 7, 6, 8, 12, 9, 11, 10, 13];

export interface PromptBench {
  experiments: number;
  promptChars: number[];
  /** Per experiment from the second: byte-identical prefix / prompt length. */
  prefixShare: number[];
  meanPrefixShare: number;
  minPrefixShare: number;
  /** Of the prompt tokens the stand-in counted, the share it reported as cached (128-token steps). */
  cachedTokenShare: number;
}

function commonPrefix(a: string, b: string): number {
  let index = 0;
  while (index < a.length && index < b.length && a.charCodeAt(index) === b.charCodeAt(index)) index++;
  return index;
}

export async function benchPrompts(): Promise<PromptBench> {
  const server = await startFakeLlm({ provider: 'openai', key: KEY });
  // Each reply replaces whatever x the file holds now: the SEARCH line is filled in per request below.
  let current = 3;
  let pending = 0;
  const repo = createTestRepo({
    'config.yaml': configFile(3),
    'evaluate.sh': 'x=$(sed -n "s/^x: //p" config.yaml)\necho "score: $((100 - (x - 10) * (x - 10)))"\n',
    'program.md': PROGRAM,
    'docs/simulator.md': CONTEXT,
    'autoexp.yml': `tag: bench
scope:
  modify: [config.yaml]
  context: [docs/*.md]
eval:
  command: bash evaluate.sh
metrics:
  - name: score
    goal: maximize
budget:
  experiments: ${PLAN.length}
proposer:
  kind: llm
  provider: openai
  model: gpt-5-mini
  base-url: ${server.baseUrl}
`,
  });
  const settings = await loadSettings(join(repo.root, 'autoexp.yml'), repo.root);
  const scriptNext = () => {
    const x = PLAN[pending]!;
    server.script(
      `Hypothesis: try x=${x}\n\nconfig.yaml\n\`\`\`yaml\n<<<<<<< SEARCH\nx: ${current}\n=======\nx: ${x}\n>>>>>>> REPLACE\n\`\`\`\n`,
    );
  };
  scriptNext();
  const cached: number[] = [];
  const input: number[] = [];
  try {
    await runSession({
      settings,
      checkout: repo.root,
      baseRef: 'main',
      env: { ...process.env, ...GIT_IDENTITY_ENV, OPENAI_API_KEY: KEY },
      signal: new AbortController().signal,
      events: {
        experiment: (outcome) => {
          if (outcome.row.experiment === 0) return;
          input.push(outcome.record.tokens.input);
          cached.push(outcome.record.tokens.cache_read ?? 0);
          if (outcome.row.status === 'keep') current = PLAN[pending]!;
          pending++;
          if (pending < PLAN.length) scriptNext();
        },
      },
    });
  } finally {
    await server.close();
  }
  const prompts = server.requests.map((request) => request.prompt);
  const prefixShare = prompts
    .slice(1)
    .map((prompt, index) => commonPrefix(prompts[index]!, prompt) / prompt.length);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    experiments: prompts.length,
    promptChars: prompts.map((prompt) => prompt.length),
    prefixShare: prefixShare.map(round),
    meanPrefixShare: round(prefixShare.reduce((sum, share) => sum + share, 0) / prefixShare.length),
    minPrefixShare: round(Math.min(...prefixShare)),
    cachedTokenShare: round(cached.reduce((a, b) => a + b, 0) / input.reduce((a, b) => a + b, 0)),
  };
}
