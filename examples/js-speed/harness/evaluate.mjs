// The js-speed harness: checks that formatPrice still formats every price exactly as Intl does, then
// measures how many prices per second it formats on a realistic order history and prints
// `ops_per_s: <number>`. Plain Node, no dependencies. Experiments must not change this file.
//
// The workload is fixed (seeded): 4,000 orders in 10 locale/currency pairs, most of them in a few
// popular ones, in a shuffled order, as an order history page of an international shop would show them.
// A wrong result exits 1 (autoexp records a crash), so a fast but wrong formatPrice is never kept.
import { formatPrice } from '../format-prices.mjs';

const ORDERS = 4000;
const CHECKED_ORDERS = 500;
const MEASURE_MS = 100;
const CHECK_CLOCK_EVERY = 32;

/** [locale, currency, share of orders] */
const MARKETS = [
  ['en-US', 'USD', 0.3],
  ['de-DE', 'EUR', 0.18],
  ['en-GB', 'GBP', 0.12],
  ['fr-FR', 'EUR', 0.1],
  ['ja-JP', 'JPY', 0.08],
  ['de-CH', 'CHF', 0.06],
  ['sv-SE', 'SEK', 0.05],
  ['pt-BR', 'BRL', 0.05],
  ['en-IN', 'INR', 0.04],
  ['pl-PL', 'PLN', 0.02],
];

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeOrders() {
  const random = mulberry32(20250101);
  const orders = [];
  for (let i = 0; i < ORDERS; i++) {
    let pick = random();
    let market = MARKETS[MARKETS.length - 1];
    for (const candidate of MARKETS) {
      if (pick < candidate[2]) {
        market = candidate;
        break;
      }
      pick -= candidate[2];
    }
    const amount = Math.round(random() * 500_000) / 100;
    orders.push({ amount, locale: market[0], currency: market[1] });
  }
  return orders;
}

function checkResults(orders) {
  const reference = new Map();
  for (const { amount, locale, currency } of orders.slice(0, CHECKED_ORDERS)) {
    const key = `${locale}|${currency}`;
    if (!reference.has(key))
      reference.set(key, new Intl.NumberFormat(locale, { style: 'currency', currency }));
    const expected = reference.get(key).format(amount);
    const actual = formatPrice(amount, locale, currency);
    if (actual !== expected) {
      console.error(
        `wrong result: formatPrice(${amount}, ${locale}, ${currency}) gave "${actual}", expected "${expected}"`,
      );
      process.exit(1);
    }
  }
}

/** Formats orders round and round for MEASURE_MS; returns prices per second. */
function measure(orders) {
  let done = 0;
  let sink = 0; // keeps the results alive so the work cannot be optimized away
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MEASURE_MS) {
    for (let i = 0; i < CHECK_CLOCK_EVERY; i++) {
      const { amount, locale, currency } = orders[done % orders.length];
      sink += formatPrice(amount, locale, currency).length;
      done++;
    }
    elapsed = performance.now() - start;
  }
  if (sink === 0) throw new Error('formatPrice returned only empty strings');
  return (done / elapsed) * 1000;
}

const orders = makeOrders();
checkResults(orders); // also warms up the code paths that are measured next
console.log(`ops_per_s: ${Math.round(measure(orders))}`);
