package jp.tsunagu.org.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jp.tsunagu.org.internal.SessionIdleLimit.Span;
import org.junit.jupiter.api.Test;

/** When the page warns before its session ends: a fifth of the limit, between 20 seconds (WCAG 2.2.1) and 2 minutes. */
class SessionIdleLimitTest {

    @Test
    void theUsualThirtyMinutesWarnTwoMinutesAhead() {
        SessionIdleLimit limit = SessionIdleLimit.ofSeconds(30 * 60);

        assertThat(limit).isEqualTo(new SessionIdleLimit(1800, 120));
        assertThat(limit.limit()).isEqualTo(new Span("session.minutes", 30));
        assertThat(limit.warning()).isEqualTo(new Span("session.minutes", 2));
    }

    @Test
    void aShorterLimitWarnsAFifthAheadButNeverLessThanTwentySeconds() {
        assertThat(SessionIdleLimit.ofSeconds(7 * 60).warningSeconds()).isEqualTo(84);
        assertThat(SessionIdleLimit.ofSeconds(7 * 60).warning()).isEqualTo(new Span("session.seconds", 84));
        assertThat(SessionIdleLimit.ofSeconds(5 * 60).warning()).isEqualTo(new Span("session.minutes", 1));
        assertThat(SessionIdleLimit.ofSeconds(60).warningSeconds()).isEqualTo(20);
        assertThat(SessionIdleLimit.ofSeconds(24).warningSeconds()).isEqualTo(20);
    }

    @Test
    void aLimitShorterThanTwentySecondsWarnsAtOnceAndNoLimitNever() {
        assertThat(SessionIdleLimit.ofSeconds(10)).isEqualTo(new SessionIdleLimit(10, 10));
        assertThat(SessionIdleLimit.ofSeconds(0)).isNull();
        assertThat(SessionIdleLimit.ofSeconds(-1)).isNull();
    }

    @Test
    void aLongLimitStillWarnsTwoMinutesAhead() {
        assertThat(SessionIdleLimit.ofSeconds(8 * 60 * 60).warningSeconds()).isEqualTo(120);
    }
}
