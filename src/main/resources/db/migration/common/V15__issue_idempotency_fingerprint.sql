-- What was sent with an Idempotency-Key: a retry with the same key and the same request gets the first issue back,
-- the same key with a different request is refused (422). A SHA-256 of the routing fields, never of personal details.
alter table issue add column idempotency_fingerprint varchar(64);
