// The environment autoexp hands to the processes it starts: the eval, setup, guard and
// holdout never see GitHub credentials, action inputs, runner tokens or LLM keys; a `command` proposer
// gets the LLM key it needs but never the GitHub token.

const GITHUB_SECRET_NAMES = new Set([
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITHUB_PAT',
  'GH_ENTERPRISE_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
]);
/** INPUT_* holds every action input (github-token, api-key); ACTIONS_* the runner's tokens and URLs. */
const GITHUB_SECRET_PREFIXES = ['INPUT_', 'ACTIONS_'];
/**
 * The runner's file commands: files it reads when the step ends. What a process appends to GITHUB_ENV
 * (`BASH_ENV=…`) or GITHUB_PATH reaches every later step of the job, so no process autoexp starts is told
 * where they are (src/action/runner-files.ts puts back what one wrote after guessing the path).
 */
export const RUNNER_FILE_VARIABLES = [
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
] as const;
const RUNNER_FILE_NAMES = new Set<string>(RUNNER_FILE_VARIABLES);
/**
 * Keys of model providers and coding agents. AUTOEXP_API_KEY: the action's api-key input as a command
 * proposer receives it. A key under another name reaches the eval unless proposer.api-key-env names it.
 */
const LLM_KEY_NAMES = new Set([
  'AUTOEXP_API_KEY',
  'OPENAI_API_KEY',
  'AZURE_OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'CLAUDE_CODE_OAUTH_TOKEN',
  'CODEX_API_KEY',
  'COPILOT_GITHUB_TOKEN',
  'GEMINI_API_KEY',
  'GOOGLE_API_KEY',
  'MISTRAL_API_KEY',
  'OPENROUTER_API_KEY',
  'DEEPSEEK_API_KEY',
  'GROQ_API_KEY',
  'XAI_API_KEY',
  'TOGETHER_API_KEY',
  'FIREWORKS_API_KEY',
]);

/** GitHub and runner credentials, and the action's inputs. */
export function isGitHubSecret(name: string): boolean {
  const upper = name.toUpperCase();
  return GITHUB_SECRET_NAMES.has(upper) || GITHUB_SECRET_PREFIXES.some((prefix) => upper.startsWith(prefix));
}

/** GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY. */
export function isRunnerFileVariable(name: string): boolean {
  return RUNNER_FILE_NAMES.has(name.toUpperCase());
}

/** The well-known LLM key variables, and `extra` (the configured `proposer.api-key-env`). */
export function isLlmKey(name: string, extra: readonly string[] = []): boolean {
  return LLM_KEY_NAMES.has(name.toUpperCase()) || extra.includes(name);
}

function keepOnly(env: NodeJS.ProcessEnv, keep: (name: string) => boolean): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && keep(name)) result[name] = value;
  return result;
}

/**
 * For the eval, setup, guard and holdout: no GitHub secret, no input, no runner file command, no LLM key
 * (`secretNames` included).
 */
export function cleanEnvironment(
  env: NodeJS.ProcessEnv,
  secretNames: readonly string[],
): Record<string, string> {
  return keepOnly(
    env,
    (name) => !isGitHubSecret(name) && !isRunnerFileVariable(name) && !isLlmKey(name, secretNames),
  );
}

/** For a `command` proposer: everything but GitHub secrets, inputs and runner files (it keeps the LLM key). */
export function withoutGitHubSecrets(env: NodeJS.ProcessEnv): Record<string, string> {
  return keepOnly(env, (name) => !isGitHubSecret(name) && !isRunnerFileVariable(name));
}

/** A variable named as a credential: `…_TOKEN`, `…_KEY`, `…_SECRET`, `…_PASSWORD`, `…_PASSWD`, `…_CREDENTIALS`. */
export function isCredentialName(name: string): boolean {
  return /(^|_)(TOKEN|KEY|SECRET|PASSWORD|PASSWD|CREDENTIALS?)($|_)/i.test(name);
}

/**
 * Values in `env` that must never be written where others read (a prompt, the ledger): what variables
 * named as credentials hold (isCredentialName, the action's github-token and api-key inputs), and
 * `more`. Shorter than 8 characters they are left: they would match ordinary text.
 */
export function secretValues(env: NodeJS.ProcessEnv, more: readonly string[] = []): string[] {
  const names = Object.keys(env).filter(
    (name) => isCredentialName(name) || /^INPUT_GITHUB-TOKEN$|^INPUT_API-KEY$/i.test(name),
  );
  const values = [...more, ...names.map((name) => env[name] ?? '')].filter((value) => value.length >= 8);
  return [...new Set(values)];
}
