package jp.tsunagu.sla.internal;

import static jp.tsunagu.sla.internal.TestCalendars.tokyo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jp.tsunagu.sla.CalendarKind;
import org.junit.jupiter.api.Test;

/**
 * Two nodes share one database of closure days and holiday data; each keeps them in memory and refreshes them
 * ({@link CityBusinessCalendar#refresh()}, every minute in the application).
 */
class ClosureRefreshTests {

    /** The database the two nodes share: the holiday file as stored, the shipped one until a replacement. */
    static final class SharedHolidayData implements HolidayDataStore {

        byte[] stored = TestCalendars.shippedData().load();

        @Override
        public byte[] load() {
            return stored.clone();
        }

        @Override
        public void save(byte[] shiftJisCsv) {
            stored = shiftJisCsv.clone();
        }
    }

    final ClosureStore closures = new InMemoryClosureStore();
    final SharedHolidayData holidays = new SharedHolidayData();
    final CityBusinessCalendar nodeA = new CityBusinessCalendar(CalendarProperties.defaults(), holidays, closures);
    final CityBusinessCalendar nodeB = new CityBusinessCalendar(CalendarProperties.defaults(), holidays, closures);

    @Test
    void aClosureAddedOnOneNodeReachesTheOtherAtItsNextRefresh() {
        // Tuesday 1 December 2026, an ordinary business day.
        nodeA.addClosure(LocalDate.of(2026, 12, 1), "庁舎停電", "admin");

        assertThat(nodeA.isOpen(tokyo("2026-12-01T10:00"))).isFalse();
        assertThat(nodeB.isOpen(tokyo("2026-12-01T10:00"))).isTrue();

        nodeB.refresh();

        assertThat(nodeB.isOpen(tokyo("2026-12-01T10:00"))).isFalse();
        assertThat(nodeB.due(tokyo("2026-11-30T17:00"), "PT30M", CalendarKind.BUSINESS))
                .isEqualTo(nodeA.due(tokyo("2026-11-30T17:00"), "PT30M", CalendarKind.BUSINESS))
                .isEqualTo(tokyo("2026-12-02T08:45"));
    }

    @Test
    void aClosureRemovedOnOneNodeIsRemovedOnTheOtherAtItsNextRefresh() {
        nodeA.addClosure(LocalDate.of(2026, 12, 1), "庁舎停電", "admin");
        nodeB.refresh();

        nodeA.removeClosure(LocalDate.of(2026, 12, 1));
        nodeB.refresh();

        assertThat(nodeB.isOpen(tokyo("2026-12-01T10:00"))).isTrue();
    }

    @Test
    void holidayDataLoadedOnOneNodeReachesTheOtherAtItsNextRefresh() {
        nodeA.replaceHolidayData(HolidayDataReplacementTests.withYear2028());
        assertThat(nodeB.holidayDataCoversUntil()).isEqualTo(LocalDate.of(2027, 12, 31));

        nodeB.refresh();

        assertThat(nodeB.holidayDataCoversUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
        assertThat(nodeB.due(tokyo("2028-01-07T17:00"), "PT30M", CalendarKind.BUSINESS))
                .isEqualTo(tokyo("2028-01-11T08:45"));
    }

    @Test
    void storedHolidayDataThatDoesNotParseIsNotTakenUpUntilGoodDataFollows() {
        holidays.save("not a holiday file".getBytes(StandardCharsets.UTF_8));

        nodeB.refresh();
        nodeB.refresh();

        assertThat(nodeB.holidayDataCoversUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(nodeB.isOpen(tokyo("2026-12-01T10:00"))).isTrue();

        holidays.save(HolidayDataReplacementTests.withYear2028());
        nodeB.refresh();
        assertThat(nodeB.holidayDataCoversUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
    }
}
