import { describe, expect, it } from 'vitest';
import type { MetricSpec } from '../src/config/settings.js';
import { createProgressPrinter } from '../src/cli/progress.js';
import type { ExperimentOutcome } from '../src/session/session.js';

const metrics: MetricSpec[] = [{ name: 'hit_rate', goal: 'maximize', extract: { kind: 'line' } }];

function fakeStream(isTTY: boolean) {
  let written = '';
  const stream = { isTTY, columns: 120, write: (text: string) => ((written += text), true) };
  return { stream: stream as unknown as NodeJS.WriteStream, output: () => written };
}

function outcome(
  experiment: number,
  status: 'keep' | 'discard' | 'explore',
  value: number,
  before: number,
): ExperimentOutcome {
  return {
    row: {
      experiment,
      commit: 'abc1234',
      metrics: { hit_rate: value },
      status,
      description: `try ${experiment}`,
    },
    record: {
      reason: status === 'keep' ? 'improved' : 'not better',
      wall_time_s: 1.5,
    } as ExperimentOutcome['record'],
    incumbent: { hit_rate: before },
  };
}

describe('progress output', () => {
  it('prints plain lines without escape codes when not on a terminal', () => {
    const { stream, output } = fakeStream(false);
    const printer = createProgressPrinter(stream, metrics, 60_000);
    printer.phase?.({ kind: 'measuring', experiment: 1, repeats: 3 });
    printer.experiment?.(outcome(1, 'keep', 0.8, 0.75));
    printer.stop();
    expect(output()).toBe('#1  keep     hit_rate=0.8 (+6.7%)  1.5s  try 1\n');
  });

  it('draws a live line with the phase, the clock and the best so far on a terminal', () => {
    const { stream, output } = fakeStream(true);
    const printer = createProgressPrinter(stream, metrics, 45 * 60_000);
    printer.experiment?.(outcome(1, 'keep', 0.8, 0.75));
    printer.phase?.({ kind: 'measuring', experiment: 2, repeats: 3 });
    printer.phase?.({ kind: 'measuring', experiment: 2, repeats: 3, run: 2 });
    printer.stop();
    expect(output()).toContain('#1  keep');
    expect(output()).toContain('\r\x1b[2K… #2 measuring (3 runs) · 0:00 / 45:00 · best hit_rate=0.8');
    expect(output()).toContain('\r\x1b[2K… #2 measuring 2 of 3 · 0:00 / 45:00 · best hit_rate=0.8');
    expect(output().endsWith('\r\x1b[2K')).toBe(true);
  });

  it("counts only keeps as the best, as every report does (an explore row's value is not the best)", () => {
    const { stream, output } = fakeStream(true);
    const printer = createProgressPrinter(stream, metrics, 45 * 60_000);
    printer.experiment?.(outcome(1, 'keep', 0.8, 0.75));
    printer.experiment?.(outcome(2, 'explore', 0.9, 0.8));
    printer.phase?.({ kind: 'measuring', experiment: 3, repeats: 1 });
    printer.stop();
    expect(output()).toContain('best hit_rate=0.8');
    expect(output()).not.toContain('best hit_rate=0.9');
  });
});

describe('progress output of hostile text', () => {
  it('prints a description, a reason and a notice with no escape sequence, no "\\r" and no workflow command', () => {
    const { stream, output } = fakeStream(true);
    const printer = createProgressPrinter(stream, metrics, 60_000);
    const hostile = outcome(1, 'keep', 0.8, 0.75);
    hostile.row.description = '\u001b]0;pwned\u0007\u001b[2Jok\rBAD \u202Eevil ##[add-mask]x';
    hostile.record.reason = 'constraint\r::error::forged';
    printer.experiment?.(hostile);
    printer.notice?.('the proposer wrote files git ignores (\u001b[2J\r::warning::forged)');
    printer.stop();
    // The printer's own live line is the only escape sequence, always "\r\x1b[2K" and a phase.
    // eslint-disable-next-line no-control-regex -- the printer's own escape sequence
    const printed = output().replace(/\r\u001b\[2K(… [^\r\n]*)?/g, '');
    expect(printed).toBe(
      '#1  keep     hit_rate=0.8 (+6.7%) [constraint ::error::forged]  1.5s  ok BAD evil ##\\[add-mask]x\n' +
        'autoexp: the proposer wrote files git ignores ( ::warning::forged)\n',
    );
  });
});
