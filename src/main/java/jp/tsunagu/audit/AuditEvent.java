package jp.tsunagu.audit;

import java.time.Instant;

/** One link of the chain. {@code details} is canonical JSON; {@code hash = SHA-256(prevHash || canonical event)}. */
public record AuditEvent(long seq, Instant occurredAt, String actor, String action, String issueId, String details,
        String prevHash, String hash) {
}
