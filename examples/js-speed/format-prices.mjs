// Formats prices for the order history page: one line per order, each in its own locale and currency.
// Building an Intl.NumberFormat is slow (it loads locale data) and formatting with one is fast, so the
// formatters are kept in a small least-recently-used cache. This is the file experiments change.

/** How many formatters to keep. 1 reuses the formatter only when the next order has the same currency. */
export const FORMATTER_CACHE_SIZE = 1;

const formatters = new Map();

function formatterFor(locale, currency) {
  const key = `${locale}|${currency}`;
  const cached = formatters.get(key);
  if (cached) {
    // Most recently used goes last: a Map iterates in insertion order, so the first key is the oldest.
    formatters.delete(key);
    formatters.set(key, cached);
    return cached;
  }
  const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
  while (formatters.size && formatters.size >= FORMATTER_CACHE_SIZE) {
    formatters.delete(formatters.keys().next().value);
  }
  if (formatters.size < FORMATTER_CACHE_SIZE) formatters.set(key, formatter);
  return formatter;
}

/** `formatPrice(1234.5, 'de-DE', 'EUR')` → "1.234,50 €". */
export function formatPrice(amount, locale, currency) {
  return formatterFor(locale, currency).format(amount);
}
