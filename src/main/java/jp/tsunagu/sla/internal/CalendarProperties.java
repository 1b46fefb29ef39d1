package jp.tsunagu.sla.internal;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The city hall's opening hours and closures, {@code tsunagu.calendar.*}. Values are read as text and checked here,
 * so that a typo stops the start with a message that names the property.
 */
@ConfigurationProperties("tsunagu.calendar")
public class CalendarProperties {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final ZoneId zone;

    private final LocalTime opensAt;

    private final LocalTime closesAt;

    private final Set<MonthDay> recurringClosures;

    private final Set<LocalDate> extraClosures;

    private final Optional<Path> holidayFile;

    public CalendarProperties(@DefaultValue("Asia/Tokyo") String zone, @DefaultValue("08:30") String opensAt,
            @DefaultValue("17:15") String closesAt,
            @DefaultValue({"12-29", "12-30", "12-31", "01-01", "01-02", "01-03"}) List<String> recurringClosures,
            @DefaultValue List<String> extraClosures, String holidayFile) {
        this.zone = read("zone", zone, ZoneId::of, "a time zone such as Asia/Tokyo");
        this.opensAt = read("opens-at", opensAt, LocalTime::parse, "a time of day as HH:mm");
        this.closesAt = read("closes-at", closesAt, LocalTime::parse, "a time of day as HH:mm");
        if (!this.opensAt.isBefore(this.closesAt)) {
            throw new IllegalArgumentException("tsunagu.calendar.opens-at (" + opensAt
                    + ") must be before tsunagu.calendar.closes-at (" + closesAt + ")");
        }
        this.recurringClosures = recurringClosures.stream().filter(text -> !text.isBlank())
                .map(text -> read("recurring-closures", text, t -> MonthDay.parse(t, MONTH_DAY), "a day as MM-dd"))
                .collect(Collectors.toUnmodifiableSet());
        this.extraClosures = extraClosures.stream().filter(text -> !text.isBlank())
                .map(text -> read("extra-closures", text, LocalDate::parse, "a date as yyyy-MM-dd"))
                .collect(Collectors.toUnmodifiableSet());
        this.holidayFile = Optional.ofNullable(holidayFile).filter(file -> !file.isBlank()).map(Path::of);
    }

    /** The defaults: Asia/Tokyo, 08:30–17:15, closed 12/29–1/3, no extra closures, the shipped holiday file. */
    public static CalendarProperties defaults() {
        return new CalendarProperties("Asia/Tokyo", "08:30", "17:15",
                List.of("12-29", "12-30", "12-31", "01-01", "01-02", "01-03"), List.of(), null);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalTime opensAt() {
        return opensAt;
    }

    public LocalTime closesAt() {
        return closesAt;
    }

    /** Days closed every year, such as the year-end closure 12/29–1/3. */
    public Set<MonthDay> recurringClosures() {
        return recurringClosures;
    }

    /** One-off closure days, such as a day the building is closed for an election count. */
    public Set<LocalDate> extraClosures() {
        return extraClosures;
    }

    /** Where an administrator's replacement holiday file lives; empty to use only the shipped file. */
    public Optional<Path> holidayFile() {
        return holidayFile;
    }

    private static <T> T read(String property, String text, Function<String, T> parser, String expected) {
        try {
            return parser.apply(text.trim());
        }
        catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "tsunagu.calendar." + property + ": \"" + text + "\" is not " + expected, e);
        }
    }
}
