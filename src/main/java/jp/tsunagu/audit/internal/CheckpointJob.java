package jp.tsunagu.audit.internal;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the chain head to the checkpoint file once a day. Every node of a cluster does it; that is harmless, because
 * each line is a true statement about the chain, and the file skips a line that repeats the last one.
 */
@Component
class CheckpointJob {

    private static final Logger log = LoggerFactory.getLogger(CheckpointJob.class);

    private final AuditEventRepository events;
    private final CheckpointFile file;
    private final Clock clock;

    CheckpointJob(AuditEventRepository events, CheckpointFile file, Clock clock) {
        this.events = events;
        this.file = file;
        this.clock = clock;
    }

    @Scheduled(cron = "${tsunagu.audit.checkpoint-cron:0 5 0 * * *}", zone = "${tsunagu.audit.checkpoint-zone:Asia/Tokyo}")
    void writeDailyCheckpoint() {
        writeCheckpoint().ifPresent(c -> log.info("Audit checkpoint seq {} hash {} written to {}", c.seq(), c.hash(),
                file.path()));
    }

    /** The checkpoint written, or none while the chain is still empty. */
    Optional<Checkpoint> writeCheckpoint() {
        ChainHead head = events.head();
        if (head.seq() == 0) {
            return Optional.empty();
        }
        Checkpoint checkpoint = new Checkpoint(head.seq(), head.hash(), clock.instant());
        file.append(checkpoint);
        return Optional.of(checkpoint);
    }
}
