#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);

// src/measure/environment.ts
var GITHUB_SECRET_NAMES = /* @__PURE__ */ new Set([
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "GITHUB_PAT",
  "GH_ENTERPRISE_TOKEN",
  "GITHUB_ENTERPRISE_TOKEN"
]);
var GITHUB_SECRET_PREFIXES = ["INPUT_", "ACTIONS_"];
var RUNNER_FILE_VARIABLES = [
  "GITHUB_ENV",
  "GITHUB_PATH",
  "GITHUB_OUTPUT",
  "GITHUB_STATE",
  "GITHUB_STEP_SUMMARY"
];
var RUNNER_FILE_NAMES = new Set(RUNNER_FILE_VARIABLES);
var LLM_KEY_NAMES = /* @__PURE__ */ new Set([
  "AUTOEXP_API_KEY",
  "OPENAI_API_KEY",
  "AZURE_OPENAI_API_KEY",
  "ANTHROPIC_API_KEY",
  "CLAUDE_CODE_OAUTH_TOKEN",
  "CODEX_API_KEY",
  "COPILOT_GITHUB_TOKEN",
  "GEMINI_API_KEY",
  "GOOGLE_API_KEY",
  "MISTRAL_API_KEY",
  "OPENROUTER_API_KEY",
  "DEEPSEEK_API_KEY",
  "GROQ_API_KEY",
  "XAI_API_KEY",
  "TOGETHER_API_KEY",
  "FIREWORKS_API_KEY"
]);
function isGitHubSecret(name) {
  const upper = name.toUpperCase();
  return GITHUB_SECRET_NAMES.has(upper) || GITHUB_SECRET_PREFIXES.some((prefix) => upper.startsWith(prefix));
}
function isRunnerFileVariable(name) {
  return RUNNER_FILE_NAMES.has(name.toUpperCase());
}
function isLlmKey(name, extra = []) {
  return LLM_KEY_NAMES.has(name.toUpperCase()) || extra.includes(name);
}
function keepOnly(env, keep) {
  const result = {};
  for (const [name, value] of Object.entries(env))
    if (value !== void 0 && keep(name)) result[name] = value;
  return result;
}
function cleanEnvironment(env, secretNames) {
  return keepOnly(
    env,
    (name) => !isGitHubSecret(name) && !isRunnerFileVariable(name) && !isLlmKey(name, secretNames)
  );
}
function withoutGitHubSecrets(env) {
  return keepOnly(env, (name) => !isGitHubSecret(name) && !isRunnerFileVariable(name));
}
function isCredentialName(name) {
  return /(^|_)(TOKEN|KEY|SECRET|PASSWORD|PASSWD|CREDENTIALS?)($|_)/i.test(name);
}
function secretValues(env, more = []) {
  const names = Object.keys(env).filter(
    (name) => isCredentialName(name) || /^INPUT_GITHUB-TOKEN$|^INPUT_API-KEY$/i.test(name)
  );
  const values = [...more, ...names.map((name) => env[name] ?? "")].filter((value) => value.length >= 8);
  return [...new Set(values)];
}

export {
  RUNNER_FILE_VARIABLES,
  isGitHubSecret,
  isLlmKey,
  cleanEnvironment,
  withoutGitHubSecrets,
  isCredentialName,
  secretValues
};
