#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  MAX_PAGE_PATCH_CHARS,
  escapeHtml,
  renderHtmlReport,
  reportData
} from "./chunk-XBFC6CZA.js";
import "./chunk-SZ5CPAGB.js";
import "./chunk-EWQXPLVQ.js";
export {
  MAX_PAGE_PATCH_CHARS,
  escapeHtml,
  renderHtmlReport,
  reportData
};
