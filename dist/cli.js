#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  hideSecretsFromEnviron
} from "./chunks/chunk-ZBZEOMJQ.js";
import "./chunks/chunk-YLFIXOW4.js";
import "./chunks/chunk-EWQXPLVQ.js";

// src/cli/bin.ts
hideSecretsFromEnviron();
var { main } = await import("./chunks/main-W6E26Q6E.js");
process.exitCode = await main(process.argv.slice(2));
