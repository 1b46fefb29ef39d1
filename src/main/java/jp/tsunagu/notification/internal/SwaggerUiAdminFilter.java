package jp.tsunagu.notification.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Swagger UI is for administrators. It runs after Spring Security (which already demands a login for every page), so
 * it sees the signed-in person; everyone else gets 403. The OpenAPI description itself is open to anyone signed in.
 */
@Component
class SwaggerUiAdminFilter extends OncePerRequestFilter {

    // A provider, because the web-layer test slices load servlet filters without the audit trail behind them.
    private final ObjectProvider<AuditTrail> auditTrail;

    SwaggerUiAdminFilter(ObjectProvider<AuditTrail> auditTrail) {
        this.auditTrail = auditTrail;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/swagger-ui");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!request.isUserInRole("ADMIN")) {
            String who = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
            auditTrail.ifAvailable(trail -> trail.recordIndependently(who, AuditAction.ACCESS_DENIED, null,
                    Map.of("method", request.getMethod(), "path", "/swagger-ui")));
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
