package jp.tsunagu.org.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.ConflictException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.org.ApiTokens.TokenInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new last valid day for a token, so that the tool using it need not be given a new one. An expired token may be
 * revived: that is an explicit act of an administrator, audited like any other change. A revoked token stays revoked.
 */
@Component
@Transactional
class ApiTokenExpiryChange {

    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final Clock clock;

    ApiTokenExpiryChange(JdbcClient jdbc, AuditTrail auditTrail, Clock clock) {
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The row is locked first, so that a revocation at the same moment comes before this change or after it. */
    TokenInfo change(String tokenId, LocalDate expiresOn, String changedBy) {
        Instant now = clock.instant();
        TokenInfo before = jdbc.sql("select * from api_token where id = ? for update").param(tokenId)
                .query(ApiTokenRows.asOf(now)).optional()
                .orElseThrow(() -> new NotFoundException("No such token"));
        if (before.revoked()) {
            throw new ConflictException(JdbcApiTokens.REVOKED, "The token is revoked; issue a new one");
        }
        if (expiresOn == null) {
            throw new InvalidInputException("expiresOn", "is required: the token's last valid day, such as 2026-11-24");
        }
        Instant expiresAt = TokenLifetime.expiresAt(expiresOn, now);
        if (expiresAt.equals(before.expiresAt().toInstant())) {
            return before;
        }
        jdbc.sql("update api_token set expires_at = ? where id = ?").params(Timestamp.from(expiresAt), tokenId)
                .update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("what", "api token expiry changed");
        details.put("tokenId", tokenId);
        details.put("label", before.label());
        details.put("username", before.username());
        details.put("before.expiresOn", before.lastValidDay().toString());
        details.put("expiresOn", expiresOn.toString());
        details.put("before.expiresAt", before.expiresAt().toInstant().toString());
        details.put("expiresAt", expiresAt.toString());
        details.put("before.expired", before.expired());
        auditTrail.record(changedBy, AuditAction.ADMINISTRATION_CHANGED, null, details);
        return jdbc.sql("select * from api_token where id = ?").param(tokenId).query(ApiTokenRows.asOf(now)).single();
    }
}
