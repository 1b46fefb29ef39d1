package jp.tsunagu.org.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.org.ApiTokens.ExpiryChoice;

/**
 * How long an API token lives: a year unless the administrator chooses another day, three years at most, never
 * forever, so that a forgotten RPA token stops by itself. A token is valid through its last day in the city's time
 * zone and refused from midnight after it.
 */
final class TokenLifetime {

    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");
    static final Period SUGGESTED = Period.ofYears(1);
    static final Period LONGEST = Period.ofYears(3);
    /** The page warns about tokens that expire sooner than this. */
    static final Duration WARNING = Duration.ofDays(30);

    private TokenLifetime() {
    }

    static ExpiryChoice choice(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, CITY_ZONE);
        return new ExpiryChoice(today, today.plus(SUGGESTED), today.plus(LONGEST));
    }

    /** The first instant at which a token whose last valid day is {@code expiresOn} (null: the default) is refused. */
    static Instant expiresAt(LocalDate expiresOn, Instant now) {
        ExpiryChoice choice = choice(now);
        LocalDate lastDay = expiresOn == null ? choice.suggested() : expiresOn;
        if (lastDay.isBefore(choice.earliest()) || lastDay.isAfter(choice.latest())) {
            throw new InvalidInputException("expiresOn",
                    "must be a date from " + choice.earliest() + " to " + choice.latest() + " (at most 3 years ahead)");
        }
        return lastDay.plusDays(1).atStartOfDay(CITY_ZONE).toInstant();
    }

    static boolean expired(Instant expiresAt, Instant now) {
        return !now.isBefore(expiresAt);
    }

    static boolean expiresSoon(Instant expiresAt, Instant now) {
        return !expired(expiresAt, now) && !now.plus(WARNING).isBefore(expiresAt);
    }
}
