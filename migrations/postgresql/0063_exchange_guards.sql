-- The guards of migrations/0063_exchange_guards.sql belong to places
-- that exchange, which a PostgreSQL hub does not yet do (docs/exchange.md);
-- the table is made so that both schemas hold the same tables.
CREATE TABLE exchange_applying (
	id		BIGINT PRIMARY KEY CHECK (id = 1)
);
