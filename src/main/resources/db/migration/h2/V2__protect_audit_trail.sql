-- H2 is the embedded demo database. Append-only protection is enforced by a trigger on PostgreSQL only;
-- the hash chain still detects any change here.
select 1;
