package jp.tsunagu.org.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
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

    /** Whether this many failures within the window lock the account. */
    boolean isLocked(long recentFailures) {
        return recentFailures >= maxFailures;
    }

    /** Failures after this moment count towards a lock. */
    Timestamp windowStart() {
        return Timestamp.from(clock.instant().minus(window));
    }

    /** Counted under the name's one form: each spelling of a name must not get failures of its own. */
    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = SignInNames.canonical(event.getAuthentication().getName());
        if (username.length() > 64) {
            return;
        }
        jdbc.sql("insert into login_failure (username, failed_at) values (?, ?)")
                .params(username, Timestamp.from(clock.instant())).update();
        if (recentFailures(username) == maxFailures) {
            // Also for a username nobody has: the lock is by name, so a guess and an account look the same outside.
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("failures", maxFailures);
            details.put("window", window.toString());
            if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web) {
                details.put("remoteAddress", web.getRemoteAddress());
            }
            auditTrail.recordIndependently(username, AuditAction.ACCOUNT_LOCKED, null, details);
        }
    }

    /**
     * Clears the count. A person signed in from the person table says whether it had failures when it was loaded, so
     * that the usual case (none) costs no statement; a failure recorded after that belongs to a later attempt.
     */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PersonUserDetails person && !person.hadFailures()) {
            return;
        }
        jdbc.sql("delete from login_failure where username = ?").param(event.getAuthentication().getName()).update();
    }

    private long recentFailures(String username) {
        return jdbc.sql("select count(*) from login_failure where username = ? and failed_at > ?")
                .params(username, windowStart()).query(Long.class).single();
    }
}
