package jp.tsunagu.notification.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.tsunagu.issue.Level;
import jp.tsunagu.notification.NotificationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out the unique key of each notification: {@code EVENT:issue:LEVEL:recipient#seq}. The running number tells
 * apart a second reminder or a second approval request at the same level. It is allocated in the transaction of the
 * change, so a rolled-back change leaves no key behind. The keys of one notification's recipients are read and
 * written together: a breach notifies a whole department at once.
 */
@Component
class NotificationKeys {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    NotificationKeys(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    String next(NotificationEvent event, String issueId, Level level, String recipient) {
        return next(event, issueId, level, List.of(recipient)).get(recipient);
    }

    /** The next key for each recipient, in the recipients' order. */
    Map<String, String> next(NotificationEvent event, String issueId, Level level, List<String> recipients) {
        Map<String, String> bases = new LinkedHashMap<>();
        for (String recipient : recipients) {
            bases.put(recipient, event.name() + ":" + issueId + ":" + (level == null ? "-" : level.name()) + ":"
                    + recipient);
        }
        if (bases.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> last = new HashMap<>();
        jdbc.sql("select base, max(seq) as seq from notification_key where base in (:bases) group by base")
                .param("bases", List.copyOf(bases.values()))
                .query(rs -> {
                    last.put(rs.getString("base"), rs.getInt("seq"));
                });
        Map<String, String> keys = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        bases.forEach((recipient, base) -> {
            int seq = last.getOrDefault(base, 0) + 1;
            rows.add(new Object[] {base, seq});
            keys.put(recipient, base + "#" + seq);
        });
        batch.batchUpdate("insert into notification_key (base, seq) values (?, ?)", rows);
        return keys;
    }
}
