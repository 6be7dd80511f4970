#!/usr/bin/env node
import { createRequire as __autoexpCreateRequire } from 'node:module'; const require = __autoexpCreateRequire(import.meta.url);

// src/text/wrap.ts
function wrap(text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

export {
  wrap
};
