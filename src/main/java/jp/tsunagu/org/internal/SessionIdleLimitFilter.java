package jp.tsunagu.org.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells a signed-in page how long its session may stay idle ({@link SessionIdleLimit}), from the session itself, so
 * that the warning counts down what the container enforces and no second figure exists. A request attribute rather
 * than a model attribute, so that the error pages (rendered without the pages' advice) have it too. Runs after
 * {@link SessionRevalidationFilter}: a person signed out there gets none.
 */
class SessionIdleLimitFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && auth != null && auth.isAuthenticated()
                && !(auth instanceof AnonymousAuthenticationToken)) {
            request.setAttribute(SessionIdleLimit.ATTRIBUTE,
                    SessionIdleLimit.ofSeconds(session.getMaxInactiveInterval()));
        }
        chain.doFilter(request, response);
    }
}
