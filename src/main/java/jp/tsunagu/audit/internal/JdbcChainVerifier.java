package jp.tsunagu.audit.internal;

import java.util.Iterator;
import java.util.List;
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
 * Streams {@code audit_event} in seq order through a {@link ChainWalk}. The read runs in one read-only, repeatable-read
 * transaction: the chain head and the rows come from the same snapshot while writers keep appending, and PostgreSQL
 * only honours the fetch size (a server-side cursor) inside a transaction.
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
            return ChainVerification.broken(0, null, e.getMessage(), 0);
        }
        return snapshot.execute(status -> walk(known));
    }

    private ChainVerification walk(List<Checkpoint> known) {
        ChainHead head = jdbc.queryForObject(ChainHead.SELECT, ChainHead.ROW);
        ChainWalk walk = new ChainWalk(head, known);
        try (Stream<AuditEvent> events = jdbc.queryForStream("""
                select seq, occurred_at, actor, action, issue_id, details, prev_hash, hash
                from audit_event order by seq""", AuditEventRepository.EVENT)) {
            Iterator<AuditEvent> rows = events.iterator();
            while (rows.hasNext() && walk.accept(rows.next())) {
                // ChainWalk does the work; stop reading at the first break.
            }
        }
        return walk.result();
    }
}
