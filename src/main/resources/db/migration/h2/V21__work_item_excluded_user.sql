-- As on PostgreSQL (see postgresql/V21), without the partial index H2 does not have.
create index work_item_excluded_user on work_item (excluded_user);
