package jp.tsunagu.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.tsunagu.notification.NotificationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** In-app notifications, one row per person and notification. */
@Repository
public class InboxRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    InboxRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** One row for each person, keyed by username and holding its notification key, in one batch. */
    void insert(Map<String, String> keysByUsername, NotificationEvent event, String issueId, String payload,
            Instant now) {
        List<Object[]> rows = new ArrayList<>();
        keysByUsername.forEach((username, key) ->
                rows.add(new Object[] {key, username, event.name(), issueId, payload, Timestamp.from(now)}));
        batch.batchUpdate("""
                insert into notification_inbox (dedup_key, username, event_type, issue_id, payload, created_at)
                values (?, ?, ?, ?, ?, ?)""", rows);
    }

    List<Row> newestFirst(String username, long offset, int limit) {
        return jdbc.sql("""
                select id, event_type, issue_id, payload, created_at, read_at from notification_inbox
                where username = ? order by created_at desc, id desc limit ? offset ?""")
                .params(username, limit, offset)
                .query((rs, i) -> new Row(rs.getLong("id"), NotificationEvent.valueOf(rs.getString("event_type")),
                        rs.getString("issue_id"), rs.getString("payload"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") != null))
                .list();
    }

    long total(String username) {
        return jdbc.sql("select count(*) from notification_inbox where username = ?").param(username)
                .query(Long.class).single();
    }

    long unread(String username) {
        return jdbc.sql("select count(*) from notification_inbox where username = ? and read_at is null")
                .param(username).query(Long.class).single();
    }

    /** Only the owner's own notification; false when there is none with this id for them. */
    boolean markRead(long id, String username, Instant now) {
        int found = jdbc.sql("select count(*) from notification_inbox where id = ? and username = ?")
                .params(id, username).query(Integer.class).single();
        jdbc.sql("update notification_inbox set read_at = ? where id = ? and username = ? and read_at is null")
                .params(Timestamp.from(now), id, username).update();
        return found > 0;
    }

    int markAllRead(String username, Instant now) {
        return jdbc.sql("update notification_inbox set read_at = ? where username = ? and read_at is null")
                .params(Timestamp.from(now), username).update();
    }

    record Row(long id, NotificationEvent event, String issueId, String payload, Instant createdAt, boolean read) {
    }
}
