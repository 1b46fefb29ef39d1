package jp.tsunagu.org.internal;

import java.time.Duration;

import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * HTTP Basic (or an API token) for the JSON API, form login for the pages. Every request needs a signed-in person
 * except the login page, static files and health; audit, admin and Camunda's own web surfaces (not part of this
 * application, but ADMIN only should they be added) need their role.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Bcrypt; a password it has just accepted is remembered briefly, see {@link RecentlyVerifiedPasswords}. */
    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${tsunagu.login.verified-password-memory:PT5M}") Duration verifiedPasswordMemory) {
        return new RecentlyVerifiedPasswords(new BCryptPasswordEncoder(), verifiedPasswordMemory, 10_000);
    }

    /**
     * No Micrometer observation around every security filter, authentication and authorisation: nothing here reads
     * them, and they cost a few per cent of every API call (docs/benchmarks.md). Requests are still timed as
     * {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<AccessDeniedHandler> accessDenied,
            ApiTokenSignIn apiTokens) throws Exception {
        return http
                .addFilterBefore(new ApiTokenAuthenticationFilter(apiTokens), BasicAuthenticationFilter.class)
                // No CSRF token without a session; a browser's change from another site is refused by its headers.
                .addFilterAfter(new CrossSiteApiRequestFilter(), ExceptionTranslationFilter.class)
                // The OpenAPI description belongs to the API: bots read it with the same credentials.
                .securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/audit/**").hasRole(Role.AUDITOR.name())
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(new ApiAuthenticationEntryPoint()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new ApiAuthenticationEntryPoint())
                        // The audit module's handler records every refusal (AccessDeniedHandlerImpl if absent).
                        .accessDeniedHandler(accessDenied.getIfAvailable(AccessDeniedHandlerImpl::new)))
                // The API is called with credentials on every request, never with a browser session cookie; the
                // CrossSiteApiRequestFilter above stands in for the token.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(
                        SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * The pages: our own login page, CSRF on every form (the default), a session that changes id at login (the
     * default), and headers that keep the pages out of frames and caches and allow only the app's own scripts.
     */
    @Bean
    SecurityFilterChain pageSecurity(HttpSecurity http, ObjectProvider<AccessDeniedHandler> accessDenied,
            CurrentUser currentUser, AuditTrail auditTrail) throws Exception {
        return http
                // An administrator's change to a person counts in the sessions already open (docs/security.md).
                .addFilterAfter(new SessionRevalidationFilter(currentUser, auditTrail),
                        AnonymousAuthenticationFilter.class)
                // The idle timeout for the page's warning (WCAG 2.2.1), and its 続ける only with a session to extend.
                .addFilterAfter(new SessionIdleLimitFilter(), SessionRevalidationFilter.class)
                .addFilterBefore(new SessionExtensionGuard(), CsrfFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/login", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico", "/error").permitAll()
                        .requestMatchers(new AntPathRequestMatcher("/engine-rest/**"),
                                new AntPathRequestMatcher("/camunda/**")).hasRole(Role.ADMIN.name())
                        .requestMatchers("/audit", "/audit/**").hasRole(Role.AUDITOR.name())
                        .requestMatchers("/admin", "/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(new StartPageAfterSignIn())
                        .failureHandler(new TypedNameKeptOnFailure()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // Refusals are audited here too (the audit module's handler shows the error page for pages).
                .exceptionHandling(ex -> ex.accessDeniedHandler(
                        accessDenied.getIfAvailable(AccessDeniedHandlerImpl::new)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** No inline or remote scripts; bpmn-js and Chart.js set element styles, so styles may be inline. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
