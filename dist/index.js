#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  hideSecretsFromEnviron
} from "./chunks/chunk-ZBZEOMJQ.js";
import "./chunks/chunk-YLFIXOW4.js";
import "./chunks/chunk-EWQXPLVQ.js";

// src/action/index.ts
hideSecretsFromEnviron();
var { run } = await import("./chunks/main-JGBFQYJY.js");
await run();
