package jp.tsunagu.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jp.tsunagu.notification.NotificationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** In-app notifications, one row per person and notification. */
@Repository
public class InboxRepository {

    private final JdbcClient jdbc;

    InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String dedupKey, String username, NotificationEvent event, String issueId, String payload, Instant now) {
        jdbc.sql("""
                insert into notification_inbox (dedup_key, username, event_type, issue_id, payload, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(dedupKey, username, event.name(), issueId, payload, Timestamp.from(now)).update();
    }

    List<Row> newestFirst(String username, int offset, int limit) {
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

    record Row(long id, NotificationEvent event, String issueId, String payload, Instant createdAt, boolean read) {
    }
}
