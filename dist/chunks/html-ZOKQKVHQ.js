#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  MAX_PAGE_PATCH_CHARS,
  escapeHtml,
  renderHtmlReport,
  reportData
} from "./chunk-WK5VISCM.js";
import "./chunk-H2EWZT4P.js";
import "./chunk-EWQXPLVQ.js";
export {
  MAX_PAGE_PATCH_CHARS,
  escapeHtml,
  renderHtmlReport,
  reportData
};
