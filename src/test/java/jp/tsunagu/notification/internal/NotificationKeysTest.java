package jp.tsunagu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.UUID;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.issue.Level;
import jp.tsunagu.notification.NotificationEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

class NotificationKeysTest extends AbstractIntegrationTest {

    @Autowired
    NotificationKeys keys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recipientsNotifiedBeforeGetTheNextNumberAndNewOnesTheFirstInOneCall() {
        String issue = UUID.randomUUID().toString();
        keys.next(NotificationEvent.SLA_REMINDER, issue, Level.SECTION, "user:sato");
        keys.next(NotificationEvent.SLA_REMINDER, issue, Level.SECTION, "user:sato");

        var next = keys.next(NotificationEvent.SLA_REMINDER, issue, Level.SECTION,
                List.of("user:suzuki", "user:sato", "webhook:7"));

        String base = "SLA_REMINDER:" + issue + ":SECTION:";
        assertThat(next).containsExactly(
                entry("user:suzuki", base + "user:suzuki#1"),
                entry("user:sato", base + "user:sato#3"),
                entry("webhook:7", base + "webhook:7#1"));
        assertThat(jdbc.sql("select count(*) from notification_key where base like ?").param(base + "%")
                .query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void anotherLevelOrEventStartsItsOwnNumbering() {
        String issue = UUID.randomUUID().toString();
        keys.next(NotificationEvent.SLA_REMINDER, issue, Level.SECTION, "user:sato");

        assertThat(keys.next(NotificationEvent.SLA_REMINDER, issue, Level.DEPARTMENT, "user:sato")).endsWith("#1");
        assertThat(keys.next(NotificationEvent.SLA_BREACHED, issue, Level.SECTION, "user:sato")).endsWith("#1");
        assertThat(keys.next(NotificationEvent.SLA_REMINDER, issue, Level.SECTION, List.of())).isEmpty();
    }

    @Test
    void aKeyIsNeverHandedOutTwice() {
        String issue = UUID.randomUUID().toString();
        String base = "SLA_REMINDER:" + issue + ":SECTION:user:sato";
        jdbc.sql("insert into notification_key (base, seq) values (?, 1)").param(base).update();

        assertThat(keys.next(NotificationEvent.SLA_REMINDER, issue, Level.SECTION, "user:sato")).isEqualTo(base + "#2");
        assertThatThrownBy(() -> jdbc.sql("insert into notification_key (base, seq) values (?, 2)").param(base).update())
                .isInstanceOf(DuplicateKeyException.class);
    }
}
