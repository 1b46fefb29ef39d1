package jp.tsunagu.org.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account after too many failed sign-ins in a window (default: 5 in 15 minutes). The lock lifts by itself
 * when the oldest failure leaves the window; a successful sign-in clears the count.
 */
@Component
class LoginLockout {

    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    LoginLockout(JdbcClient jdbc, AuditTrail auditTrail, Clock clock,
            @Value("${tsunagu.login.max-failures:5}") int maxFailures,
            @Value("${tsunagu.login.failure-window:PT15M}") Duration window) {
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    boolean isLocked(String username) {
        return recentFailures(username) >= maxFailures;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        if (username.length() > 64) {
            return;
        }
        jdbc.sql("insert into login_failure (username, failed_at) values (?, ?)")
                .params(username, Timestamp.from(clock.instant())).update();
        if (recentFailures(username) == maxFailures) {
            auditTrail.recordIndependently(username, AuditAction.ACCOUNT_LOCKED, null,
                    Map.of("failures", maxFailures, "window", window.toString()));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        jdbc.sql("delete from login_failure where username = ?").param(event.getAuthentication().getName()).update();
    }

    private long recentFailures(String username) {
        Instant since = clock.instant().minus(window);
        return jdbc.sql("select count(*) from login_failure where username = ? and failed_at > ?")
                .params(username, Timestamp.from(since)).query(Long.class).single();
    }
}
