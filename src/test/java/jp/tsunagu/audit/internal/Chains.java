package jp.tsunagu.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.ChainVerification;

/** Valid chains in memory, and the head that goes with them. */
final class Chains {

    static final Instant START = Instant.parse("2026-04-01T00:00:00Z");

    private Chains() {
    }

    static List<AuditEvent> valid(int length) {
        List<AuditEvent> events = new ArrayList<>();
        String previous = ChainHasher.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            AuditEvent event = link(seq, previous, "sato", "COMMENT_ADDED", "{\"text\":\"確認 " + seq + "\"}");
            events.add(event);
            previous = event.hash();
        }
        return events;
    }

    /** A correctly hashed event after {@code previousHash}: what a forger who knows the format would write. */
    static AuditEvent link(long seq, String previousHash, String actor, String action, String details) {
        Instant at = START.plusSeconds(seq);
        return new AuditEvent(seq, at, actor, action, "issue-1", details, previousHash,
                ChainHasher.hash(previousHash, seq, at, actor, action, "issue-1", details));
    }

    static ChainHead headOf(List<AuditEvent> events) {
        return events.isEmpty() ? new ChainHead(0, ChainHasher.GENESIS)
                : new ChainHead(events.get(events.size() - 1).seq(), events.get(events.size() - 1).hash());
    }

    static ChainVerification walk(List<AuditEvent> events, ChainHead head, List<Checkpoint> checkpoints) {
        ChainWalk walk = new ChainWalk(head, checkpoints);
        for (AuditEvent event : events) {
            if (!walk.accept(event)) {
                break;
            }
        }
        return walk.result();
    }
}
