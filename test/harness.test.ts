// What no experiment may change whatever scope.modify says: autoexp.yml and the scripts the eval runs.
import { describe, expect, it } from 'vitest';
import type { Settings } from '../src/config/settings.js';
import { harnessFiles, scriptsRun } from '../src/session/harness.js';

describe('scriptsRun', () => {
  it.each([
    ['bash evaluate.sh', ['evaluate.sh']],
    ['./run_eval.sh --fast', ['run_eval.sh']],
    ['python bench/run.py config.yaml', ['bench/run.py']],
    ['CUDA_VISIBLE_DEVICES=0 uv run python3.12 -u train.py --cfg hparams.json', ['train.py']],
    ['time node dist/bench.js && ./check.sh', ['dist/bench.js', 'check.sh']],
    ["sed -n 's/^x=//p' params.txt >> /tmp/order; bash 'eval dir/score.sh'", ['sed', 'eval dir/score.sh']],
    ['python -m bench.eval', []],
    ["bash -c 'echo score: 1'", []],
  ])('%s', (command, scripts) => {
    expect(scriptsRun(command)).toEqual(scripts);
  });
});

describe('harnessFiles', () => {
  const settings = (command: string, more: Partial<Settings['eval']> = {}) =>
    ({ configPath: '/repo/autoexp.yml', eval: { command, ...more } }) as Settings;
  const tracked = ['autoexp.yml', 'evaluate.sh', 'params.txt', 'setup.sh', 'bench/run.py', 'hparams.json'];

  it('holds autoexp.yml and the tracked scripts the eval commands run, not their inputs', () => {
    expect(
      [
        ...harnessFiles(settings('bash evaluate.sh params.txt', { setup: 'sh setup.sh' }), '/repo', tracked),
      ].sort(),
    ).toEqual(['autoexp.yml', 'evaluate.sh', 'setup.sh']);
    expect([...harnessFiles(settings('python bench/run.py hparams.json'), '/repo', tracked)].sort()).toEqual([
      'autoexp.yml',
      'bench/run.py',
    ]);
  });

  it('leaves out a config outside the checkout and programs that are not tracked files', () => {
    const outside = { ...settings('make eval'), configPath: '/elsewhere/autoexp.yml' } as Settings;
    expect([...harnessFiles(outside, '/repo', tracked)]).toEqual([]);
  });
});
