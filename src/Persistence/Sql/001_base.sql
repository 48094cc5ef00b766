-- 001: the query catalogue the Orleans ADO.NET providers read at start-up.
--
-- Every provider runs "SELECT QueryKey, QueryText FROM OrleansQuery" once and then only executes
-- the texts it found there, so this table (its name and its two columns) is the whole contract
-- between Orleans and our schema. Unquoted identifiers fold to lower case in PostgreSQL, which is
-- why the table and columns are spelled in lower case here.
--
-- Later scripts register their texts with orleans_register_query(), so a future migration can
-- replace a query by registering the same key again.

CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_pk PRIMARY KEY (querykey)
);

CREATE FUNCTION orleans_register_query(p_key varchar, p_text text)
RETURNS void
LANGUAGE sql
AS $fn$
    INSERT INTO orleansquery (querykey, querytext)
    VALUES (p_key, p_text)
    ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
$fn$;
