#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  isCredentialName,
  isGitHubSecret,
  isLlmKey
} from "./chunk-UA3XOMH2.js";
import "./chunk-EWQXPLVQ.js";

// src/measure/hide-secrets.ts
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
var SECRETS_FILE_VARIABLE = "AUTOEXP_SECRETS_FILE";
var PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"];
function isSecretName(name) {
  return isGitHubSecret(name) || isLlmKey(name) || isCredentialName(name);
}
function hideSecretsFromEnviron() {
  const file = process.env[SECRETS_FILE_VARIABLE];
  if (file !== void 0) {
    delete process.env[SECRETS_FILE_VARIABLE];
    let secrets2;
    try {
      secrets2 = JSON.parse(readFileSync(file, "utf8"));
    } finally {
      rmSync(dirname(file), { recursive: true, force: true });
    }
    for (const [name, value] of Object.entries(secrets2)) process.env[name] = value;
    return;
  }
  if (process.platform !== "linux" || typeof process.execve !== "function") return;
  const names = Object.keys(process.env).filter(isSecretName);
  const needsProxy = PROXY_VARIABLES.some((name) => process.env[name]) && process.env.NODE_USE_ENV_PROXY === void 0;
  if (names.length === 0 && !needsProxy) return;
  const secrets = {};
  const clean = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === void 0) continue;
    if (names.includes(name)) secrets[name] = value;
    else clean[name] = value;
  }
  const runnerTemp = process.env.RUNNER_TEMP;
  const dir = mkdtempSync(join(runnerTemp && existsSync(runnerTemp) ? runnerTemp : tmpdir(), "autoexp-"));
  const path = join(dir, "secrets.json");
  writeFileSync(path, JSON.stringify(secrets), { mode: 384 });
  clean[SECRETS_FILE_VARIABLE] = path;
  if (needsProxy) clean.NODE_USE_ENV_PROXY = "1";
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], clean);
}
export {
  SECRETS_FILE_VARIABLE,
  hideSecretsFromEnviron,
  isSecretName
};
