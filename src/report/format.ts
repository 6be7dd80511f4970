// How numbers look in reports, the PR body and terminal output: short, stable, no float noise.

/**
 * A metric value with at most 6 significant digits: 0.7412000000000001 -> "0.7412", 1234567.8 -> "1234570".
 * JavaScript's own printing decides the notation, so only extreme magnitudes (< 1e-6, >= 1e21) use an exponent.
 */
export function formatMetric(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(6));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * Like formatMetric, but always positional ("0.00000012", never "1.2e-7"): for consumers such as Mermaid
 * whose number syntax has no exponent.
 */
export function formatPlainNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a plain number`);
  const rounded = Number(value.toPrecision(6));
  if (rounded === 0) return '0';
  const text = String(rounded);
  if (!text.includes('e')) return text;
  if (Math.abs(rounded) >= 1) return BigInt(Math.round(rounded)).toString();
  // Small: enough fraction digits for 6 significant ones, then drop the trailing zeros.
  const decimals = Math.min(100, 5 - Math.floor(Math.log10(Math.abs(rounded))));
  return rounded.toFixed(decimals).replace(/\.?0+$/, '');
}

/** A fraction as a signed percentage with one decimal: 0.0123 -> "+1.2%", -0.034 -> "-3.4%", 0 -> "+0.0%". */
export function formatPercent(fraction: number): string {
  if (Number.isNaN(fraction)) return 'n/a';
  if (!Number.isFinite(fraction)) return fraction > 0 ? '+∞%' : '-∞%';
  const text = (fraction * 100).toFixed(1);
  // A tiny negative rounds to "-0.0": no visible change, so it reads as no change.
  if (/^-0\.0$/.test(text)) return '+0.0%';
  return text.startsWith('-') ? `${text}%` : `+${text}%`;
}

/** A duration in milliseconds, short: "850ms", "4.2s", "34s", "5m03s", "1h02m". */
export function shortDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = ms / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  if (Math.round(seconds) < 60) return `${Math.round(seconds)}s`;
  const totalSeconds = Math.round(seconds);
  if (totalSeconds < 3600) {
    return `${Math.floor(totalSeconds / 60)}m${String(totalSeconds % 60).padStart(2, '0')}s`;
  }
  const totalMinutes = Math.round(totalSeconds / 60);
  return `${Math.floor(totalMinutes / 60)}h${String(totalMinutes % 60).padStart(2, '0')}m`;
}

/** ↑ for a metric to maximize, ↓ for one to minimize. */
export function goalArrow(goal: 'maximize' | 'minimize'): string {
  return goal === 'maximize' ? '↑' : '↓';
}

/** A token count, short: 950, "12.3k", "4.56M". */
export function shortCount(count: number): string {
  if (count < 1000) return String(Math.round(count));
  if (count < 1_000_000) return `${Number((count / 1000).toPrecision(3))}k`;
  return `${Number((count / 1_000_000).toPrecision(3))}M`;
}

/** USD with enough digits to see a small spend: "$0.0042", "$1.27". */
export function formatUsd(usd: number): string {
  return `$${usd < 1 ? usd.toFixed(4) : usd.toFixed(2)}`;
}

/** "$0.0421 (182k tokens in, 140k of them cached; 9.1k out)" */
export function formatSpend(spend: {
  costUsd: number;
  input: number;
  output: number;
  cacheRead: number;
}): string {
  const cached = spend.cacheRead > 0 ? `, ${shortCount(spend.cacheRead)} of them cached` : '';
  return `${formatUsd(spend.costUsd)} (${shortCount(spend.input)} tokens in${cached}; ${shortCount(spend.output)} out)`;
}
