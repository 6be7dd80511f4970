-- The 10 customers in the EU who spent the most on paid orders placed in 2024:
-- name, number of those orders, their total in cents; ties by customer id.
SELECT c.name, COUNT(*) AS paid_orders, SUM(o.total_cents) AS total_cents
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE c.region = 'EU' AND o.status = 'paid'
  AND o.ordered_at >= '2024-01-01' AND o.ordered_at < '2025-01-01'
GROUP BY c.id
ORDER BY total_cents DESC, c.id
LIMIT 10;
