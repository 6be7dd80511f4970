#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);

// src/llm/types.ts
var LlmError = class extends Error {
  constructor(message, fatal) {
    super(message);
    this.fatal = fatal;
  }
  fatal;
  name = "LlmError";
};
var NO_USAGE = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
function addUsage(a, b) {
  return {
    input: a.input + b.input,
    output: a.output + b.output,
    cacheRead: a.cacheRead + b.cacheRead,
    cacheWrite: a.cacheWrite + b.cacheWrite
  };
}

export {
  LlmError,
  NO_USAGE,
  addUsage
};
