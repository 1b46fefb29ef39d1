/**
 * The tamper-evident audit trail. Every state change, login, denied access and reveal becomes an
 * {@link jp.tsunagu.audit.AuditEvent} in an append-only, hash-chained table, written in the same transaction as the
 * change it records.
 * <p>
 * {@link jp.tsunagu.audit.ChainVerifier} recomputes the chain in one streaming pass and compares it with the daily
 * checkpoints kept outside the database; the auditors' search, timeline and CSV export are
 * {@link jp.tsunagu.audit.AuditQueries}, {@link jp.tsunagu.audit.IssueTimeline} and {@link jp.tsunagu.audit.AuditExport}.
 * {@code java -jar … --verify-audit} runs the verifier from the command line. See {@code docs/audit.md}.
 */
package jp.tsunagu.audit;
