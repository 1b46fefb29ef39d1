package jp.tsunagu.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reports of keyed imports, so that a retry answers with the first report. */
@Repository
class ImportRepository {

    private final JdbcClient jdbc;

    ImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> report(String username, String key) {
        return jdbc.sql("select report from issue_import where username = ? and idempotency_key = ?")
                .params(username, key).query(String.class).optional();
    }

    void save(String username, String key, String report, Instant now) {
        jdbc.sql("insert into issue_import (username, idempotency_key, report, created_at) values (?, ?, ?, ?)")
                .params(username, key, report, Timestamp.from(now)).update();
    }
}
