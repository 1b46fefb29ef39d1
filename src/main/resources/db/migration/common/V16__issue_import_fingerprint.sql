-- What a keyed CSV import held: the same Idempotency-Key with a different file is refused (422), as on POST /api/issues.
-- A SHA-256 of each row's routing fields and key, never of personal details; null for imports before V16.
alter table issue_import add column fingerprint varchar(64);
