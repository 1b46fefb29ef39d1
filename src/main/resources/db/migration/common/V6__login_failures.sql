-- Failed sign-ins, for the lockout: five within fifteen minutes lock the account until the oldest falls out of the window.
create table login_failure (
    username  varchar(64) not null,
    failed_at timestamp with time zone not null
);
create index login_failure_user_time on login_failure (username, failed_at);
