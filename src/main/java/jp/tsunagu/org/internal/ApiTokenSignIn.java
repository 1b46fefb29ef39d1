package jp.tsunagu.org.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.org.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a presented API token on every call made with one. The usual call costs one statement: the token, its
 * account and when it was last used are read together, and "last used" is written only when the stored time is
 * {@code tsunagu.api-tokens.last-used-interval} old or more, so that the intake path does not write on every call.
 * Several nodes read the same stored time, so together they write about once per interval too; two calls at the same
 * moment may both write, which is harmless. No transaction of its own: it runs before the request's.
 */
@Component
class ApiTokenSignIn {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenSignIn.class);

    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final Duration lastUsedInterval;

    ApiTokenSignIn(JdbcClient jdbc, AuditTrail auditTrail, Clock clock,
            @Value("${tsunagu.api-tokens.last-used-interval:PT15M}") Duration lastUsedInterval) {
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.lastUsedInterval = lastUsedInterval;
    }

    /**
     * The service account and its sections, for a token that is known, neither revoked nor expired, of an enabled
     * account that is still a service account (a token stops working when its account is moved to another role).
     * Anything else is empty and audited as a failed login; the token itself is never written down.
     */
    Optional<TokenOwner> authenticate(String token, String remoteAddress) {
        Optional<Found> found = token == null || !token.startsWith(JdbcApiTokens.PREFIX) || token.length() > 100
                ? Optional.empty() : find(token);
        if (found.isEmpty()) {
            refused("anonymous", "BAD_TOKEN", null, remoteAddress);
            return Optional.empty();
        }
        Found usable = found.get();
        Instant now = clock.instant();
        if (TokenLifetime.expired(usable.expiresAt(), now)) {
            refused(usable.owner().username(), "EXPIRED_TOKEN", usable.id(), remoteAddress);
            return Optional.empty();
        }
        if (usable.lastUsedAt() == null || !usable.lastUsedAt().plus(lastUsedInterval).isAfter(now)) {
            recordUse(usable.id(), now);
        }
        return Optional.of(usable.owner());
    }

    private Optional<Found> find(String token) {
        return jdbc.sql("""
                select t.id, t.sections, t.expires_at, t.last_used_at,
                       p.username, p.display_name, p.role, p.section_code, p.department_code
                from api_token t join person p on p.username = t.username
                where t.token_hash = ? and t.revoked_at is null and p.enabled and p.role = 'SERVICE'""")
                .param(JdbcApiTokens.hash(token))
                .query((rs, i) -> {
                    Timestamp lastUsedAt = rs.getTimestamp("last_used_at");
                    return new Found(rs.getString("id"), new TokenOwner(JdbcOrganisation.PERSON.mapRow(rs, i),
                            Set.of(rs.getString("sections").split(","))), rs.getTimestamp("expires_at").toInstant(),
                            lastUsedAt == null ? null : lastUsedAt.toInstant());
                })
                .optional();
    }

    /** "Last used" is for the administrator's eyes only: a failure to write it must not refuse a valid call. */
    private void recordUse(String tokenId, Instant now) {
        try {
            jdbc.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                    .params(Timestamp.from(now), tokenId, Timestamp.from(now)).update();
        } catch (DataAccessException e) {
            log.warn("Could not record the use of API token {}: {}", tokenId, e.getMessage());
        }
    }

    private void refused(String actor, String reason, String tokenId, String remoteAddress) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        if (tokenId != null) {
            details.put("tokenId", tokenId);
        }
        details.put("remoteAddress", String.valueOf(remoteAddress));
        auditTrail.recordIndependently(actor, AuditAction.LOGIN_FAILED, null, details);
    }

    private record Found(String id, TokenOwner owner, Instant expiresAt, Instant lastUsedAt) {
    }

    record TokenOwner(Person person, Set<String> sections) {

        String username() {
            return person.username();
        }
    }
}
