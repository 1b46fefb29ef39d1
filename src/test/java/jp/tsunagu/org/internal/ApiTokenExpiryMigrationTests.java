package jp.tsunagu.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V17 on a database that V16 made, with a token issued before it: the token gets an expiry one year from the migration
 * and no "last used", and the sign-in's statements (expiry, the throttled "last used") run on the migrated table.
 * Runs on H2 and on PostgreSQL, each on a database of its own.
 */
abstract class ApiTokenExpiryMigrationTests {

    static final String OLD_TOKEN = "tsu_issued-before-tokens-expired";

    DataSource dataSource;
    JdbcClient jdbc;
    Instant migrationStarted;
    Instant migrationEnded;

    /** A fresh, empty database. */
    abstract DataSource freshDatabase();

    abstract List<String> locations();

    @BeforeEach
    void aTokenIssuedBeforeV17ThenMigrated() {
        dataSource = freshDatabase();
        jdbc = JdbcClient.create(dataSource);
        Flyway.configure().dataSource(dataSource).locations(locations().toArray(String[]::new)).target("16").load()
                .migrate();
        jdbc.sql("insert into person (username, display_name, role) values ('old-bot', '旧RPA', 'SERVICE')").update();
        jdbc.sql("""
                insert into api_token (id, username, token_hash, sections, label, created_at, created_by)
                values ('old-token', 'old-bot', ?, 'shimin-ka', '旧RPA', ?, 'admin')""")
                .params(JdbcApiTokens.hash(OLD_TOKEN), Timestamp.from(Instant.now().minus(800, ChronoUnit.DAYS)))
                .update();

        migrationStarted = Instant.now();
        Flyway.configure().dataSource(dataSource).locations(locations().toArray(String[]::new)).load().migrate();
        migrationEnded = Instant.now();
    }

    @Test
    void aTokenIssuedBeforeExpiriesExpiresAYearAfterTheMigrationAndWasNeverUsed() {
        Instant expiresAt = jdbc.sql("select expires_at from api_token where id = 'old-token'")
                .query(Timestamp.class).single().toInstant();
        // The database's clock, not this JVM's, stamps the migration: a minute of slack for the two to differ.
        assertThat(expiresAt).isBetween(
                migrationStarted.atOffset(ZoneOffset.UTC).plusYears(1).toInstant().minus(Duration.ofMinutes(1)),
                migrationEnded.atOffset(ZoneOffset.UTC).plusYears(1).toInstant().plus(Duration.ofMinutes(1)));
        assertThat(jdbc.sql("select count(*) from api_token where last_used_at is not null").query(Long.class).single())
                .isZero();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into api_token (id, username, token_hash, sections, label, created_at, created_by)
                values ('no-expiry', 'old-bot', 'x', 'shimin-ka', 'x', current_timestamp, 'admin')""").update())
                .as("no token without an expiry").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theMigratedTokenSignsInUntilItExpiresAndItsUseIsWrittenOncePerInterval() {
        Instant expiresAt = jdbc.sql("select expires_at from api_token where id = 'old-token'")
                .query(Timestamp.class).single().toInstant();
        Instant firstCall = expiresAt.minus(Duration.ofHours(1));

        assertThat(signIn(firstCall, mock(AuditTrail.class)).authenticate(OLD_TOKEN, "127.0.0.1")).isPresent();
        assertThat(lastUsed()).isEqualTo(firstCall);
        assertThat(signIn(firstCall.plus(Duration.ofMinutes(14)), mock(AuditTrail.class))
                .authenticate(OLD_TOKEN, "127.0.0.1")).isPresent();
        assertThat(lastUsed()).as("within the interval nothing is written").isEqualTo(firstCall);
        Instant later = firstCall.plus(Duration.ofMinutes(15));
        assertThat(signIn(later, mock(AuditTrail.class)).authenticate(OLD_TOKEN, "127.0.0.1")).isPresent();
        assertThat(lastUsed()).isEqualTo(later);

        AuditTrail lastMoment = mock(AuditTrail.class);
        assertThat(signIn(expiresAt.minusMillis(1), lastMoment).authenticate(OLD_TOKEN, "127.0.0.1")).isPresent();
        verifyNoInteractions(lastMoment);
        AuditTrail expired = mock(AuditTrail.class);
        assertThat(signIn(expiresAt, expired).authenticate(OLD_TOKEN, "127.0.0.1")).isEmpty();
        verify(expired).recordIndependently(eq("old-bot"), eq(AuditAction.LOGIN_FAILED), eq(null),
                eq(Map.of("reason", "EXPIRED_TOKEN", "tokenId", "old-token", "remoteAddress", "127.0.0.1")));
    }

    private ApiTokenSignIn signIn(Instant now, AuditTrail auditTrail) {
        return new ApiTokenSignIn(jdbc, auditTrail, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(15));
    }

    private Instant lastUsed() {
        return jdbc.sql("select last_used_at from api_token where id = 'old-token'").query(Timestamp.class).single()
                .toInstant();
    }
}
