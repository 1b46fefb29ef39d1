package jp.tsunagu.audit.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.ChainVerification;

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
            return fail(expectedSeq, seq > expectedSeq
                    ? "seq " + expectedSeq + " is missing: the event was deleted"
                    : "seq " + seq + " appears out of order");
        }
        if (seq > head.seq()) {
            return fail(seq, "seq " + seq + " lies beyond the chain head (last seq " + head.seq()
                    + "): the event was inserted outside the application");
        }
        if (!previousHash.equals(event.prevHash())) {
            return fail(seq, "seq " + seq + " does not link to seq " + (seq - 1)
                    + ": an event was inserted, moved or rewritten here");
        }
        String recomputed = ChainHasher.hash(previousHash, seq, event.occurredAt(), event.actor(), event.action(),
                event.issueId(), event.details());
        if (!recomputed.equals(event.hash())) {
            return fail(seq, "seq " + seq + " does not match its hash: the event was changed");
        }
        for (Checkpoint checkpoint : checkpointsBySeq.getOrDefault(seq, List.of())) {
            if (!checkpoint.hash().equals(recomputed)) {
                return fail(seq, "seq " + seq + " contradicts the checkpoint of " + checkpoint.time()
                        + ": the chain up to here was rewritten");
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
            fail(last + 1, "events " + (last + 1) + " to " + head.seq() + " are missing: the chain head says "
                    + head.seq());
        } else if (!head.hash().equals(previousHash)) {
            fail(head.seq(), "the chain head's hash does not match seq " + head.seq());
        } else {
            checkpointsBySeq.keySet().stream().filter(seq -> seq > last).min(Long::compare).ifPresent(seq -> fail(
                    last + 1, "a checkpoint of " + checkpointsBySeq.get(seq).get(0).time() + " saw seq " + seq
                            + ", but the chain ends at " + last + ": events were removed"));
        }
        return broken != null ? broken : ChainVerification.intact(last, checkpointsMatched);
    }

    private boolean fail(long seq, String reason) {
        broken = ChainVerification.broken(expectedSeq - 1, seq, reason, checkpointsMatched);
        return false;
    }
}
