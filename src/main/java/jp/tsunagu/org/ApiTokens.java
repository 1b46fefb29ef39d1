package jp.tsunagu.org;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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

    /** Refuses a token revoked already (409 {@code revoked}) and an unknown one (404). */
    void revoke(String tokenId, String revokedBy);

    /**
     * Gives a token that is not revoked a new last valid day, by the rules of {@link #issue}: today to three years
     * ahead ({@code expiresOn} required). The token itself stays the same; an expired token works again. A revoked
     * token is refused (409 {@code revoked}), an unknown one is not found (404), and a refusal changes nothing. The
     * day the token already has changes nothing and is not audited.
     */
    TokenInfo changeExpiry(String tokenId, LocalDate expiresOn, String changedBy);

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

        /**
         * The last day the token works, in the city's time zone: the day before {@code expiresAt} for a token given
         * a last day, the day of {@code expiresAt} for one from before expiry days (V17), which ends during that day.
         */
        public LocalDate lastValidDay() {
            var local = expiresAt.atZoneSameInstant(ZoneId.of("Asia/Tokyo"));
            return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().minusDays(1)
                    : local.toLocalDate();
        }
    }

    /** From {@code earliest} (today) to {@code latest}; {@code suggested} is the default. */
    record ExpiryChoice(LocalDate earliest, LocalDate suggested, LocalDate latest) {
    }
}
