package jp.tsunagu.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;

import jp.tsunagu.notification.DeliveryMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PreferenceRepository {

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public DeliveryMode modeOf(String username) {
        return jdbc.sql("select mode from notification_preference where username = ?").param(username)
                .query(String.class).optional().map(DeliveryMode::valueOf).orElse(DeliveryMode.INSTANT);
    }

    public void save(String username, DeliveryMode mode, Instant now) {
        int updated = jdbc.sql("update notification_preference set mode = ?, updated_at = ? where username = ?")
                .params(mode.name(), Timestamp.from(now), username).update();
        if (updated == 0) {
            jdbc.sql("insert into notification_preference (username, mode, updated_at) values (?, ?, ?)")
                    .params(username, mode.name(), Timestamp.from(now)).update();
        }
    }
}
