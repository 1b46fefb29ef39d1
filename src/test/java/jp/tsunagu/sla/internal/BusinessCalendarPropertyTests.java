package jp.tsunagu.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.SlaDuration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of the business clock over random instants of the covered years and random targets. */
class BusinessCalendarPropertyTests {

    private static final BusinessCalendar calendar = TestCalendars.tokyo();

    private static final Instant FIRST = TestCalendars.tokyo("2022-01-01T00:00");

    // Three months before the data ends, so that the longest targets below stay inside it.
    private static final Instant LAST = TestCalendars.tokyo("2027-09-30T23:59");

    private static final int MAX_MINUTES = 60 * 24 * 10;

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FIRST.getEpochSecond(), LAST.getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Property
    void aTimeTargetIsDueWhileOpenOrExactlyAtClosing(@ForAll("instants") Instant from,
            @ForAll @IntRange(min = 1, max = MAX_MINUTES) int minutes) {
        Instant due = calendar.due(from, SlaDuration.ofTime(Duration.ofMinutes(minutes)), CalendarKind.BUSINESS);
        assertThat(calendar.isOpen(due) || isClosingTimeOfAnOpenDay(due))
                .as("due %s is inside a closed period", due).isTrue();
    }

    @Property
    void aDayTargetIsDueWhileOpen(@ForAll("instants") Instant from,
            @ForAll @IntRange(min = 1, max = 30) int days) {
        Instant due = calendar.due(from, SlaDuration.ofDays(days), CalendarKind.BUSINESS);
        assertThat(calendar.isOpen(due)).as("due %s is closed", due).isTrue();
    }

    @Property
    void aLongerTargetIsNeverDueEarlier(@ForAll("instants") Instant from,
            @ForAll @IntRange(min = 1, max = MAX_MINUTES) int minutes,
            @ForAll @IntRange(min = 0, max = MAX_MINUTES) int more) {
        Instant shorter = calendar.due(from, "PT" + minutes + "M", CalendarKind.BUSINESS);
        Instant longer = calendar.due(from, "PT" + (minutes + more) + "M", CalendarKind.BUSINESS);
        assertThat(longer).isAfterOrEqualTo(shorter);
    }

    @Property
    void aTimeTargetUsesExactlyItsOpeningTime(@ForAll("instants") Instant from,
            @ForAll @IntRange(min = 1, max = MAX_MINUTES) int minutes) {
        Instant due = calendar.due(from, "PT" + minutes + "M", CalendarKind.BUSINESS);
        assertThat(calendar.openTimeBetween(from, due)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Property
    void aDayTargetIsAtLeastAsLateAsTheSameDaysOnTheContinuousClock(@ForAll("instants") Instant from,
            @ForAll @IntRange(min = 1, max = 30) int days) {
        SlaDuration target = SlaDuration.ofDays(days);
        assertThat(calendar.due(from, target, CalendarKind.BUSINESS))
                .isAfterOrEqualTo(calendar.due(from, target, CalendarKind.CONTINUOUS));
    }

    private static boolean isClosingTimeOfAnOpenDay(Instant at) {
        Instant aMinuteBefore = at.minus(Duration.ofMinutes(1));
        return at.atZone(TestCalendars.TOKYO).toLocalTime().equals(LocalTime.of(17, 15))
                && calendar.isOpen(aMinuteBefore);
    }
}
