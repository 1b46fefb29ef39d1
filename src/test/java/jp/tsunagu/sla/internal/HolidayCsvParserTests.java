package jp.tsunagu.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jp.tsunagu.sla.InvalidHolidayDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolidayCsvParserTests {

    /** A well-formed one-year file, lines joined by {@code |} to keep the tables readable. */
    static final String ONE_YEAR = HolidayCsvParser.HEADER + "|2028/1/1,元日|2028/1/10,成人の日|2028/11/23,勤労感謝の日";

    static byte[] shiftJis(String linesJoinedByBar, String lineEnd) {
        return linesJoinedByBar.replace("|", lineEnd).getBytes(HolidayCsvParser.SHIFT_JIS);
    }

    @ParameterizedTest(name = "{0} with {1} line ends after the last row")
    @CsvSource(textBlock = """
            CRLF, 0
            CRLF, 1
            CRLF, 2
            LF,   1
            LF,   2
            """)
    void readsTheCabinetOfficeFormat(String lineEnds, int afterLastRow) {
        String end = lineEnds.equals("CRLF") ? "\r\n" : "\n";
        HolidayTable table = HolidayCsvParser.parse(shiftJis(ONE_YEAR + "|".repeat(afterLastRow), end));
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.nameOf(LocalDate.of(2028, 1, 10))).contains("成人の日");
        assertThat(table.coveredFrom()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(table.coveredUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', textBlock = """
            国民の祝日,名称|2028/1/1,元日|2028/11/23,勤労感謝の日          ; line 1: expected the Cabinet Office header
            HEADER|2028/1/1,元日|2028-01-10,成人の日|2028/11/23,勤労感謝の日 ; line 3: "2028-01-10,成人の日" is not a row
            HEADER|2028/1/1,元日|2028/2/30,祝日|2028/11/23,勤労感謝の日      ; line 3: "2028/2/30,祝日" does not name a real date
            HEADER|2028/1/1,元日|2028/1/10,|2028/11/23,勤労感謝の日          ; line 3: "2028/1/10," is not a row
            HEADER|2028/1/1,元日|2028/1/10,成人の日,x|2028/11/23,勤労感謝の日 ; line 3: "2028/1/10,成人の日,x" is not a row
            HEADER|2028/1/1,元日||2028/11/23,勤労感謝の日                   ; line 3: "" is not a row
            HEADER|2028/1/1,元日|2028/11/23,勤労感謝の日|2028/1/10,成人の日   ; line 4: 2028-01-10 comes after 2028-11-23
            HEADER|2028/1/1,元日|2028/1/1,元日|2028/11/23,勤労感謝の日        ; line 3: 2028-01-01 is listed twice
            HEADER|2028/1/1,元日|2028/5/3,憲法記念日                         ; the year 2028 is incomplete: 2028-11-23
            HEADER|2027/1/1,元日|2027/11/23,勤労感謝の日|2029/1/1,元日|2029/11/23,勤労感謝の日 ; the year 2028 is incomplete
            HEADER                                                       ; the file lists no holidays
            """)
    void rejectsMalformedFilesNamingTheLine(String lines, String expectedMessage) {
        byte[] file = shiftJis(lines.replace("HEADER", HolidayCsvParser.HEADER), "\r\n");
        assertThatThrownBy(() -> HolidayCsvParser.parse(file))
                .isInstanceOf(InvalidHolidayDataException.class)
                .hasMessageStartingWith(expectedMessage);
    }

    /** A whole file on one line (a 3 MB message once) is quoted by its first 40 characters. */
    @Test
    void quotesOnlyTheStartOfAWrongLine() {
        String oneLine = "2028/1/1,元日;".repeat(100_000);
        assertThatThrownBy(() -> HolidayCsvParser.parse(shiftJis(HolidayCsvParser.HEADER + "|" + oneLine, "\r\n")))
                .isInstanceOf(InvalidHolidayDataException.class)
                .hasMessage("line 2: \"" + oneLine.substring(0, 40) + "…\" is not a row like 2026/9/21,<holiday name>")
                .satisfies(e -> assertThat(((InvalidHolidayDataException) e).args().get(0)).hasSize(41));
    }

    @Test
    void rejectsAFileSavedAsUtf8() {
        byte[] utf8 = ONE_YEAR.replace("|", "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> HolidayCsvParser.parse(utf8))
                .isInstanceOf(InvalidHolidayDataException.class)
                .hasMessageContaining("Shift_JIS");
    }

    @Test
    void rejectsBytesThatAreNotShiftJis() {
        byte[] broken = {(byte) 0x82, (byte) 0x20, 0x0d, 0x0a};
        assertThatThrownBy(() -> HolidayCsvParser.parse(broken))
                .isInstanceOf(InvalidHolidayDataException.class)
                .hasMessageContaining("not valid Shift_JIS");
    }
}
