package jp.tsunagu.org.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a service account by {@code Authorization: Bearer tsu_…}. The token's sections travel with the
 * authentication, so that a bot raises issues only where its token allows. An unknown, revoked or expired token is a
 * 401, audited as a failed login.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenSignIn tokens;

    ApiTokenAuthenticationFilter(ApiTokenSignIn tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokenSignIn.TokenOwner> owner = tokens.authenticate(header.substring(BEARER.length()).trim(),
                request.getRemoteAddr());
        if (owner.isEmpty()) {
            new ApiAuthenticationEntryPoint().commence(request, response, null);
            return;
        }
        CurrentUser.readDuringAuthentication(owner.get().person());
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                owner.get().username(), null, List.of(new SimpleGrantedAuthority(Role.SERVICE.authority())));
        authentication.setDetails(new ServiceTokenScope(owner.get().sections()));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
