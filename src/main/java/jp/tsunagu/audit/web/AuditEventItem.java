package jp.tsunagu.audit.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import jp.tsunagu.audit.AuditEvent;

/** An audit event as the API shows it: the canonical details as a JSON object rather than a string. */
record AuditEventItem(long seq, Instant occurredAt, String actor, String action, String issueId,
        @JsonRawValue String details, String prevHash, String hash) {

    static AuditEventItem of(AuditEvent event) {
        return new AuditEventItem(event.seq(), event.occurredAt(), event.actor(), event.action(), event.issueId(),
                event.details(), event.prevHash(), event.hash());
    }
}
