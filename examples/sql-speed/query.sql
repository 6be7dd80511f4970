-- The 10 customers in the EU who spent the most on paid orders placed in 2024:
-- name, number of those orders, their total in cents; ties by customer id.
SELECT
  c.name,
  (SELECT COUNT(*) FROM orders o
    WHERE o.customer_id = c.id AND o.status = 'paid' AND strftime('%Y', o.ordered_at) = '2024') AS paid_orders,
  (SELECT SUM(o.total_cents) FROM orders o
    WHERE o.customer_id = c.id AND o.status = 'paid' AND strftime('%Y', o.ordered_at) = '2024') AS total_cents
FROM customers c
WHERE c.region = 'EU' AND total_cents IS NOT NULL
ORDER BY total_cents DESC, c.id
LIMIT 10;
