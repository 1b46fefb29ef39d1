-- One-off closure days an administrator adds (e.g. a system changeover day), besides those in the configuration.
create table calendar_closure (
    closure_date date         primary key,
    reason       varchar(200) not null,
    added_by     varchar(64)  not null,
    added_at     timestamp with time zone not null
);
