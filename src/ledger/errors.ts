// The one error type of the ledger: it always names the file, and the line when there is one, so a
// user can open the file and fix (or restore) exactly that spot.

export class LedgerError extends Error {
  override name = 'LedgerError';
  constructor(
    /** What is wrong and what to do about it, without the file prefix. */
    readonly problem: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`);
  }
}
