-- Indexes created after the data is loaded and before query.sql runs.
-- Each subquery looks up one customer's orders: index them by customer.
CREATE INDEX orders_by_customer ON orders (customer_id);
