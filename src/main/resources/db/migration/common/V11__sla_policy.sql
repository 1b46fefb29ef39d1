-- An administrator's change to one severity's SLA policy. A severity without a row runs on the configured default
-- (tsunagu.sla.policies.<SEVERITY>); deleting the row restores it. Durations are ISO-8601 as in the configuration.
create table sla_policy (
    severity    varchar(16)  primary key,
    calendar    varchar(16)  not null,
    acknowledge varchar(32)  not null,
    resolve     varchar(32)  not null,
    changed_by  varchar(64)  not null,
    changed_at  timestamp    not null
);
