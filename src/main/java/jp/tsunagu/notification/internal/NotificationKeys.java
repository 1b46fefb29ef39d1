package jp.tsunagu.notification.internal;

import jp.tsunagu.issue.Level;
import jp.tsunagu.notification.NotificationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out the unique key of each notification: {@code EVENT:issue:LEVEL:recipient#seq}. The running number tells
 * apart a second reminder or a second approval request at the same level. It is allocated in the transaction of the
 * change, so a rolled-back change leaves no key behind.
 */
@Component
class NotificationKeys {

    private final JdbcClient jdbc;

    NotificationKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(NotificationEvent event, String issueId, Level level, String recipient) {
        String base = event.name() + ":" + issueId + ":" + (level == null ? "-" : level.name()) + ":" + recipient;
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from notification_key where base = ?")
                .param(base).query(Integer.class).single();
        jdbc.sql("insert into notification_key (base, seq) values (?, ?)").params(base, seq).update();
        return base + "#" + seq;
    }
}
