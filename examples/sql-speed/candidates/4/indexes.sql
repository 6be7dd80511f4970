-- Indexes created after the data is loaded and before query.sql runs.
-- Everything the query reads from orders, in the order it filters: the table itself is never touched.
CREATE INDEX orders_by_customer ON orders (customer_id, status, ordered_at, total_cents);
