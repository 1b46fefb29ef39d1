package jp.tsunagu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.ChainVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Someone with the database's highest rights changes the table behind the application's back; the verifier names the
 * first broken seq. Runs on H2 and on PostgreSQL, each on a migrated schema of its own.
 */
abstract class AuditTamperTests {

    static final int LENGTH = 10;

    @TempDir
    Path dir;

    DataSource dataSource;
    JdbcTemplate jdbc;
    JdbcChainVerifier verifier;
    CheckpointJob checkpointJob;

    /** A migrated database (V1, V2 of the vendor, V3...) shared by the tests of the class. */
    abstract DataSource database();

    /** Prepares a connection to bypass the append-only protection, as a superuser could. */
    abstract void bypassProtection(Connection connection) throws SQLException;

    @BeforeEach
    void freshChainOfTenEvents() {
        dataSource = database();
        jdbc = new JdbcTemplate(dataSource);
        tamper(sql -> {
            sql.update("delete from audit_event");
            sql.update("update audit_chain_head set last_seq = 0, last_hash = ? where id = 1", ChainHasher.GENESIS);
        });
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        AuditEventRepository repository = new AuditEventRepository(JdbcClient.create(dataSource),
                new JdbcTemplate(dataSource));
        ChainedAuditTrail trail = new ChainedAuditTrail(repository, Clock.systemUTC(), transactions);
        for (int i = 1; i <= LENGTH; i++) {
            trail.recordIndependently(i % 2 == 0 ? "suzuki" : "sato", AuditAction.COMMENT_ADDED, "issue-1",
                    Map.of("text", "確認 " + i));
        }
        CheckpointFile checkpoints = new CheckpointFile(dir.resolve("checkpoints.jsonl"));
        verifier = new JdbcChainVerifier(dataSource, transactions, checkpoints);
        checkpointJob = new CheckpointJob(repository, checkpoints, Clock.systemUTC());
    }

    @Test
    void theUntouchedChainIsValid() {
        assertThat(verifier.verify()).isEqualTo(ChainVerification.intact(LENGTH, 0));
    }

    @Test
    void anAlteredEventIsNamed() {
        tamper(sql -> sql.update("update audit_event set details = ? where seq = 4", "{\"text\":\"改ざん\"}"));

        assertBrokenAt(4, "was changed");
    }

    @Test
    void aDeletedEventIsNamed() {
        tamper(sql -> sql.update("delete from audit_event where seq = 6"));

        assertBrokenAt(6, "is missing");
    }

    @Test
    void deletedEventsAtTheEndAreNamed() {
        tamper(sql -> sql.update("delete from audit_event where seq >= 9"));

        assertBrokenAt(9, "are missing");
    }

    @Test
    void swappedEventsAreNamed() {
        tamper(sql -> {
            sql.update("update audit_event set seq = -7 where seq = 7");
            sql.update("update audit_event set seq = 7 where seq = 8");
            sql.update("update audit_event set seq = 8 where seq = -7");
        });

        assertBrokenAt(7, "does not link");
    }

    @Test
    void anEventInsertedInTheMiddleIsNamedWhereTheChainNoLongerLinks() {
        AuditEvent fifth = event(5);
        tamper(sql -> {
            sql.update("update audit_event set seq = seq + 1000 where seq >= 6");
            sql.update("update audit_event set seq = seq - 999 where seq >= 1000");
            insert(sql, Chains.link(6, fifth.hash(), "sato", "COMMENT_ADDED", "{\"text\":\"後から追加\"}"));
        });

        assertBrokenAt(7, "does not link");
    }

    @Test
    void anEventAppendedBehindTheWritersBackIsNamed() {
        AuditEvent last = event(LENGTH);
        tamper(sql -> insert(sql, Chains.link(LENGTH + 1, last.hash(), "sato", "COMMENT_ADDED", "{}")));

        assertBrokenAt(LENGTH + 1, "beyond the chain head");
    }

    @Test
    void aConsistentRewriteOfTheWholeChainIsCaughtByTheCheckpoint() {
        checkpointJob.writeCheckpoint();
        tamper(sql -> {
            String previous = event(2).hash();
            for (long seq = 3; seq <= LENGTH; seq++) {
                AuditEvent original = event(seq);
                String details = seq == 3 ? "{\"text\":\"書き換え\"}" : original.details();
                String hash = ChainHasher.hash(previous, seq, original.occurredAt(), original.actor(),
                        original.action(), original.issueId(), details);
                sql.update("update audit_event set details = ?, prev_hash = ?, hash = ? where seq = ?", details,
                        previous, hash, seq);
                previous = hash;
            }
            sql.update("update audit_chain_head set last_hash = ? where id = 1", previous);
        });

        ChainVerification withoutCheckpoints = new JdbcChainVerifier(dataSource,
                new DataSourceTransactionManager(dataSource), new CheckpointFile(dir.resolve("none.jsonl"))).verify();
        assertThat(withoutCheckpoints.valid()).as("the rewrite is consistent in itself").isTrue();
        assertBrokenAt(LENGTH, "contradicts the checkpoint");
    }

    void assertBrokenAt(long seq, String reason) {
        ChainVerification result = verifier.verify();
        assertThat(result.valid()).as(result.toString()).isFalse();
        assertThat(result.firstBrokenSeq()).as(result.reason()).isEqualTo(seq);
        assertThat(result.reason()).contains(reason);
    }

    AuditEvent event(long seq) {
        return jdbc.queryForObject("select * from audit_event where seq = ?", AuditEventRepository.EVENT, seq);
    }

    static void insert(JdbcTemplate sql, AuditEvent event) {
        sql.update("""
                insert into audit_event (seq, occurred_at, actor, action, issue_id, details, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", event.seq(), Timestamp.from(event.occurredAt()), event.actor(),
                event.action(), event.issueId(), event.details(), event.prevHash(), event.hash());
    }

    /** Runs the statements on one connection with the protection bypassed. */
    void tamper(Consumer<JdbcTemplate> statements) {
        try (Connection connection = dataSource.getConnection()) {
            bypassProtection(connection);
            statements.accept(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
