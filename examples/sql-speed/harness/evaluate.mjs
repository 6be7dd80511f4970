// The sql-speed harness: builds the shop's database in memory (the same rows every time), applies
// indexes.sql, runs query.sql several times, checks that it returned exactly the right rows and prints
// the median time of one run: `query_ms: <number>`. Plain Node (node:sqlite), no dependencies.
// Experiments must not change this file.
//
// The right answer is computed here in plain JavaScript from the generated rows, so any rewrite of the
// query is checked against the question itself, not against the old query. A wrong answer, an SQL error
// or an index that fails to build exits 1 (autoexp records a crash): a fast but wrong query is never kept.
//
// The question: the 10 customers in the EU who spent the most on paid orders placed in 2024 — each
// with name, number of those orders and their total in cents; ties by customer id, ascending.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CUSTOMERS = 300;
const ORDERS = 8000;
const RUNS = 5;
const REGIONS = ['EU', 'EU', 'US', 'US', 'US', 'APAC', 'LATAM'];
const STATUSES = ['paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'refunded', 'cancelled'];

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

function generate() {
  const random = mulberry32(424242);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const customers = [];
  for (let id = 1; id <= CUSTOMERS; id++) {
    customers.push({ id, name: `Customer ${String(id).padStart(4, '0')}`, region: pick(REGIONS) });
  }
  const orders = [];
  const firstDay = Date.UTC(2022, 0, 1);
  const days = 3.5 * 365;
  for (let id = 1; id <= ORDERS; id++) {
    orders.push({
      id,
      // A few customers order far more often than the rest, as in any shop.
      customer_id: 1 + Math.floor(random() ** 2 * CUSTOMERS),
      ordered_at: new Date(firstDay + Math.floor(random() * days) * 86_400_000).toISOString().slice(0, 10),
      total_cents: 500 + Math.floor(random() * 50_000),
      status: pick(STATUSES),
    });
  }
  return { customers, orders };
}

function buildDatabase({ customers, orders }) {
  const db = new DatabaseSync(':memory:');
  db.exec(`
    CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, region TEXT NOT NULL);
    CREATE TABLE orders (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id),
      ordered_at TEXT NOT NULL,   -- YYYY-MM-DD
      total_cents INTEGER NOT NULL,
      status TEXT NOT NULL        -- paid | refunded | cancelled
    );`);
  db.exec('BEGIN');
  const addCustomer = db.prepare('INSERT INTO customers VALUES (?, ?, ?)');
  for (const c of customers) addCustomer.run(c.id, c.name, c.region);
  const addOrder = db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?, ?)');
  for (const o of orders) addOrder.run(o.id, o.customer_id, o.ordered_at, o.total_cents, o.status);
  db.exec('COMMIT');
  return db;
}

/** The answer, worked out without SQL: [name, order count, total cents] per row. */
function expectedRows({ customers, orders }) {
  const inEu = new Set(customers.filter((c) => c.region === 'EU').map((c) => c.id));
  const spend = new Map();
  for (const o of orders) {
    if (!inEu.has(o.customer_id) || o.status !== 'paid' || !o.ordered_at.startsWith('2024-')) continue;
    const sum = spend.get(o.customer_id) ?? { count: 0, total: 0 };
    sum.count++;
    sum.total += o.total_cents;
    spend.set(o.customer_id, sum);
  }
  return [...spend]
    .sort(([idA, a], [idB, b]) => b.total - a.total || idA - idB)
    .slice(0, 10)
    .map(([id, { count, total }]) => [customers[id - 1].name, count, total]);
}

/** Exits 1 on the first difference, naming the row: enough to see what the query got wrong. */
function checkRows(actual, expected) {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const got = JSON.stringify(actual[i] ?? null);
    const want = JSON.stringify(expected[i] ?? null);
    if (got !== want) {
      fail(
        `wrong result: row ${i + 1} is ${got}, expected ${want} (${actual.length} rows, expected ${expected.length})`,
      );
    }
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

const data = generate();
const db = buildDatabase(data);
try {
  db.exec(readFileSync(join(ROOT, 'indexes.sql'), 'utf8'));
} catch (error) {
  fail(`indexes.sql failed: ${error.message}`);
}
let statement;
try {
  statement = db.prepare(readFileSync(join(ROOT, 'query.sql'), 'utf8'));
} catch (error) {
  fail(`query.sql does not compile: ${error.message}`);
}
statement.setReturnArrays?.(true);

const times = [];
let rows;
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  rows = statement.all();
  times.push(performance.now() - start);
}
checkRows(
  rows.map((row) => (Array.isArray(row) ? row : Object.values(row))),
  expectedRows(data),
);

times.sort((a, b) => a - b);
console.log(`query_ms: ${times[Math.floor(RUNS / 2)].toFixed(3)}`);
