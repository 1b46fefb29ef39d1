-- An API token expires: the administrator chooses the day, at most three years ahead. Tokens issued before V17 never
-- expired; they get one year from this migration, so that none stops working on the day of the upgrade and the
-- administrator, warned on the page 30 days before, has time to issue replacements.
-- last_used_at is when the token last signed a call in, written at most once per token every 15 minutes.
alter table api_token add column expires_at timestamp with time zone;
alter table api_token add column last_used_at timestamp with time zone;
update api_token set expires_at = current_timestamp + interval '1' year;
alter table api_token alter column expires_at set not null;
