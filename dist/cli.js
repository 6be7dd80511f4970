#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  checkNodeVersion
} from "./chunks/chunk-QYIQTYXV.js";
import "./chunks/chunk-EWQXPLVQ.js";

// src/cli/bin.ts
if (checkNodeVersion("cli")) {
  const { hideSecretsFromEnviron } = await import("./chunks/hide-secrets-XSJKUYMP.js");
  hideSecretsFromEnviron();
  const { main } = await import("./chunks/main-NIF36MJJ.js");
  process.exitCode = await main(process.argv.slice(2));
}
