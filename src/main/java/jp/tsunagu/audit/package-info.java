/**
 * The tamper-evident audit trail. Every state change, login, denied access and reveal becomes an
 * {@link jp.tsunagu.audit.AuditEvent} in an append-only, hash-chained table, written in the same transaction as the
 * change it records.
 */
package jp.tsunagu.audit;
