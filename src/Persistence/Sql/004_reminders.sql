-- 004: durable reminders for the ADO.NET reminder service.
--
-- One row per (service, grain, reminder name). grain_hash is the grain's uniform hash (a uint
-- stored as a signed integer); each silo's reminder service owns a range of that hash ring and
-- loads its reminders with the range queries below. version is the ETag: an upsert increments it,
-- and a delete only succeeds with the current version.

CREATE TABLE orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL, -- GrainId.ToString(), parsed back by the provider
    reminder_name text        NOT NULL,
    grain_hash    integer     NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    version       integer     NOT NULL,
    CONSTRAINT orleans_reminder_pk PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX orleans_reminder_ring_ix ON orleans_reminder (service_id, grain_hash);

-- Returns the reminder's new version. The provider sends the period as a 32-bit number of
-- milliseconds when it fits, otherwise as a 64-bit one; both arrive here as bigint.
CREATE FUNCTION orleans_reminder_upsert(
    p_service_id text, p_grain_id text, p_reminder_name text, p_grain_hash integer,
    p_start_time timestamptz, p_period_ms bigint)
RETURNS integer
LANGUAGE sql
AS $fn$
    INSERT INTO orleans_reminder AS r
        (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
    VALUES
        (p_service_id, p_grain_id, p_reminder_name, p_grain_hash, p_start_time, p_period_ms, 1)
    ON CONFLICT ON CONSTRAINT orleans_reminder_pk DO UPDATE
       SET grain_hash = EXCLUDED.grain_hash,
           start_time = EXCLUDED.start_time,
           period_ms  = EXCLUDED.period_ms,
           version    = orleans_next_version(r.version)
    RETURNING version;
$fn$;

-- True when the reminder existed with the given version and is now gone.
CREATE FUNCTION orleans_reminder_delete(
    p_service_id text, p_grain_id text, p_reminder_name text, p_expected_version integer)
RETURNS boolean
LANGUAGE sql
AS $fn$
    WITH deleted AS (
        DELETE FROM orleans_reminder
         WHERE service_id = p_service_id AND grain_id = p_grain_id
           AND reminder_name = p_reminder_name AND version = p_expected_version
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM deleted);
$fn$;

SELECT orleans_register_query('ReadReminderRowsKey', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
      FROM orleans_reminder
     WHERE service_id = @ServiceId AND grain_id = @GrainId;
$q$);

SELECT orleans_register_query('ReadReminderRowKey', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
      FROM orleans_reminder
     WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$q$);

-- The ring range (BeginHash, EndHash] when it does not wrap around (BeginHash < EndHash, compared
-- as signed integers by the provider) ...
SELECT orleans_register_query('ReadRangeRows1Key', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
      FROM orleans_reminder
     WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$q$);

-- ... and when it wraps: everything above BeginHash plus everything up to EndHash.
SELECT orleans_register_query('ReadRangeRows2Key', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
      FROM orleans_reminder
     WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$);

SELECT orleans_register_query('UpsertReminderRowKey', $q$
    SELECT orleans_reminder_upsert(
        @ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period) AS "Version";
$q$);

SELECT orleans_register_query('DeleteReminderRowKey', $q$
    SELECT orleans_reminder_delete(@ServiceId, @GrainId, @ReminderName, @Version) AS "Deleted";
$q$);

SELECT orleans_register_query('DeleteReminderRowsKey', $q$
    DELETE FROM orleans_reminder WHERE service_id = @ServiceId;
$q$);
