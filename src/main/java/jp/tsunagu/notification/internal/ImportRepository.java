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

    Optional<KeyedImport> report(String username, String key) {
        return jdbc.sql("select report, fingerprint from issue_import where username = ? and idempotency_key = ?")
                .params(username, key)
                .query((rs, n) -> new KeyedImport(rs.getString("report"), rs.getString("fingerprint"))).optional();
    }

    void save(String username, String key, String report, String fingerprint, Instant now) {
        jdbc.sql("""
                insert into issue_import (username, idempotency_key, report, fingerprint, created_at)
                values (?, ?, ?, ?, ?)""")
                .params(username, key, report, fingerprint, Timestamp.from(now)).update();
    }

    /** A keyed import's report, and the fingerprint of the file it came from (null before V16). */
    record KeyedImport(String report, String fingerprint) {
    }
}
