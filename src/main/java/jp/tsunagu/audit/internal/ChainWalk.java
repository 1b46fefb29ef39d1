package jp.tsunagu.audit.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.ChainVerification;
import jp.tsunagu.audit.ChainVerification.Break;

/**
 * Checks the chain one event at a time, in seq order, holding only the previous hash: memory stays constant however
 * long the chain is. Feed it with {@link #accept} until it returns false, then ask for the {@link #result}.
 */
final class ChainWalk {

    private final ChainHead head;
    private final Map<Long, List<Checkpoint>> checkpointsBySeq = new HashMap<>();
    private long expectedSeq = 1;
    private String previousHash = ChainHasher.GENESIS;
    private int checkpointsMatched;
    private ChainVerification broken;

    ChainWalk(ChainHead head, Collection<Checkpoint> checkpoints) {
        this.head = head;
        checkpoints.forEach(c -> checkpointsBySeq.computeIfAbsent(c.seq(), seq -> new ArrayList<>()).add(c));
    }

    /** Checks the next event; false once the chain is broken, and there is no point in reading further. */
    boolean accept(AuditEvent event) {
        if (broken != null) {
            return false;
        }
        long seq = event.seq();
        if (seq != expectedSeq) {
            return seq > expectedSeq ? fail(expectedSeq, Break.MISSING, expectedSeq)
                    : fail(expectedSeq, Break.OUT_OF_ORDER, seq);
        }
        if (seq > head.seq()) {
            return fail(seq, Break.BEYOND_HEAD, seq, head.seq());
        }
        if (!previousHash.equals(event.prevHash())) {
            return fail(seq, Break.NOT_LINKED, seq, seq - 1);
        }
        String recomputed = ChainHasher.hash(previousHash, seq, event.occurredAt(), event.actor(), event.action(),
                event.issueId(), event.details());
        if (!recomputed.equals(event.hash())) {
            return fail(seq, Break.HASH_MISMATCH, seq);
        }
        for (Checkpoint checkpoint : checkpointsBySeq.getOrDefault(seq, List.of())) {
            if (!checkpoint.hash().equals(recomputed)) {
                return fail(seq, Break.CHECKPOINT_CONTRADICTED, seq, checkpoint.time());
            }
            checkpointsMatched++;
        }
        previousHash = recomputed;
        expectedSeq++;
        return true;
    }

    /** The verdict once every event has been fed, or the first break. */
    ChainVerification result() {
        if (broken != null) {
            return broken;
        }
        long last = expectedSeq - 1;
        if (last < head.seq()) {
            fail(last + 1, Break.TAIL_MISSING, last + 1, head.seq());
        } else if (!head.hash().equals(previousHash)) {
            fail(head.seq(), Break.HEAD_MISMATCH, head.seq());
        } else {
            checkpointsBySeq.keySet().stream().filter(seq -> seq > last).min(Long::compare).ifPresent(seq -> fail(
                    last + 1, Break.CHECKPOINT_BEYOND_END, checkpointsBySeq.get(seq).get(0).time(), seq, last));
        }
        return broken != null ? broken : ChainVerification.intact(last, checkpointsMatched);
    }

    private boolean fail(long seq, Break kind, Object... args) {
        broken = ChainVerification.broken(expectedSeq - 1, seq, kind, checkpointsMatched, args);
        return false;
    }
}
