package jp.tsunagu.sla.internal;

import static jp.tsunagu.sla.internal.TestCalendars.tokyo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.HolidayDataNotCoveredException;
import jp.tsunagu.sla.InvalidHolidayDataException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An administrator loads next year's file: it is checked, kept for the next start, and used at once. */
class HolidayDataReplacementTests {

    // Next year's file as the Cabinet Office would publish it: the shipped years plus 2028.
    static final String YEAR_2028 = "|2028/1/1,元日|2028/1/10,成人の日|2028/11/23,勤労感謝の日|";

    @TempDir
    Path directory;

    private Path overrideFile;

    private CityBusinessCalendar calendar;

    @BeforeEach
    void startWithTheShippedFile() {
        overrideFile = directory.resolve("holidays/syukujitsu.csv");
        calendar = new CityBusinessCalendar(settingsWithOverride(), new FileHolidayDataStore(settingsWithOverride()));
    }

    @Test
    void usesANewerFileAtOnceAndAfterTheNextStart() throws IOException {
        byte[] newer = withYear2028();

        calendar.replaceHolidayData(newer);

        assertThat(calendar.holidayDataCoversUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
        assertThat(calendar.due(tokyo("2028-01-07T17:00"), "PT30M", CalendarKind.BUSINESS))
                .isEqualTo(tokyo("2028-01-11T08:45"));
        assertThat(Files.readAllBytes(overrideFile)).isEqualTo(newer);
        CityBusinessCalendar restarted = new CityBusinessCalendar(settingsWithOverride(),
                new FileHolidayDataStore(settingsWithOverride()));
        assertThat(restarted.holidayDataCoversUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
    }

    @Test
    void keepsTheOldDataWhenTheFileIsMalformed() {
        byte[] broken = (new String(withYear2028(), HolidayCsvParser.SHIFT_JIS) + "2029/13/1,x\r\n")
                .getBytes(HolidayCsvParser.SHIFT_JIS);

        // 109 shipped lines and 3 rows of 2028 come before the broken row.
        assertThatThrownBy(() -> calendar.replaceHolidayData(broken))
                .isInstanceOf(InvalidHolidayDataException.class)
                .hasMessage("line 113: \"2029/13/1,x\" does not name a real date")
                .extracting(e -> ((InvalidHolidayDataException) e).lineNumber()).isEqualTo(113);

        assertThat(calendar.holidayDataCoversUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(overrideFile).doesNotExist();
        assertThatThrownBy(() -> calendar.isOpen(tokyo("2028-01-11T10:00")))
                .isInstanceOf(HolidayDataNotCoveredException.class);
    }

    @Test
    void refusesAFileThatEndsEarlierThanTheCurrentData() {
        byte[] older = HolidayCsvParserTests.shiftJis(HolidayCsvParser.HEADER + "|2022/1/1,元日|2022/11/23,勤労感謝の日",
                "\r\n");

        assertThatThrownBy(() -> calendar.replaceHolidayData(older))
                .isInstanceOf(InvalidHolidayDataException.class)
                .hasMessageContaining("before the current data (2027-12-31)");
        assertThat(calendar.holidayDataCoversUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
    }

    /** A file with only next year (2027 and later, in 2026) would leave every due time this year uncalculable. */
    @Test
    void refusesAFileThatDoesNotCoverThisYear() {
        Clock in2026 = Clock.fixed(tokyo("2026-11-24T13:00"), ZoneOffset.UTC);
        CityBusinessCalendar today = new CityBusinessCalendar(settingsWithOverride(),
                new FileHolidayDataStore(settingsWithOverride()), new InMemoryClosureStore(), in2026);
        byte[] fromNextYear = HolidayCsvParserTests.shiftJis(HolidayCsvParser.HEADER
                + "|2027/1/1,元日|2027/11/23,勤労感謝の日" + YEAR_2028.substring(0, YEAR_2028.length() - 1), "\r\n");

        assertThatThrownBy(() -> today.replaceHolidayData(fromNextYear))
                .isInstanceOf(InvalidHolidayDataException.class)
                .hasMessage("the file starts on 2027-01-01, after the start of this year (2026-01-01);"
                        + " load a file that covers this year");
        assertThat(today.holidayDataCoversUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(overrideFile).doesNotExist();
        assertThat(today.due(tokyo("2026-11-24T17:00"), "PT30M", CalendarKind.BUSINESS))
                .isEqualTo(tokyo("2026-11-25T08:45"));

        // A year on, the same file covers its year and is taken.
        CityBusinessCalendar nextYear = new CityBusinessCalendar(settingsWithOverride(),
                new FileHolidayDataStore(settingsWithOverride()), new InMemoryClosureStore(),
                Clock.fixed(tokyo("2027-01-04T09:00"), ZoneOffset.UTC));
        nextYear.replaceHolidayData(fromNextYear);
        assertThat(nextYear.holidayDataCoversUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
    }

    private CalendarProperties settingsWithOverride() {
        return new CalendarProperties("Asia/Tokyo", "08:30", "17:15",
                List.of("12-29", "12-30", "12-31", "01-01", "01-02", "01-03"), List.of(), overrideFile.toString());
    }

    static byte[] withYear2028() {
        return TestCalendars.shippedFileWith2028();
    }
}
