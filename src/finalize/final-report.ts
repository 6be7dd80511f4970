// The final PR's body: what the branch holds and the kept experiments it is made of. Descriptions and file
// names are the proposer's words: code spans (src/text/markdown.ts), so nothing in them mentions, links or
// closes anything.
import { formatMetric } from '../report/format.js';
import { branchName } from '../session/recorder.js';
import { markdownCell, markdownCode } from '../text/markdown.js';
import { TEXT_LIMITS } from '../text/untrusted.js';
import { describeChange, type FinalCommit } from './final-branch.js';

/** The marker that finds autoexp's final PR for a tag again. */
export function finalMarker(tag: string): string {
  return `<!-- autoexp:final tag=${tag} -->`;
}

/** Rows in the table of kept experiments; GitHub refuses bodies over 65,536 characters. */
const LISTED_STEPS = 200;

export function renderFinalBody(final: FinalCommit, baseName: string): string {
  const branch = branchName(final.tag);
  const metric = final.summary.primary.name;
  const files = final.files.slice(0, 50).map((path) => markdownCode(path, TEXT_LIMITS.fileName));
  const moreFiles = final.files.length > 50 ? ` and ${final.files.length - 50} more` : '';
  const lines = [
    finalMarker(final.tag),
    `## autoexp: \`${final.tag}\`, the winner`,
    '',
    `One commit on ${markdownCode(baseName)} with the changes of experiment ${final.best.experiment} on ` +
      `\`${branch}\` to the files in \`scope.modify\`: ${files.join(', ')}${moreFiles}. Nothing else: the ledger ` +
      `(results.tsv and the experiment log) stays on \`${branch}\`, whose summary PR shows every experiment.`,
    '',
    `**${markdownCode(metric)}**: ${describeChange('', final.summary.baseline?.value, final.best.value)} ` +
      '(baseline → this commit).',
    '',
    '### Kept experiments in this commit',
    '',
    ...(final.heldByBase === undefined
      ? []
      : [
          `${markdownCode(baseName)} holds the changes of experiment ${final.heldByBase} and the keeps before it ` +
            `already (its files in \`scope.modify\` are experiment ${final.heldByBase}'s, as after a merged final ` +
            'commit): this commit brings the keeps after it.',
          '',
        ]),
    `| experiment | status | ${markdownCell(metric)} | change | description |`,
    '|---:|---|---:|---|---|',
  ];
  for (const step of final.steps.slice(0, LISTED_STEPS)) {
    const value = step.to === undefined ? '—' : formatMetric(step.to);
    const change = describeChange('', step.from, step.to);
    lines.push(
      `| ${step.experiment} | ${step.status} | ${value} | ${change} | ${markdownCell(step.description, TEXT_LIMITS.description)} |`,
    );
  }
  if (final.steps.length > LISTED_STEPS)
    lines.push('', `… and ${final.steps.length - LISTED_STEPS} more (results.tsv on \`${branch}\`).`);
  lines.push(
    '',
    `Made by \`autoexp finalize\`; the next run replaces this branch with the best experiment of the day ` +
      "while its head is still autoexp's own commit (commits pushed on top are never overwritten).",
    '',
  );
  return lines.join('\n');
}
