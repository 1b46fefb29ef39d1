package jp.tsunagu.audit.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.ChainVerification;
import jp.tsunagu.audit.ChainVerifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams {@code audit_event} in seq order through a {@link ChainWalk}, reading and hashing on two threads. The read
 * runs in one read-only, repeatable-read transaction: the chain head and the rows come from the same snapshot while
 * writers keep appending, and PostgreSQL only honours the fetch size (a server-side cursor) inside a transaction.
 */
@Service
class JdbcChainVerifier implements ChainVerifier {

    static final int FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final CheckpointFile checkpoints;

    JdbcChainVerifier(DataSource dataSource, PlatformTransactionManager transactions, CheckpointFile checkpoints) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.checkpoints = checkpoints;
    }

    @Override
    public ChainVerification verify() {
        List<Checkpoint> known;
        try {
            known = checkpoints.readAll();
        } catch (CheckpointFile.InvalidCheckpointFileException e) {
            return ChainVerification.broken(0, null, ChainVerification.Break.CHECKPOINT_FILE_UNREADABLE, 0,
                    e.getMessage());
        }
        return snapshot.execute(status -> walk(known));
    }

    private ChainVerification walk(List<Checkpoint> known) {
        ChainHead head = jdbc.queryForObject(ChainHead.SELECT, ChainHead.ROW);
        ChainWalk walk = new ChainWalk(head, known);
        try (Stream<AuditEvent> events = jdbc.queryForStream("""
                select seq, occurred_at, actor, action, issue_id, details, prev_hash, hash
                from audit_event order by seq""", AuditEventRepository.EVENT);
                PipelinedWalk pipeline = new PipelinedWalk(walk)) {
            Iterator<AuditEvent> rows = events.iterator();
            List<AuditEvent> batch = new ArrayList<>(FETCH_SIZE);
            while (rows.hasNext() && pipeline.wantsMore()) {
                batch.add(rows.next());
                if (batch.size() == FETCH_SIZE) {
                    pipeline.hand(batch);
                    batch = new ArrayList<>(FETCH_SIZE);
                }
            }
            pipeline.hand(batch);
            pipeline.finish();
        }
        return walk.result();
    }

    /**
     * Hashes on a second thread while this one reads the next rows: reading (the database and the driver) and hashing
     * overlap instead of taking turns. At most {@link #BATCHES_IN_FLIGHT} batches wait between the two, so memory
     * stays constant. The reading thread keeps the transaction; the walking thread touches no connection.
     */
    private static final class PipelinedWalk implements AutoCloseable {

        static final int BATCHES_IN_FLIGHT = 2;
        private static final List<AuditEvent> END = List.of();

        private final BlockingQueue<List<AuditEvent>> batches = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        private final ChainWalk walk;
        private final Thread walker;
        private volatile boolean broken;
        private volatile RuntimeException failure;

        PipelinedWalk(ChainWalk walk) {
            this.walk = walk;
            this.walker = new Thread(this::walkBatches, "audit-chain-walk");
            this.walker.setDaemon(true);
            this.walker.start();
        }

        /** False once the walk found a break (there is no point in reading further) or failed. */
        boolean wantsMore() {
            return !broken && failure == null;
        }

        void hand(List<AuditEvent> batch) {
            if (!batch.isEmpty() && wantsMore()) {
                put(batch);
            }
        }

        void finish() {
            put(END);
            join();
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void close() {
            if (walker.isAlive()) {
                walker.interrupt();
                join();
            }
        }

        private void walkBatches() {
            try {
                for (List<AuditEvent> batch = batches.take(); batch != END; batch = batches.take()) {
                    for (AuditEvent event : batch) {
                        if (!broken && !walk.accept(event)) {
                            broken = true;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
                batches.clear();
            }
        }

        private void put(List<AuditEvent> batch) {
            try {
                while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (!walker.isAlive()) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying the audit chain", e);
            }
        }

        private void join() {
            try {
                walker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying the audit chain", e);
            }
        }
    }
}
