package jp.tsunagu.audit.internal;

import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Logins, failed logins and logouts. A page login is a login; the API's HTTP Basic credentials on every request are
 * not, so only their failures are recorded.
 */
@Component
class AuthenticationAuditor {

    private final AuditTrail auditTrail;

    AuthenticationAuditor(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        auditTrail.recordIndependently(event.getAuthentication().getName(), AuditAction.LOGIN, null, Map.of());
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        auditTrail.recordIndependently(String.valueOf(event.getAuthentication().getName()), AuditAction.LOGIN_FAILED,
                null, Map.of("reason", event.getException().getClass().getSimpleName()));
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        auditTrail.recordIndependently(event.getAuthentication().getName(), AuditAction.LOGOUT, null, Map.of());
    }
}
