package jp.tsunagu.sla.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.tsunagu.sla.InvalidHolidayDataException;
import jp.tsunagu.sla.InvalidHolidayDataException.Problem;

/**
 * Reads the Cabinet Office's {@code syukujitsu.csv}: Shift_JIS, a header line, then one {@code yyyy/M/d,name} row
 * per holiday in date order. It is strict, because a silently wrong holiday moves every due time after it.
 */
public final class HolidayCsvParser {

    /** The Cabinet Office's own variant of Shift_JIS. */
    public static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    /** The file's header, verbatim: it also proves that the file was decoded in the right encoding. */
    static final String HEADER = "国民の祝日・休日月日,国民の祝日・休日名称";

    /** Characters of a wrong line quoted in the message. */
    static final int MAX_QUOTED = 40;

    private static final Pattern ROW = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2}),([^,]+)");

    private HolidayCsvParser() {
    }

    /** @throws InvalidHolidayDataException naming the first line that is wrong */
    public static HolidayTable parse(byte[] shiftJisCsv) {
        List<String> lines = List.of(decode(shiftJisCsv).split("\r?\n", -1));
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isEmpty()) {
            last--; // a trailing line end or empty line is harmless
        }
        if (last == 0 || !lines.get(0).equals(HEADER)) {
            throw new InvalidHolidayDataException(1, Problem.NOT_THE_HEADER, HEADER);
        }
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        LocalDate previous = null;
        for (int index = 1; index < last; index++) {
            int lineNumber = index + 1;
            LocalDate date = dateOf(lines.get(index), lineNumber);
            if (date.equals(previous)) {
                throw new InvalidHolidayDataException(lineNumber, Problem.DUPLICATE_DATE, date);
            }
            if (previous != null && date.isBefore(previous)) {
                throw new InvalidHolidayDataException(lineNumber, Problem.NOT_ASCENDING, date, previous);
            }
            holidays.put(date, nameOf(lines.get(index)));
            previous = date;
        }
        if (holidays.isEmpty()) {
            throw new InvalidHolidayDataException(0, Problem.NO_HOLIDAYS);
        }
        requireWholeYears(holidays);
        return new HolidayTable(holidays);
    }

    private static String decode(byte[] bytes) {
        try {
            return SHIFT_JIS.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
        catch (CharacterCodingException e) {
            throw new InvalidHolidayDataException(0, Problem.NOT_SHIFT_JIS);
        }
    }

    private static LocalDate dateOf(String line, int lineNumber) {
        Matcher row = ROW.matcher(line);
        if (!row.matches() || row.group(4).isBlank()) {
            throw new InvalidHolidayDataException(lineNumber, Problem.NOT_A_ROW, excerpt(line));
        }
        try {
            return LocalDate.of(Integer.parseInt(row.group(1)), Integer.parseInt(row.group(2)),
                    Integer.parseInt(row.group(3)));
        }
        catch (DateTimeException e) {
            throw new InvalidHolidayDataException(lineNumber, Problem.NOT_A_DATE, excerpt(line));
        }
    }

    /** Enough of a wrong line to find it; a whole file on one line must not come back as the message. */
    static String excerpt(String line) {
        return line.length() <= MAX_QUOTED ? line : line.substring(0, MAX_QUOTED) + "…";
    }

    private static String nameOf(String line) {
        return line.substring(line.indexOf(',') + 1).strip();
    }

    // A year with no New Year's Day or no Labour Thanksgiving Day (11/23, the last holiday of every year) is cut
    // short; treating the rest of it as ordinary days would be exactly the silent guess the design forbids.
    private static void requireWholeYears(Map<LocalDate, String> holidays) {
        int first = holidays.keySet().iterator().next().getYear();
        int lastYear = holidays.keySet().stream().mapToInt(LocalDate::getYear).max().orElseThrow();
        for (int year = first; year <= lastYear; year++) {
            for (LocalDate mustBeListed : List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 11, 23))) {
                if (!holidays.containsKey(mustBeListed)) {
                    throw new InvalidHolidayDataException(0, Problem.INCOMPLETE_YEAR, year, mustBeListed);
                }
            }
        }
    }
}
