#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  checkNodeVersion
} from "./chunks/chunk-QYIQTYXV.js";
import "./chunks/chunk-EWQXPLVQ.js";

// src/action/index.ts
if (checkNodeVersion("action")) {
  const { hideSecretsFromEnviron } = await import("./chunks/hide-secrets-XSJKUYMP.js");
  hideSecretsFromEnviron();
  const { run } = await import("./chunks/main-CIXSQVII.js");
  await run();
}
