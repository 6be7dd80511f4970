#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  CliError
} from "./chunk-TU6LWZVU.js";

// src/cli/base-branch.ts
function chooseBase(settings, currentBranch) {
  if (settings.base !== void 0) return settings.base;
  if (currentBranch === void 0)
    throw new CliError(
      'HEAD is detached, so there is no current branch to use as base; set "base" in autoexp.yml'
    );
  if (/^autoexp(-final)?\//.test(currentBranch))
    throw new CliError(
      `the current branch ${currentBranch} is autoexp's, not a base: switch to the branch the experiments started from (git switch main), or set "base" in autoexp.yml`
    );
  return currentBranch;
}

export {
  chooseBase
};
