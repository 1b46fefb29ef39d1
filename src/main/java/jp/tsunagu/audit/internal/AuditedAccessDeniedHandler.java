package jp.tsunagu.audit.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * A request the security rules refuse (for example a non-auditor on {@code /api/audit/**}, or a member of staff on
 * {@code /admin}) is audited as {@link AuditAction#ACCESS_DENIED} in a transaction of its own. The JSON API answers
 * with problem+json like every other error; a page gets the application's error page with status 403. A page form
 * with a missing or stale CSRF token is audited with {@code reason csrf} and tells the reader to reload the page;
 * an API change that a browser sent from another site is audited with the same reason.
 */
@Component
class AuditedAccessDeniedHandler implements AccessDeniedHandler {

    private static final int MAX_PATH = 500;
    static final String PROBLEM_KEY = "problemKey";
    static final String CSRF_MESSAGE_KEY = "error.pageExpired";

    private final AuditTrail auditTrail;
    private final ObjectMapper json;
    private final AccessDeniedHandler pages = new AccessDeniedHandlerImpl();

    AuditedAccessDeniedHandler(AuditTrail auditTrail, ObjectMapper json) {
        this.auditTrail = auditTrail;
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        // The path is the caller's input; keep the audit row bounded.
        String auditedPath = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path;
        // A form whose token has gone stale (an expired session, a page left open) is no forbidden attempt.
        boolean csrf = denied instanceof CsrfException;
        auditTrail.recordIndependently(ChainedAuditTrail.currentActor(), AuditAction.ACCESS_DENIED, null, csrf
                ? Map.of("method", request.getMethod(), "path", auditedPath, "reason", "csrf")
                : Map.of("method", request.getMethod(), "path", auditedPath));
        if (!path.startsWith(request.getContextPath() + "/api/")) {
            if (csrf) {
                // The error page reads the message key from the request (the error dispatch keeps its attributes).
                request.setAttribute(PROBLEM_KEY, CSRF_MESSAGE_KEY);
            }
            pages.handle(request, response, denied);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, csrf
                ? "A browser sent this change from another site; the API takes changes from programs and this site only."
                : "Your role may not use this resource.");
        problem.setTitle("Forbidden");
        problem.setType(URI.create("about:blank"));
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
