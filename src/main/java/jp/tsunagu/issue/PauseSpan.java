package jp.tsunagu.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jp.tsunagu.sla.CalendarKind;

/**
 * A pause (保留) that has just ended: when it began and ended, and the clock of the level's targets, which decides how
 * far the due times move ({@link jp.tsunagu.sla.SlaClock#afterPause}).
 */
public record PauseSpan(Instant pausedAt, Instant resumedAt, CalendarKind calendar) {

    public PauseSpan {
        Objects.requireNonNull(pausedAt, "pausedAt");
        Objects.requireNonNull(resumedAt, "resumedAt");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** How long the pause lasted on the wall clock. */
    public Duration length() {
        return Duration.between(pausedAt, resumedAt);
    }
}
