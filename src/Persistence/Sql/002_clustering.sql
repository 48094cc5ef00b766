-- 002: cluster membership (silos, their status and liveness) for the ADO.NET clustering provider.
--
-- Orleans' membership protocol is optimistic: every silo reads the table together with a single
-- table version, and a change (join, status change, suspicion vote) only succeeds if the version is
-- still the one it read; the change then bumps the version. orleans_cluster_version holds that
-- version per cluster; orleans_cluster_member holds one row per silo incarnation
-- (address, port, generation). IAmAlive heartbeats do not bump the version.
-- The provider names clusters "DeploymentId"; it is ClusterOptions.ClusterId.

CREATE TABLE orleans_cluster_version
(
    cluster_id text        NOT NULL,
    version    integer     NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_cluster_version_pk PRIMARY KEY (cluster_id)
);

CREATE TABLE orleans_cluster_member
(
    cluster_id      text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL, -- Orleans SiloStatus: 3 = Active, 6 = Dead
    proxy_port      integer     NOT NULL, -- gateway port, 0 when the silo is no gateway
    suspect_times   text,                 -- "silo,time|silo,time", written and parsed by Orleans
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT orleans_cluster_member_pk PRIMARY KEY (cluster_id, address, port, generation),
    CONSTRAINT orleans_cluster_member_cluster_fk FOREIGN KEY (cluster_id)
        REFERENCES orleans_cluster_version (cluster_id) ON DELETE CASCADE
);

-- Adds a silo row if the caller's view of the table is current. The version row is locked first,
-- so concurrent membership changes of one cluster are applied one at a time.
CREATE FUNCTION orleans_cluster_member_insert(
    p_cluster_id text, p_address text, p_port integer, p_generation integer,
    p_silo_name text, p_host_name text, p_status integer, p_proxy_port integer,
    p_start_time timestamptz, p_i_am_alive_time timestamptz, p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1 FROM orleans_cluster_version
     WHERE cluster_id = p_cluster_id AND version = p_expected_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false; -- someone changed the table since the caller read it
    END IF;

    INSERT INTO orleans_cluster_member
        (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port,
         start_time, i_am_alive_time)
    VALUES
        (p_cluster_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
         p_start_time, p_i_am_alive_time)
    ON CONFLICT ON CONSTRAINT orleans_cluster_member_pk DO NOTHING;
    IF NOT FOUND THEN
        RETURN false; -- this silo incarnation is already registered
    END IF;

    UPDATE orleans_cluster_version
       SET version = version + 1, changed_at = now()
     WHERE cluster_id = p_cluster_id;
    RETURN true;
END;
$fn$;

-- Changes a silo's status, suspicion votes and liveness if the caller's view of the table is current.
CREATE FUNCTION orleans_cluster_member_update(
    p_cluster_id text, p_address text, p_port integer, p_generation integer,
    p_status integer, p_suspect_times text, p_i_am_alive_time timestamptz, p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1 FROM orleans_cluster_version
     WHERE cluster_id = p_cluster_id AND version = p_expected_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_cluster_member
       SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
     WHERE cluster_id = p_cluster_id AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_cluster_version
       SET version = version + 1, changed_at = now()
     WHERE cluster_id = p_cluster_id;
    RETURN true;
END;
$fn$;

-- The column aliases below are the names the provider reads from each row.

SELECT orleans_register_query('InsertMembershipVersionKey', $q$
    WITH created AS (
        INSERT INTO orleans_cluster_version (cluster_id) VALUES (@DeploymentId)
        ON CONFLICT ON CONSTRAINT orleans_cluster_version_pk DO NOTHING
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM created) AS "Created";
$q$);

SELECT orleans_register_query('InsertMembershipKey', $q$
    SELECT orleans_cluster_member_insert(
        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
        @StartTime, @IAmAliveTime, @Version) AS "Inserted";
$q$);

SELECT orleans_register_query('UpdateMembershipKey', $q$
    SELECT orleans_cluster_member_update(
        @DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version) AS "Updated";
$q$);

SELECT orleans_register_query('UpdateIAmAlivetimeKey', $q$
    UPDATE orleans_cluster_member
       SET i_am_alive_time = @IAmAliveTime
     WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$q$);

-- Both reads start from the version row, so the provider always gets the table version,
-- even when no silo (or not the asked-for silo) is registered: then the member columns are NULL.
SELECT orleans_register_query('MembershipReadRowKey', $q$
    SELECT v.version AS "Version",
           m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
           m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
      FROM orleans_cluster_version v
      LEFT JOIN orleans_cluster_member m
             ON m.cluster_id = v.cluster_id
            AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
     WHERE v.cluster_id = @DeploymentId;
$q$);

SELECT orleans_register_query('MembershipReadAllKey', $q$
    SELECT v.version AS "Version",
           m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
           m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
      FROM orleans_cluster_version v
      LEFT JOIN orleans_cluster_member m ON m.cluster_id = v.cluster_id
     WHERE v.cluster_id = @DeploymentId;
$q$);

-- Used by clients to find gateways; the provider passes @Status = 3 (Active).
SELECT orleans_register_query('GatewaysQueryKey', $q$
    SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
      FROM orleans_cluster_member
     WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$q$);

-- Removes the whole cluster; member rows go with the version row (ON DELETE CASCADE).
SELECT orleans_register_query('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleans_cluster_version WHERE cluster_id = @DeploymentId;
$q$);

-- Periodic clean-up of silos that died long ago (status 6 = Dead, last heartbeat before the cut-off).
-- Dead rows do not take part in the protocol, so removing them does not bump the table version.
-- (10.4.2 also knows an optional per-row 'CleanupDefunctSiloEntryKey'; without it the provider uses this one.)
SELECT orleans_register_query('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleans_cluster_member
     WHERE cluster_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime;
$q$);
