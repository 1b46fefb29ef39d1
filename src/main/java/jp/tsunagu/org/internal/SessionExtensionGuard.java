package jp.tsunagu.org.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request to extend the session that arrives without one (it has ended, or there never was one) is answered 401 at
 * once: there is nothing to extend, and the CSRF check that comes next would otherwise open a new session only to
 * hold a fresh token, and record the stale one as a refused request.
 */
class SessionExtensionGuard extends OncePerRequestFilter {

    static final String PATH = "/session/extend";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getSession(false) == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }
}
