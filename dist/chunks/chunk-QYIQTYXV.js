#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);

// src/node-version.ts
var MINIMUM_NODE_MAJOR = 24;
function nodeVersionProblem(version = process.versions.node) {
  const major = Number(version.split(".")[0]);
  if (major >= MINIMUM_NODE_MAJOR) return void 0;
  return `needs Node ${MINIMUM_NODE_MAJOR} or later (this is Node ${version})`;
}
function checkNodeVersion(entry) {
  const problem = nodeVersionProblem();
  if (problem === void 0) return true;
  if (entry === "action") process.stdout.write(`::error::autoexp: ${problem}
`);
  else process.stderr.write(`autoexp: ${problem}
`);
  process.exitCode = 1;
  return false;
}

export {
  checkNodeVersion
};
