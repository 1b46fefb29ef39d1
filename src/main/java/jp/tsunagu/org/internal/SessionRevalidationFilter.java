package jp.tsunagu.org.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Person;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a page session against the person table on every page request, so that an administrator's change counts at
 * once: a person who has been disabled (or removed) is signed out and sent to the login page, audited as
 * {@code LOGOUT} with the reason; a person whose role has changed carries on with the new role's authorities. The
 * check is the same indexed read of the person that {@link CurrentUser} keeps for the rest of the request.
 */
class SessionRevalidationFilter extends OncePerRequestFilter {

    static final String SIGNED_OUT_URL = "/login?ended";

    private static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/webjars/", "/favicon.ico");

    private final CurrentUser currentUser;
    private final AuditTrail auditTrail;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionRevalidationFilter(CurrentUser currentUser, AuditTrail auditTrail) {
        this.currentUser = currentUser;
        this.auditTrail = auditTrail;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return STATIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Person> person = currentUser.find();
        if (person.isEmpty()) {
            auditTrail.recordIndependently(auth.getName(), AuditAction.LOGOUT, null,
                    Map.of("reason", "account disabled", "by", AuditTrail.SYSTEM_ACTOR));
            new SecurityContextLogoutHandler().logout(request, response, auth);
            response.sendRedirect(request.getContextPath() + SIGNED_OUT_URL);
            return;
        }
        String authority = person.get().role().authority();
        if (!hasOnly(auth, authority)) {
            refresh(auth, authority, request, response);
        }
        chain.doFilter(request, response);
    }

    private static boolean hasOnly(Authentication auth, String authority) {
        return auth.getAuthorities().size() == 1
                && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).allMatch(authority::equals);
    }

    /** The new role for this request and, through the session, for the next ones. */
    private void refresh(Authentication auth, String authority, HttpServletRequest request,
            HttpServletResponse response) {
        UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken.authenticated(
                auth.getPrincipal(), null, List.of(new SimpleGrantedAuthority(authority)));
        refreshed.setDetails(auth.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(refreshed);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
