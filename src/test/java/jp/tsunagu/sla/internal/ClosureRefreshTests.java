package jp.tsunagu.sla.internal;

import static jp.tsunagu.sla.internal.TestCalendars.tokyo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import jp.tsunagu.sla.CalendarKind;
import org.junit.jupiter.api.Test;

/** Two nodes share one database of closure days; each keeps the days in memory and refreshes them. */
class ClosureRefreshTests {

    final ClosureStore database = new InMemoryClosureStore();
    final CityBusinessCalendar nodeA = new CityBusinessCalendar(CalendarProperties.defaults(),
            TestCalendars.shippedData(), database);
    final CityBusinessCalendar nodeB = new CityBusinessCalendar(CalendarProperties.defaults(),
            TestCalendars.shippedData(), database);

    @Test
    void aClosureAddedOnOneNodeReachesTheOtherAtItsNextRefresh() {
        // Tuesday 1 December 2026, an ordinary business day.
        nodeA.addClosure(LocalDate.of(2026, 12, 1), "庁舎停電", "admin");

        assertThat(nodeA.isOpen(tokyo("2026-12-01T10:00"))).isFalse();
        assertThat(nodeB.isOpen(tokyo("2026-12-01T10:00"))).isTrue();

        nodeB.refreshClosures();

        assertThat(nodeB.isOpen(tokyo("2026-12-01T10:00"))).isFalse();
        assertThat(nodeB.due(tokyo("2026-11-30T17:00"), "PT30M", CalendarKind.BUSINESS))
                .isEqualTo(nodeA.due(tokyo("2026-11-30T17:00"), "PT30M", CalendarKind.BUSINESS))
                .isEqualTo(tokyo("2026-12-02T08:45"));
    }

    @Test
    void aClosureRemovedOnOneNodeIsRemovedOnTheOtherAtItsNextRefresh() {
        nodeA.addClosure(LocalDate.of(2026, 12, 1), "庁舎停電", "admin");
        nodeB.refreshClosures();

        nodeA.removeClosure(LocalDate.of(2026, 12, 1));
        nodeB.refreshClosures();

        assertThat(nodeB.isOpen(tokyo("2026-12-01T10:00"))).isTrue();
    }
}
