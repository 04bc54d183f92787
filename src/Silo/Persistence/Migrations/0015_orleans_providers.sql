-- Tables of the Orleans ADO.NET providers (Microsoft.Orleans.Clustering/Persistence/Reminders.AdoNet 10.4.2): cluster
-- membership, document-like grain state and reminders, in the application's own PostgreSQL.
--
-- The packages ship no SQL. What they fix is small: they read every statement they run from OrleansQuery
-- (QueryKey -> QueryText), bind parameters by name (@DeploymentId, @GrainStateVersion, ...) and read result columns by
-- name (case-insensitively). Tables and statements behind those names are ours, written for PostgreSQL 15 as plain
-- statements (no functions): each query below notes the contract Orleans expects from it.
--
-- The version checks are what keep a cluster consistent: a membership change succeeds only against the table version
-- its writer read, a grain state write only against the version it read. A losing writer gets 0 (or its old version)
-- back, re-reads and retries; Orleans never sees a partial change.

CREATE TABLE OrleansQuery (
    QueryKey varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
);

-- Membership: one version row per cluster (ClusterId, which Orleans calls DeploymentId) and one row per silo
-- incarnation (address, silo port, generation). Every membership change bumps the cluster's version in the same
-- statement, conditional on the version the writer read.
CREATE TABLE orleans_membership_version (
    deployment_id varchar(150) PRIMARY KEY,
    changed_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 0
);

CREATE TABLE orleans_membership (
    deployment_id varchar(150) NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address varchar(45) NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name varchar(150) NOT NULL,
    host_name varchar(150) NOT NULL,
    status integer NOT NULL,
    proxy_port integer,
    suspect_times text,
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Grain state (IPersistentState<T> through AdoNetGrainStorage): one row per grain and state name, its payload as
-- Orleans serialized it, and a version that makes every write conditional on the one read. A grain key extension may be
-- absent, hence NULLS NOT DISTINCT (PostgreSQL 15) so the key stays unique.
CREATE TABLE orleans_grain_state (
    service_id varchar(150) NOT NULL,
    grain_type varchar(512) NOT NULL,
    grain_id_n0 bigint NOT NULL,
    grain_id_n1 bigint NOT NULL,
    grain_key_extension varchar(512),
    grain_id_hash integer NOT NULL,
    grain_type_hash integer NOT NULL,
    payload bytea,
    modified_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL,
    CONSTRAINT ux_orleans_grain_state_key UNIQUE NULLS NOT DISTINCT
        (service_id, grain_type, grain_id_n0, grain_id_n1, grain_key_extension)
);

-- Reminders: one row per grain and reminder name; each silo reads the rows whose grain hash falls in its range.
CREATE TABLE orleans_reminders (
    service_id varchar(150) NOT NULL,
    grain_id varchar(150) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time timestamptz NOT NULL,
    period_ms bigint NOT NULL,
    grain_hash integer NOT NULL,
    version integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX ix_orleans_reminders_range ON orleans_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Membership ---------------------------------------------------------------------------------------------------------

-- Creates the cluster's version row once; answers 1 when this call created it, else 0.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT count(*)::integer FROM created
$q$),

-- A silo joins: its row is inserted only if the table is still at the version the silo read (the version row is
-- locked and bumped first, so of two racing joiners the second finds the version moved and inserts nothing); 1 = done.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1, changed_at = now()
    WHERE v.deployment_id = @DeploymentId AND v.version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM orleans_membership m
          WHERE m.deployment_id = @DeploymentId AND m.address = @Address AND m.port = @Port
            AND m.generation = @Generation)
    RETURNING v.deployment_id),
joined AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                    proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime,
           @IAmAliveTime
    FROM bumped
    ON CONFLICT DO NOTHING
    RETURNING 1)
SELECT count(*)::integer FROM joined
$q$),

-- A silo's status or suspicions change: same version rule as joining; 1 = done.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1, changed_at = now()
    WHERE v.deployment_id = @DeploymentId AND v.version = @Version
      AND EXISTS (
          SELECT 1 FROM orleans_membership m
          WHERE m.deployment_id = @DeploymentId AND m.address = @Address AND m.port = @Port
            AND m.generation = @Generation)
    RETURNING v.deployment_id),
changed AS (
    UPDATE orleans_membership m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM bumped
    WHERE m.deployment_id = bumped.deployment_id AND m.address = @Address AND m.port = @Port
      AND m.generation = @Generation
    RETURNING 1)
SELECT count(*)::integer FROM changed
$q$),

-- The heartbeat: not a membership change, so no version bump; Orleans reads no answer.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

-- One silo's row (or none) with the table version; the version row is returned even when the silo has no row.
('MembershipReadRowKey', $q$
SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime,
       v.version AS Version
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port
      AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$q$),

-- Every silo's row with the table version (one row with nulls when the cluster has no silo yet).
('MembershipReadAllKey', $q$
SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime,
       v.version AS Version
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$q$),

-- Forgets a whole cluster (its silo rows go with the version row).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),

-- Where clients connect: the gateway endpoints of silos in the status asked for (Active).
('GatewaysQueryKey', $q$
SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

-- Housekeeping: rows of silos that are not active (3 = SiloStatus.Active) and silent since the given time.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3
$q$),

-- Grain state ---------------------------------------------------------------------------------------------------------

-- The stored payload and version, or no row. The provider sends the hashes too; the unique key finds the row.
('ReadFromStorageKey', $q$
SELECT payload AS PayloadBinary, version AS Version
FROM orleans_grain_state
WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1 AND grain_key_extension IS NOT DISTINCT FROM @GrainIdExtensionString::varchar
$q$),

-- Writes the state if it is still at the version the grain read (no version read: only if no row exists). Answers the
-- new version; an unchanged (or null) version tells Orleans the write lost (InconsistentStateException).
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state
    SET payload = @PayloadBinary, modified_at = now(), version = version + 1
    WHERE @GrainStateVersion::integer IS NOT NULL AND version = @GrainStateVersion::integer
      AND service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1 AND grain_key_extension IS NOT DISTINCT FROM @GrainIdExtensionString::varchar
    RETURNING version),
inserted AS (
    INSERT INTO orleans_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_key_extension,
                                     grain_id_hash, grain_type_hash, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString::varchar, @GrainIdHash,
           @GrainTypeHash, @PayloadBinary, 1
    WHERE @GrainStateVersion::integer IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version)
SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), @GrainStateVersion::integer)
       AS NewGrainStateVersion
$q$),

-- Clears the payload but keeps the row and moves its version on (DeleteStateOnClear = false); no row = lost race.
('ClearStorageKey', $q$
UPDATE orleans_grain_state
SET payload = NULL, modified_at = now(), version = version + 1
WHERE version = @GrainStateVersion::integer
  AND service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1 AND grain_key_extension IS NOT DISTINCT FROM @GrainIdExtensionString::varchar
RETURNING version AS NewGrainStateVersion
$q$),

-- Deletes the row (DeleteStateOnClear = true) if still at the version read; answers the version a write would have got.
('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
WHERE version = @GrainStateVersion::integer
  AND service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1 AND grain_key_extension IS NOT DISTINCT FROM @GrainIdExtensionString::varchar
RETURNING version + 1 AS NewGrainStateVersion
$q$),

-- Reminders ------------------------------------------------------------------------------------------------------------

-- Registers or moves a reminder; answers its new version (its ETag).
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash,
    version = orleans_reminders.version + 1
RETURNING version AS Version
$q$),

-- One grain's reminders.
('ReadReminderRowsKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period,
       version AS Version
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),

-- One reminder, or no row.
('ReadReminderRowKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period,
       version AS Version
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),

-- The reminders of a silo's hash range (BeginHash, EndHash] when the range does not wrap around ...
('ReadRangeRows1Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period,
       version AS Version
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),

-- ... and when it wraps past the largest hash.
('ReadRangeRows2Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period,
       version AS Version
FROM orleans_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

-- Unregisters a reminder if still at the version read; answers 1 when it was deleted.
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1)
SELECT count(*)::integer FROM deleted
$q$),

-- Every reminder of the service.
('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId
$q$);
