-- The administrator's replacement holiday file (the Cabinet Office's syukujitsu.csv, Shift_JIS bytes as uploaded),
-- kept in the database so that every node of a cluster computes due times with the same holidays.
create table holiday_data (
    id       integer   primary key check (id = 1),
    csv      bytea     not null,
    saved_at timestamp not null
);
