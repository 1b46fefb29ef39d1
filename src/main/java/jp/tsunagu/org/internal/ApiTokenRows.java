package jp.tsunagu.org.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jp.tsunagu.org.ApiTokens.TokenInfo;
import org.springframework.jdbc.core.RowMapper;

/** An {@code api_token} row as administrators see it: never the token's hash, its state as of a given moment. */
final class ApiTokenRows {

    private ApiTokenRows() {
    }

    static RowMapper<TokenInfo> asOf(Instant now) {
        return (rs, i) -> {
            boolean revoked = rs.getTimestamp("revoked_at") != null;
            Instant expiresAt = rs.getTimestamp("expires_at").toInstant();
            Timestamp lastUsedAt = rs.getTimestamp("last_used_at");
            return new TokenInfo(rs.getString("id"), rs.getString("username"),
                    List.of(rs.getString("sections").split(",")), rs.getString("label"),
                    inCity(rs.getTimestamp("created_at").toInstant()), rs.getString("created_by"), revoked,
                    inCity(expiresAt), TokenLifetime.expired(expiresAt, now),
                    !revoked && TokenLifetime.expiresSoon(expiresAt, now),
                    lastUsedAt == null ? null : inCity(lastUsedAt.toInstant()));
        };
    }

    static OffsetDateTime inCity(Instant instant) {
        return instant.atZone(TokenLifetime.CITY_ZONE).toOffsetDateTime();
    }
}
