package jp.tsunagu.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.org.ApiTokens.ExpiryChoice;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest {

    /** 00:30 in Tokyo is still the previous day in UTC: the city's day counts. */
    static final Instant NOW = OffsetDateTime.parse("2026-06-10T00:30:00+09:00").toInstant();

    @Test
    void aYearIsSuggestedAndThreeAreTheMostFromTodayInTokyo() {
        assertThat(TokenLifetime.choice(NOW)).isEqualTo(new ExpiryChoice(LocalDate.parse("2026-06-10"),
                LocalDate.parse("2027-06-10"), LocalDate.parse("2029-06-10")));
        assertThat(TokenLifetime.expiresAt(null, NOW)).isEqualTo(tokyo("2027-06-11T00:00"));
    }

    @Test
    void aTokenWorksThroughItsLastDayAndIsRefusedFromMidnightAfterIt() {
        Instant expiresAt = TokenLifetime.expiresAt(LocalDate.parse("2026-06-10"), NOW);

        assertThat(expiresAt).isEqualTo(tokyo("2026-06-11T00:00"));
        assertThat(TokenLifetime.expired(expiresAt, expiresAt.minusMillis(1))).isFalse();
        assertThat(TokenLifetime.expired(expiresAt, expiresAt)).isTrue();
    }

    @Test
    void aDayBeforeTodayOrBeyondThreeYearsIsRefusedNamingTheRange() {
        assertThat(TokenLifetime.expiresAt(LocalDate.parse("2029-06-10"), NOW)).isEqualTo(tokyo("2029-06-11T00:00"));
        for (String day : new String[] {"2026-06-09", "2029-06-11"}) {
            assertThatThrownBy(() -> TokenLifetime.expiresAt(LocalDate.parse(day), NOW))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("expiresOn: must be a date from 2026-06-10 to 2029-06-10 (at most 3 years ahead)");
        }
    }

    @Test
    void theWarningStartsThirtyDaysBeforeAndEndsWhenTheTokenHasExpired() {
        Instant expiresAt = tokyo("2026-07-10T00:00");

        assertThat(TokenLifetime.expiresSoon(expiresAt, tokyo("2026-06-09T23:59"))).isFalse();
        assertThat(TokenLifetime.expiresSoon(expiresAt, tokyo("2026-06-10T00:00"))).isTrue();
        assertThat(TokenLifetime.expiresSoon(expiresAt, tokyo("2026-07-09T23:59"))).isTrue();
        assertThat(TokenLifetime.expiresSoon(expiresAt, expiresAt)).isFalse();
    }

    private static Instant tokyo(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + ":00+09:00").toInstant();
    }
}
