-- The holiday file the open issues' due times were last computed with, so that a node starting with another file
-- (tsunagu.calendar.holiday-file) knows which days changed and moves those due times once, for the whole cluster.
create table holiday_data_applied (
    id         integer      primary key check (id = 1),
    csv        bytea        not null,
    sha256     varchar(64)  not null,
    applied_at timestamp    not null
);
