-- 003: grain state for the ADO.NET grain storage provider.
--
-- One row per (service, state name, grain). The provider identifies a grain by two 64-bit numbers
-- and an optional string:
--   * integer keys: n0 = 0, n1 = the key,           ext = key extension (or NULL)
--   * GUID keys:    n0, n1 = the GUID's two halves,  ext = key extension (or NULL)
--   * string keys:  n0 = n1 = 0,                     ext = the key itself
-- Beware: the provider treats any string key that parses as hexadecimal as an integer key, so the
-- string keys "c0", "C0" and "00c0" all map to n1 = 192 and share one row (dotnet/orleans#9706).
-- Our grain keys therefore always carry a non-hex prefix such as "item:".
--
-- "GrainTypeString" is the state name given in [PersistentState("name", "sync")], not a CLR type,
-- so state names must be unique within the storage provider.
--
-- version is the ETag. Every successful write or clear increments it; a write that names a
-- version other than the stored one changes nothing and returns NULL, which the provider turns
-- into an InconsistentStateException.

-- The extension may legitimately be NULL or any string (including ''); this encoding makes it a
-- non-null key column that keeps NULL and '' apart, so it can be part of the primary key.
CREATE FUNCTION orleans_grain_ext_key(p_ext text)
RETURNS text
LANGUAGE sql
IMMUTABLE
AS $fn$
    SELECT CASE WHEN p_ext IS NULL THEN '-' ELSE '+' || p_ext END;
$fn$;

-- Versions wrap instead of overflowing, so a grain written two billion times keeps working.
CREATE FUNCTION orleans_next_version(p_version integer)
RETURNS integer
LANGUAGE sql
IMMUTABLE
AS $fn$
    SELECT CASE WHEN p_version >= 2147483647 THEN 1 ELSE p_version + 1 END;
$fn$;

CREATE TABLE orleans_grain_state
(
    service_id   text        NOT NULL,
    state_name   text        NOT NULL,
    grain_id_n0  bigint      NOT NULL,
    grain_id_n1  bigint      NOT NULL,
    grain_id_ext text,
    grain_ext_key text       NOT NULL GENERATED ALWAYS AS (orleans_grain_ext_key(grain_id_ext)) STORED,
    payload      bytea,                 -- serialized state (plain JSON); NULL after ClearState
    version      integer     NOT NULL,
    modified_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_grain_state_pk PRIMARY KEY (service_id, state_name, grain_id_n0, grain_id_n1, grain_ext_key)
);

-- Returns the new version, or NULL when the caller's version is stale (or, for a first write,
-- when another activation already created the row).
CREATE FUNCTION orleans_grain_state_write(
    p_service_id text, p_state_name text, p_n0 bigint, p_n1 bigint, p_ext text,
    p_expected_version integer, p_payload bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        INSERT INTO orleans_grain_state
            (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext, payload, version)
        VALUES
            (p_service_id, p_state_name, p_n0, p_n1, p_ext, p_payload, 1)
        ON CONFLICT ON CONSTRAINT orleans_grain_state_pk DO NOTHING
        RETURNING version INTO v_new_version;
    ELSE
        UPDATE orleans_grain_state
           SET payload = p_payload, version = orleans_next_version(version), modified_at = now()
         WHERE service_id = p_service_id AND state_name = p_state_name
           AND grain_id_n0 = p_n0 AND grain_id_n1 = p_n1
           AND grain_ext_key = orleans_grain_ext_key(p_ext)
           AND version = p_expected_version
        RETURNING version INTO v_new_version;
    END IF;
    RETURN v_new_version;
END;
$fn$;

-- ClearState keeps the row (and its version history) but drops the payload.
CREATE FUNCTION orleans_grain_state_clear(
    p_service_id text, p_state_name text, p_n0 bigint, p_n1 bigint, p_ext text,
    p_expected_version integer)
RETURNS integer
LANGUAGE sql
AS $fn$
    UPDATE orleans_grain_state
       SET payload = NULL, version = orleans_next_version(version), modified_at = now()
     WHERE service_id = p_service_id AND state_name = p_state_name
       AND grain_id_n0 = p_n0 AND grain_id_n1 = p_n1
       AND grain_ext_key = orleans_grain_ext_key(p_ext)
       AND version = p_expected_version
    RETURNING version;
$fn$;

-- Used instead of the clear when the provider is configured with DeleteStateOnClear. The provider
-- expects a value that differs from the caller's version on success, hence version + 1.
CREATE FUNCTION orleans_grain_state_delete(
    p_service_id text, p_state_name text, p_n0 bigint, p_n1 bigint, p_ext text,
    p_expected_version integer)
RETURNS integer
LANGUAGE sql
AS $fn$
    DELETE FROM orleans_grain_state
     WHERE service_id = p_service_id AND state_name = p_state_name
       AND grain_id_n0 = p_n0 AND grain_id_n1 = p_n1
       AND grain_ext_key = orleans_grain_ext_key(p_ext)
       AND version = p_expected_version
    RETURNING orleans_next_version(version);
$fn$;

-- The provider also sends @GrainIdHash and @GrainTypeHash; the primary key makes them unnecessary.

SELECT orleans_register_query('ReadFromStorageKey', $q$
    SELECT payload AS "PayloadBinary", version AS "Version"
      FROM orleans_grain_state
     WHERE service_id = @ServiceId AND state_name = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
       AND grain_ext_key = orleans_grain_ext_key(@GrainIdExtensionString);
$q$);

SELECT orleans_register_query('WriteToStorageKey', $q$
    SELECT orleans_grain_state_write(
        @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
        @GrainStateVersion, @PayloadBinary) AS "NewGrainStateVersion";
$q$);

SELECT orleans_register_query('ClearStorageKey', $q$
    SELECT orleans_grain_state_clear(
        @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
        @GrainStateVersion) AS "NewGrainStateVersion";
$q$);

SELECT orleans_register_query('DeleteStorageKey', $q$
    SELECT orleans_grain_state_delete(
        @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
        @GrainStateVersion) AS "NewGrainStateVersion";
$q$);
