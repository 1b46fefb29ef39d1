package jp.tsunagu.sla.internal;

import static jp.tsunagu.sla.internal.TestCalendars.tokyo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.SlaClock;
import jp.tsunagu.sla.SlaTargets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default policy table of the design, on the city's calendar; wall-clock times are Tokyo time. */
class PolicySlaClockTests {

    static final SlaProperties DEFAULT_POLICIES = new SlaProperties(Map.of(
            "CRITICAL", new SlaProperties.Policy("continuous", "PT30M", "PT8H"),
            "HIGH", new SlaProperties.Policy("business", "PT2H", "P2D"),
            "MEDIUM", new SlaProperties.Policy("business", "P1D", "P5D"),
            "LOW", new SlaProperties.Policy("business", "P2D", "P10D")));

    private final SlaClock clock = new PolicySlaClock(DEFAULT_POLICIES, TestCalendars.tokyo());

    @ParameterizedTest(name = "{0} arriving {1}: acknowledge by {2}, reminder {3}, resolve by {4}")
    @CsvSource(textBlock = """
            CRITICAL, 2026-11-27T16:30, 2026-11-27T17:00, 2026-11-27T16:45,    2026-11-28T00:30, continuous
            HIGH,     2026-11-27T16:30, 2026-11-30T09:45, 2026-11-30T08:45,    2026-12-01T16:30, business
            HIGH,     2026-12-28T16:45, 2027-01-04T10:00, 2027-01-04T09:00,    2027-01-05T16:45, business
            MEDIUM,   2026-11-24T10:00, 2026-11-25T10:00, 2026-11-24T14:22:30, 2026-12-01T10:00, business
            LOW,      2026-11-28T10:00, 2026-12-02T08:30, 2026-11-30T17:15,    2026-12-14T08:30, business
            high,     2026-05-01T16:00, 2026-05-07T09:15, 2026-05-01T17:00,    2026-05-08T16:00, business
            """)
    void targetsOfTheDefaultPolicies(String severity, String arrivedAt, String acknowledgeBy, String reminderAt,
            String resolveBy, String calendar) {
        assertThat(clock.targetsFor(severity, tokyo(arrivedAt))).isEqualTo(new SlaTargets(tokyo(acknowledgeBy),
                tokyo(reminderAt), tokyo(resolveBy), CalendarKind.from(calendar)));
    }

    /** Past the holiday data (2027) the time left is wall-clock time: a display must not fail. */
    @ParameterizedTest(name = "{2} from {0} to {1}: {3}")
    @CsvSource(textBlock = """
            2026-11-27T17:00, 2026-11-30T09:45, business,   PT1H30M
            2026-11-30T10:00, 2026-11-30T09:45, business,   -PT15M
            2026-11-28T10:00, 2026-11-27T17:00, business,   -PT15M
            2026-11-28T10:00, 2026-11-27T17:15, business,   PT0S
            2026-11-27T17:00, 2026-11-28T00:30, continuous, PT7H30M
            2026-11-28T01:00, 2026-11-28T00:30, continuous, -PT30M
            2028-01-05T10:00, 2027-12-24T10:00, business,   -PT288H
            2027-12-28T10:00, 2028-01-05T10:00, business,   PT192H
            """)
    void remainingTime(String now, String due, String calendar, Duration expected) {
        assertThat(clock.remaining(tokyo(now), tokyo(due), CalendarKind.from(calendar))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{3} target {0}, paused {1} to {2}: due {4}")
    @CsvSource(textBlock = """
            2026-11-30T09:45, 2026-11-27T16:45, 2026-11-30T08:30, business,   2026-11-30T10:15
            2026-11-30T12:00, 2026-11-30T10:30, 2026-11-30T14:00, business,   2026-11-30T15:30
            2026-11-30T17:00, 2026-11-30T10:00, 2026-11-30T11:00, business,   2026-12-01T09:15
            2026-11-30T17:15, 2026-11-30T17:30, 2026-12-01T08:00, business,   2026-11-30T17:15
            2026-12-02T08:30, 2026-11-30T10:00, 2026-12-01T10:00, business,   2026-12-03T08:30
            2026-12-02T17:15, 2026-11-30T10:00, 2026-12-01T10:00, business,   2026-12-03T17:15
            2027-01-04T10:00, 2026-12-28T17:00, 2027-01-04T08:30, business,   2027-01-04T10:15
            2026-11-27T17:00, 2026-11-27T16:45, 2026-11-28T01:00, continuous, 2026-11-28T01:15
            """)
    void aPauseMovesADueTimeByTheTimeItTookOnTheTargetsClock(String due, String pausedAt, String resumedAt,
            String calendar, String expected) {
        assertThat(clock.afterPause(tokyo(due), tokyo(pausedAt), tokyo(resumedAt), CalendarKind.from(calendar)))
                .isEqualTo(tokyo(expected));
    }

    @Test
    void refusesAnUnknownSeverity() {
        assertThatThrownBy(() -> clock.targetsFor("URGENT", tokyo("2026-11-27T10:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No SLA policy for severity \"URGENT\"");
    }
}
