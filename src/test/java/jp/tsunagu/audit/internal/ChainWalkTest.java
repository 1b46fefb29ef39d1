package jp.tsunagu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.ChainVerification;
import org.junit.jupiter.api.Test;

class ChainWalkTest {

    final List<AuditEvent> chain = Chains.valid(10);
    final ChainHead head = Chains.headOf(chain);

    @Test
    void anIntactChainIsValidAndEveryEventIsCounted() {
        assertThat(Chains.walk(chain, head, List.of()))
                .isEqualTo(ChainVerification.intact(10, 0));
    }

    @Test
    void anEmptyChainIsValid() {
        assertThat(Chains.walk(List.of(), Chains.headOf(List.of()), List.of()).valid()).isTrue();
    }

    @Test
    void aChangedEventIsNamed() {
        List<AuditEvent> tampered = new ArrayList<>(chain);
        AuditEvent fourth = tampered.get(3);
        tampered.set(3, new AuditEvent(4, fourth.occurredAt(), "suzuki", fourth.action(), fourth.issueId(),
                fourth.details(), fourth.prevHash(), fourth.hash()));

        assertBrokenAt(Chains.walk(tampered, head, List.of()), 4, "was changed");
    }

    @Test
    void aDeletedEventLeavesAGapThatIsNamed() {
        List<AuditEvent> tampered = new ArrayList<>(chain);
        tampered.remove(5);

        assertBrokenAt(Chains.walk(tampered, head, List.of()), 6, "is missing");
    }

    @Test
    void swappedEventsAreNamedAtTheFirstOfThem() {
        List<AuditEvent> tampered = new ArrayList<>(chain);
        tampered.set(6, renumber(chain.get(7), 7));
        tampered.set(7, renumber(chain.get(6), 8));

        assertBrokenAt(Chains.walk(tampered, head, List.of()), 7, "does not link");
    }

    @Test
    void aCorrectlyHashedInsertedEventBreaksTheLinkOfTheNextOne() {
        List<AuditEvent> tampered = new ArrayList<>(chain.subList(0, 5));
        tampered.add(Chains.link(6, chain.get(4).hash(), "sato", "COMMENT_ADDED", "{\"text\":\"後から追加\"}"));
        chain.subList(5, 10).forEach(event -> tampered.add(renumber(event, event.seq() + 1)));

        assertBrokenAt(Chains.walk(tampered, head, List.of()), 7, "does not link");
    }

    @Test
    void anEventBeyondTheChainHeadIsNamed() {
        List<AuditEvent> tampered = new ArrayList<>(chain);
        tampered.add(Chains.link(11, chain.get(9).hash(), "sato", "COMMENT_ADDED", "{}"));

        assertBrokenAt(Chains.walk(tampered, head, List.of()), 11, "beyond the chain head");
    }

    @Test
    void eventsDeletedAtTheEndAreNamedFromTheHead() {
        assertBrokenAt(Chains.walk(chain.subList(0, 8), head, List.of()), 9, "are missing");
    }

    @Test
    void aHeadThatDisagreesWithTheLastEventIsReported() {
        ChainVerification result = Chains.walk(chain, new ChainHead(10, "f".repeat(64)), List.of());

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(10);
        assertThat(result.reason()).contains("chain head's hash");
    }

    @Test
    void aConsistentlyRewrittenChainIsCaughtByACheckpoint() {
        Checkpoint beforeRewrite = new Checkpoint(8, chain.get(7).hash(), Chains.START.plusSeconds(3600));
        List<AuditEvent> rewritten = new ArrayList<>(chain.subList(0, 2));
        String previous = rewritten.get(1).hash();
        for (int seq = 3; seq <= 10; seq++) {
            AuditEvent forged = Chains.link(seq, previous, "sato", "COMMENT_ADDED", "{\"text\":\"書き換え\"}");
            rewritten.add(forged);
            previous = forged.hash();
        }

        assertThat(Chains.walk(rewritten, Chains.headOf(rewritten), List.of()).valid())
                .as("without a checkpoint a consistent rewrite cannot be told apart").isTrue();
        assertBrokenAt(Chains.walk(rewritten, Chains.headOf(rewritten), List.of(beforeRewrite)), 8, "checkpoint");
    }

    @Test
    void matchingCheckpointsAreCounted() {
        List<Checkpoint> checkpoints = List.of(new Checkpoint(3, chain.get(2).hash(), Chains.START),
                new Checkpoint(10, chain.get(9).hash(), Chains.START), new Checkpoint(10, chain.get(9).hash(), Chains.START));

        assertThat(Chains.walk(chain, head, checkpoints)).isEqualTo(ChainVerification.intact(10, 3));
    }

    @Test
    void aCheckpointBeyondTheEndMeansEventsWereRemoved() {
        List<AuditEvent> shortened = chain.subList(0, 6);

        assertBrokenAt(Chains.walk(shortened, Chains.headOf(shortened),
                List.of(new Checkpoint(9, chain.get(8).hash(), Chains.START))), 7, "events were removed");
    }

    static AuditEvent renumber(AuditEvent event, long seq) {
        return new AuditEvent(seq, event.occurredAt(), event.actor(), event.action(), event.issueId(), event.details(),
                event.prevHash(), event.hash());
    }

    static void assertBrokenAt(ChainVerification result, long seq, String reason) {
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(seq);
        assertThat(result.reason()).contains(reason);
        assertThat(result.checked()).isLessThanOrEqualTo(seq - 1);
    }
}
