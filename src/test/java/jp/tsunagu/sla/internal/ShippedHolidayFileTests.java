package jp.tsunagu.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** The shipped syukujitsu.csv agrees exactly with the Public Holiday Act and with the Cabinet Office's format. */
class ShippedHolidayFileTests {

    private final byte[] shipped = read();

    @Test
    void agreesWithTheHolidayActForEveryYearItCovers() {
        HolidayTable table = HolidayCsvParser.parse(shipped);
        Map<LocalDate, String> fromTheFile = new TreeMap<>();
        Map<LocalDate, String> fromTheRules = new TreeMap<>();
        for (int year = table.coveredFrom().getYear(); year <= table.coveredUntil().getYear(); year++) {
            fromTheRules.putAll(JapaneseHolidayRules.holidaysOf(year));
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                LocalDate date = day;
                table.nameOf(date).ifPresent(name -> fromTheFile.put(date, name));
            }
        }
        assertThat(table.coveredFrom()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(table.coveredUntil()).isAfterOrEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(fromTheFile).isEqualTo(fromTheRules);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(textBlock = """
            2026-05-06, 休日
            2026-09-21, 敬老の日
            2026-09-22, 休日
            2026-09-23, 秋分の日
            2026-03-20, 春分の日
            2027-03-21, 春分の日
            2027-03-22, 休日
            2027-09-23, 秋分の日
            2024-09-22, 秋分の日
            2025-11-24, 休日
            """)
    void knownFacts(LocalDate date, String name) {
        assertThat(HolidayCsvParser.parse(shipped).nameOf(date)).contains(name);
    }

    // The formula is only trusted where it matches the equinox days the Cabinet Office published.
    @ParameterizedTest(name = "{0}: vernal 3/{1}, autumnal 9/{2}")
    @CsvSource(textBlock = """
            2022, 21, 23
            2023, 21, 23
            2024, 20, 22
            2025, 20, 23
            2026, 20, 23
            2027, 21, 23
            """)
    void equinoxFormulaMatchesThePublishedDays(int year, int vernal, int autumnal) {
        assertThat(JapaneseHolidayRules.vernalEquinoxDay(year)).isEqualTo(vernal);
        assertThat(JapaneseHolidayRules.autumnalEquinoxDay(year)).isEqualTo(autumnal);
    }

    @Test
    void isInTheCabinetOfficeFormat() {
        String text = new String(shipped, HolidayCsvParser.SHIFT_JIS);
        assertThat(text).startsWith(HolidayCsvParser.HEADER + "\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(text).contains("\r\n2026/9/21,敬老の日\r\n").doesNotContainPattern("/0\\d");
        assertThat(new String(shipped, StandardCharsets.UTF_8)).doesNotContain("敬老の日");
    }

    private static byte[] read() {
        try (InputStream in = new ClassPathResource(FileHolidayDataStore.SHIPPED_FILE).getInputStream()) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
