package jp.tsunagu.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jp.tsunagu.notification.NotificationEvent;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Rows are claimed with a lease: a worker that dies mid-send leaves its rows to be taken over once
 * the lease has run out, so nothing is lost; receivers de-duplicate the rare second send on the row's key.
 */
@Repository
public class OutboxRepository {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    /** Never to be sent: its webhook endpoint was switched off or removed before the call went out. */
    static final String DROPPED = "DROPPED";

    private static final String COLUMNS = "id, dedup_key, channel, event_type, issue_id, recipient, urgent, digest, "
            + "payload, attempts, created_at, claimed_by";
    private static final RowMapper<OutboxMessage> MESSAGE = (rs, i) -> new OutboxMessage(rs.getLong("id"),
            rs.getString("dedup_key"), OutboxMessage.Channel.valueOf(rs.getString("channel")),
            NotificationEvent.valueOf(rs.getString("event_type")), rs.getString("issue_id"), rs.getString("recipient"),
            rs.getBoolean("urgent"), rs.getBoolean("digest"), rs.getString("payload"), rs.getInt("attempts"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("claimed_by"));

    private final JdbcClient jdbc;
    private final WebhookSealing webhookSealing;
    private final boolean skipLocked;

    OutboxRepository(JdbcClient jdbc, DataSource dataSource, WebhookSealing webhookSealing) throws Exception {
        this.jdbc = jdbc;
        this.webhookSealing = webhookSealing;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
        this.skipLocked = product.toLowerCase().contains("postgres");
    }

    void insert(NewOutboxMessage message, Instant now) {
        jdbc.sql("""
                insert into notification_outbox (dedup_key, channel, event_type, issue_id, recipient, urgent, digest,
                    payload, status, attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(message.dedupKey(), message.channel().name(), message.event().name(), message.issueId(),
                        message.recipient(), message.urgent(), message.digest(), message.payload(), PENDING,
                        Timestamp.from(message.notBefore()), Timestamp.from(now))
                .update();
    }

    /**
     * Reserves up to {@code limit} due rows under a fresh {@code claim} token until {@code leaseUntil}. Call inside a transaction:
     * on PostgreSQL competing workers skip each other's locked rows; the lease check in the update is what makes a
     * claim exclusive on every database.
     */
    List<OutboxMessage> claimDue(Instant now, Instant leaseUntil, String claim, int limit) {
        List<Long> ids = jdbc.sql("select id from notification_outbox where status = ? and next_attempt_at <= ?"
                        + " and (claimed_until is null or claimed_until < ?) order by id limit ?"
                        + (skipLocked ? " for update skip locked" : " for update"))
                .params(PENDING, Timestamp.from(now), Timestamp.from(now), limit)
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        // A daily digest is one mail: take every due digest row of the same people, not only those inside the limit.
        List<String> digestReaders = jdbc.sql("select distinct recipient from notification_outbox where id in (:ids)"
                        + " and digest").param("ids", ids).query(String.class).list();
        if (!digestReaders.isEmpty()) {
            ids = new ArrayList<>(ids);
            ids.addAll(jdbc.sql("select id from notification_outbox where status = :pending and digest"
                            + " and recipient in (:readers) and next_attempt_at <= :now"
                            + " and (claimed_until is null or claimed_until < :now) and id not in (:ids)"
                            + (skipLocked ? " for update skip locked" : " for update"))
                    .param("pending", PENDING).param("readers", digestReaders).param("now", Timestamp.from(now))
                    .param("ids", ids).query(Long.class).list());
        }
        jdbc.sql("update notification_outbox set claimed_until = :until, claimed_by = :claim where id in (:ids)"
                        + " and (claimed_until is null or claimed_until < :now)")
                .param("until", Timestamp.from(leaseUntil)).param("claim", claim).param("ids", ids)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("select " + COLUMNS + " from notification_outbox where claimed_by = :claim and id in (:ids)"
                        + " order by id")
                .param("claim", claim).param("ids", ids)
                .query(MESSAGE).list();
    }

    /**
     * Extends the claim on a row just before it is sent, if the claim still holds: a worker whose lease ran out while
     * it sent the rows before this one has lost the row to another worker, which may be sending it now, and must not
     * send it too. Returns whether the row is still this claim's.
     */
    boolean renewClaim(long id, String claim, Instant now, Instant leaseUntil) {
        return jdbc.sql("update notification_outbox set claimed_until = ? where id = ? and claimed_by = ?"
                        + " and claimed_until >= ? and status = ?")
                .params(Timestamp.from(leaseUntil), id, claim, Timestamp.from(now), PENDING).update() == 1;
    }

    void markSent(long id, String claim, Instant now) {
        jdbc.sql("update notification_outbox set status = ?, sent_at = ?, claimed_until = null, last_error = null"
                        + " where id = ? and status = ? and claimed_by = ?")
                .params(SENT, Timestamp.from(now), id, PENDING, claim).update();
    }

    /** A claimed row that must not be sent at all (see {@link UndeliverableException}). */
    void markDropped(long id, String claim, String reason) {
        jdbc.sql("update notification_outbox set status = ?, last_error = ?, claimed_until = null"
                        + " where id = ? and status = ? and claimed_by = ?")
                .params(DROPPED, truncate(reason), id, PENDING, claim).update();
    }

    /** Counts the attempt; gives up after {@code maxAttempts}, otherwise tries again at {@code nextAttempt}. */
    void markAttemptFailed(long id, String claim, String error, Instant nextAttempt, int maxAttempts) {
        jdbc.sql("""
                update notification_outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                    claimed_until = null, status = case when attempts + 1 >= ? then ? else status end
                where id = ? and status = ? and claimed_by = ?""")
                .params(truncate(error), Timestamp.from(nextAttempt), maxAttempts, FAILED, id, PENDING, claim)
                .update();
    }

    /**
     * Drops the calls still queued for a webhook endpoint; returns how many. A call a worker is sending at this moment
     * still goes out; its row stays dropped.
     */
    int dropQueuedWebhookCalls(String endpointId, String reason) {
        return jdbc.sql("update notification_outbox set status = ?, last_error = ?, claimed_until = null"
                        + " where channel = 'WEBHOOK' and recipient = ? and status = ?")
                .params(DROPPED, truncate(reason), endpointId, PENDING).update();
    }

    /**
     * Per channel, the rows due and not yet sent (the worker's backlog; mail held for opening hours or a digest is
     * not due yet) and the rows that ran out of attempts. Both walk the index on (status, next_attempt_at), never
     * the sent rows.
     */
    Map<String, Long> dueByChannel(Instant now) {
        return countByChannel("status = ? and next_attempt_at <= ?", PENDING, Timestamp.from(now));
    }

    Map<String, Long> failedByChannel() {
        return countByChannel("status = ?", FAILED);
    }

    private Map<String, Long> countByChannel(String condition, Object... params) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select channel, count(*) from notification_outbox where " + condition + " group by channel")
                .params(params).query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    List<FailedDelivery> failedWebhookDeliveries(int limit) {
        return jdbc.sql("""
                select o.id, o.recipient, w.url, w.sealed, o.event_type, o.issue_id, o.dedup_key, o.attempts, o.last_error,
                    o.created_at
                from notification_outbox o left join webhook_endpoint w on w.id = o.recipient
                where o.channel = 'WEBHOOK' and o.status = ? order by o.id desc limit ?""")
                .params(FAILED, limit)
                .query((rs, i) -> new FailedDelivery(rs.getLong("id"), rs.getString("recipient"),
                        webhookSealing.open(rs.getString("url"), rs.getBoolean("sealed")),
                        rs.getString("event_type"), rs.getString("issue_id"), rs.getString("dedup_key"),
                        rs.getInt("attempts"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    /** A webhook call that ran out of attempts, for the administrators' view. */
    public record FailedDelivery(long id, String endpointId, String url, String event, String issueId, String key,
            int attempts, String lastError, Instant createdAt) {
    }
}
