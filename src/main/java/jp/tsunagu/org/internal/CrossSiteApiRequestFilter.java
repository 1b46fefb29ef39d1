package jp.tsunagu.org.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API has no CSRF token, as it keeps no session; but a browser that once answered its Basic challenge sends those
 * credentials with any request, also with a form that another site posts to it. So a change that a browser sends from
 * another site (its {@code Sec-Fetch-Site}, or else its {@code Origin}, says so) is refused as CSRF. Programs send
 * neither header and are not affected; reads stay open, since another site cannot read their answers.
 */
class CrossSiteApiRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** {@code none}: typed into the address bar or opened from a bookmark, not sent by a page. */
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && fromAnotherSite(request)) {
            // After the ExceptionTranslationFilter: audited with the caller and answered as a refused CSRF.
            throw new CsrfException("A browser sent this change from another site");
        }
        chain.doFilter(request, response);
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !OWN_FETCH_SITES.contains(fetchSite.strip().toLowerCase(Locale.ROOT));
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin != null && !sameAuthority(origin, request.getHeader(HttpHeaders.HOST));
    }

    /**
     * The scheme is not compared: behind a proxy that ends TLS the request arrives as http. {@code Origin: null}
     * (a sandboxed or privacy-sensitive context) is never our own page.
     */
    private static boolean sameAuthority(String origin, String host) {
        try {
            String authority = URI.create(origin.strip()).getRawAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }
}
