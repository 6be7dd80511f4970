#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);
import {
  child_process,
  crypto,
  fs,
  os,
  path,
  stream,
  util
} from "./chunk-RGRASSI2.js";
import "./chunk-EWQXPLVQ.js";
export {
  child_process,
  crypto,
  fs,
  os,
  path,
  stream,
  util
};
