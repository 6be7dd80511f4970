// Turning a byte stream into whole lines, and keeping only the last few of them: the eval may print
// gigabytes, so nothing here holds more than a fixed amount. Lines stay bytes (subarrays of the
// chunks read, no copy) until someone needs their text: most lines are only written to the log.

/** A line longer than this is cut: no metric line is that long, and memory must stay bounded. */
export const MAX_LINE_LENGTH = 64 * 1024;

const NEWLINE = 0x0a;
const CUT_MARKER = Buffer.from(` [autoexp: line cut at ${MAX_LINE_LENGTH} bytes]\n`);

/**
 * Splits one stream into lines. A partial line waits for the rest of it, so what `write` returns for
 * the log is whole lines only and two streams never interleave mid-line.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private cut = false;

  constructor(private readonly onLine: (line: Buffer, cut: boolean) => void) {}

  /** Feeds a chunk; returns the bytes to append to the log (whole lines, each ending in a newline). */
  write(chunk: Buffer): Buffer[] {
    const log: Buffer[] = [];
    let start = 0;
    // Lines that need no change are logged as one slice of the chunk, from regionStart to start.
    let regionStart = 0;
    for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
      if (this.pendingLength > 0 || this.cut) {
        this.append(chunk.subarray(start, newline));
        this.emitPending(log);
        regionStart = newline + 1;
      } else if (newline - start > MAX_LINE_LENGTH) {
        if (regionStart < start) log.push(chunk.subarray(regionStart, start));
        const line = chunk.subarray(start, start + MAX_LINE_LENGTH);
        log.push(line, CUT_MARKER);
        this.onLine(line, true);
        regionStart = newline + 1;
      } else {
        this.onLine(chunk.subarray(start, newline), false);
      }
      start = newline + 1;
    }
    if (regionStart < start) log.push(chunk.subarray(regionStart, start));
    if (start < chunk.length) this.append(chunk.subarray(start));
    return log;
  }

  /** Flushes a last line that had no newline; returns its bytes for the log. */
  end(): Buffer[] {
    const log: Buffer[] = [];
    if (this.pendingLength > 0 || this.cut) this.emitPending(log);
    return log;
  }

  private append(part: Buffer): void {
    if (this.cut || part.length === 0) return;
    const room = MAX_LINE_LENGTH - this.pendingLength;
    // Copied: the chunk it came from would otherwise stay alive with it.
    const kept = Buffer.from(part.subarray(0, room));
    this.pending.push(kept);
    this.pendingLength += kept.length;
    if (part.length > room) this.cut = true;
  }

  private emitPending(log: Buffer[]): void {
    const line = Buffer.concat(this.pending, this.pendingLength);
    const cut = this.cut;
    this.pending = [];
    this.pendingLength = 0;
    this.cut = false;
    log.push(line, cut ? CUT_MARKER : Buffer.from('\n'));
    this.onLine(line, cut);
  }
}

/** The last items pushed: at most `maxItems`, and about `maxSize` in total (the last item is always kept). */
export class BoundedTail<T> {
  private items: T[] = [];
  private head = 0;
  private total = 0;
  /** Whether an item that `hasContent` was dropped from the front. */
  droppedContent = false;

  constructor(
    private readonly maxItems: number,
    private readonly sizeOf: (item: T) => number = () => 0,
    private readonly maxSize = Number.POSITIVE_INFINITY,
    private readonly hasContent: (item: T) => boolean = () => true,
  ) {}

  push(item: T): void {
    this.items.push(item);
    this.total += this.sizeOf(item);
    while (this.size > 1 && (this.size > this.maxItems || this.total > this.maxSize)) {
      const dropped = this.items[this.head++] as T;
      this.total -= this.sizeOf(dropped);
      if (!this.droppedContent && this.hasContent(dropped)) this.droppedContent = true;
    }
    // Compact now and then so the array does not grow with every item ever pushed.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  get size(): number {
    return this.items.length - this.head;
  }

  toArray(): T[] {
    return this.items.slice(this.head);
  }
}
