package jp.tsunagu.org;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** API tokens for service accounts, each scoped to the sections it may raise issues for, and expiring. */
public interface ApiTokens {

    /**
     * Issues a token valid through {@code expiresOn} in the city's time zone (null: a year from today); the clear
     * token is in the answer and nowhere else.
     */
    IssuedToken issue(String username, Set<String> sections, String label, LocalDate expiresOn, String issuedBy);

    /** The last valid days an administrator may choose for a token issued today. */
    ExpiryChoice expiryChoice();

    List<TokenInfo> list();

    void revoke(String tokenId, String revokedBy);

    /** {@code expiresAt} is the first instant at which the token is refused. */
    record IssuedToken(String id, String token, String username, Set<String> sections, OffsetDateTime expiresAt) {
    }

    /**
     * A token as administrators see it. {@code expiresSoon}: neither revoked nor expired, but expiring within 30 days.
     * {@code lastUsedAt} is null for a token never used, and otherwise up to 15 minutes behind the last call.
     */
    record TokenInfo(String id, String username, List<String> sections, String label, OffsetDateTime createdAt,
            String createdBy, boolean revoked, OffsetDateTime expiresAt, boolean expired, boolean expiresSoon,
            OffsetDateTime lastUsedAt) {
    }

    /** From {@code earliest} (today) to {@code latest}; {@code suggested} is the default. */
    record ExpiryChoice(LocalDate earliest, LocalDate suggested, LocalDate latest) {
    }
}
