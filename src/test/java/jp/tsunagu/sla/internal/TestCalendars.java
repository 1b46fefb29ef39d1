package jp.tsunagu.sla.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** The city's calendar as configured by default, on the shipped holiday file, for tests outside Spring. */
public final class TestCalendars {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private TestCalendars() {
    }

    public static CityBusinessCalendar tokyo() {
        return new CityBusinessCalendar(CalendarProperties.defaults(), shippedData());
    }

    public static CityBusinessCalendar withExtraClosures(String... days) {
        CalendarProperties settings = new CalendarProperties("Asia/Tokyo", "08:30", "17:15",
                List.of("12-29", "12-30", "12-31", "01-01", "01-02", "01-03"), List.of(days), null);
        return new CityBusinessCalendar(settings, shippedData());
    }

    /** The shipped file, with no override file and no writes. */
    public static FileHolidayDataStore shippedData() {
        return new FileHolidayDataStore(CalendarProperties.defaults());
    }

    /** The shipped file with a short year 2028 added, as an administrator would load it (Shift_JIS, CRLF). */
    public static byte[] shippedFileWith2028() {
        String shipped = new String(shippedData().load(), HolidayCsvParser.SHIFT_JIS);
        return (shipped + HolidayDataReplacementTests.YEAR_2028.substring(1).replace("|", "\r\n"))
                .getBytes(HolidayCsvParser.SHIFT_JIS);
    }

    /** A wall-clock time in Tokyo, such as {@code 2026-11-27T16:30}. */
    public static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }
}
