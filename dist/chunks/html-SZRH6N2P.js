#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  MAX_PAGE_PATCH_CHARS,
  escapeHtml,
  limitSpans,
  renderHtmlReport,
  reportData
} from "./chunk-C4EONAWS.js";
import "./chunk-BN6DFJJ5.js";
import "./chunk-EWQXPLVQ.js";
export {
  MAX_PAGE_PATCH_CHARS,
  escapeHtml,
  limitSpans,
  renderHtmlReport,
  reportData
};
