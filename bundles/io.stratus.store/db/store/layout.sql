-- Stratus configuration store: what every area shares. Portable SQL: every script runs unchanged on
-- H2 2.x and PostgreSQL. Every statement ends with a semicolon at the end of a line; comments stand
-- on lines of their own (see Migrations).

-- The store's layout version. 1 to 3 versioned the whole store, before its areas had versions of
-- their own; 4 means each area records its versions in area_schema_version. A Stratus that knows
-- fewer layouts refuses the store as one a newer Stratus has used.
CREATE TABLE schema_version (
    version     INTEGER PRIMARY KEY,
    description VARCHAR(200) NOT NULL,
    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every write transaction first locks this table's one row, so writes run one after another, also
-- across processes that share a PostgreSQL database, and each sees all that was committed before it.
CREATE TABLE write_lock (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);
INSERT INTO write_lock (id) VALUES (1);
