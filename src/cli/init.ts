// `autoexp init`: the three files a project needs, never overwriting one that exists.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CONFIG_TEMPLATE, PROGRAM_TEMPLATE, WORKFLOW_TEMPLATE } from './templates.js';

const FILES: ReadonlyArray<[string, string]> = [
  ['autoexp.yml', CONFIG_TEMPLATE],
  ['program.md', PROGRAM_TEMPLATE],
  ['.github/workflows/autoexp.yml', WORKFLOW_TEMPLATE],
];

export async function initCommand(root: string, out: NodeJS.WritableStream): Promise<number> {
  for (const [path, content] of FILES) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    try {
      await writeFile(target, content, { flag: 'wx' });
      out.write(`autoexp: wrote ${path}\n`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      out.write(`autoexp: kept ${path} (it exists; nothing overwritten)\n`);
    }
  }
  out.write(
    'autoexp: next, edit autoexp.yml (scope, eval, metrics) and program.md, then run `autoexp run`\n',
  );
  return 0;
}
