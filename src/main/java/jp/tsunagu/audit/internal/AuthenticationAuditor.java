package jp.tsunagu.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Logins, failed logins and logouts, each with the address it came from. A page login is a login; the API's HTTP
 * Basic credentials on every request are not, so only their failures are recorded. A failure's reason is a code an
 * auditor can read (BAD_CREDENTIALS, LOCKED, DISABLED, …), never a Java class name.
 */
@Component
class AuthenticationAuditor {

    private final AuditTrail auditTrail;

    AuthenticationAuditor(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        auditTrail.recordIndependently(event.getAuthentication().getName(), AuditAction.LOGIN, null,
                from(event.getAuthentication()));
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason(event.getException()));
        details.putAll(from(event.getAuthentication()));
        auditTrail.recordIndependently(String.valueOf(event.getAuthentication().getName()), AuditAction.LOGIN_FAILED,
                null, details);
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        auditTrail.recordIndependently(event.getAuthentication().getName(), AuditAction.LOGOUT, null,
                from(event.getAuthentication()));
    }

    /**
     * The sign-in's remote address: from the authentication's details where the filter put them, else from the
     * request being served. Behind a proxy, {@code server.forward-headers-strategy} decides whether it is the proxy's
     * address or the client's.
     */
    static Map<String, Object> from(Authentication authentication) {
        String address = authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        if (address == null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            address = request.getRequest().getRemoteAddr();
        }
        return address == null ? Map.of() : Map.of("remoteAddress", address);
    }

    static String reason(AuthenticationException failure) {
        if (failure instanceof BadCredentialsException) {
            return "BAD_CREDENTIALS"; // also an unknown username: the two are not told apart
        } else if (failure instanceof LockedException) {
            return "LOCKED";
        } else if (failure instanceof DisabledException) {
            return "DISABLED";
        } else if (failure instanceof AccountExpiredException) {
            return "ACCOUNT_EXPIRED";
        } else if (failure instanceof CredentialsExpiredException) {
            return "CREDENTIALS_EXPIRED";
        }
        return "OTHER";
    }
}
