package jp.tsunagu.audit.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import jp.tsunagu.audit.AuditEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditEventRepository {

    static final RowMapper<AuditEvent> EVENT = (rs, i) -> new AuditEvent(rs.getLong("seq"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
            rs.getString("issue_id"), rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuditEventRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Appends in the caller's transaction. Locking the chain head makes this the single writer path: the next
     * transaction waits here until this one commits, so seq is gap-free and in commit order.
     */
    void append(List<PendingEvent> events) {
        ChainHead head = jdbc.sql(ChainHead.SELECT + " for update").query(ChainHead.ROW).single();
        long seq = head.seq();
        String hash = head.hash();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            seq++;
            String prev = hash;
            hash = ChainHasher.hash(prev, seq, event.occurredAt(), event.actor(), event.action(), event.issueId(),
                    event.details());
            rows.add(new Object[] {seq, Timestamp.from(event.occurredAt()), event.actor(), event.action(),
                    event.issueId(), event.details(), prev, hash});
        }
        // One round trip for all of a transaction's events: the chain head stays locked until the commit.
        batch.batchUpdate("""
                insert into audit_event (seq, occurred_at, actor, action, issue_id, details, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
    }

    List<AuditEvent> forIssue(String issueId) {
        return jdbc.sql("select * from audit_event where issue_id = ? order by seq").param(issueId).query(EVENT).list();
    }

    /** The last committed link, without locking: what a checkpoint records. */
    ChainHead head() {
        return jdbc.sql(ChainHead.SELECT).query(ChainHead.ROW).single();
    }
}
