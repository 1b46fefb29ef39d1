package jp.tsunagu.audit.internal;

import java.time.Instant;

/** An event recorded in a transaction that has not committed yet; it gets its seq and hash at commit. */
record PendingEvent(Instant occurredAt, String actor, String action, String issueId, String details) {
}
