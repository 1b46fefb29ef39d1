-- Webhook addresses and secrets are stored encrypted (AES-256-GCM, the webhook key): a chat tool's address often
-- carries its own token in its path. Sealed text is longer than clear text. Rows written before this migration are
-- sealed by the application at its next start (sealed = false until then).
alter table webhook_endpoint alter column url set data type varchar(4000);
alter table webhook_endpoint alter column secret set data type varchar(1000);
alter table webhook_endpoint add column sealed boolean default false not null;
