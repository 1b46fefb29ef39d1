package jp.tsunagu.sla.internal;

import static jp.tsunagu.sla.SlaPolicyTable.BAD_DURATION;
import static jp.tsunagu.sla.SlaPolicyTable.MAX_DAYS;
import static jp.tsunagu.sla.SlaPolicyTable.MAX_HOURS;
import static jp.tsunagu.sla.SlaPolicyTable.NOT_SHORTER;
import static jp.tsunagu.sla.SlaPolicyTable.TOO_LONG;
import static jp.tsunagu.sla.SlaPolicyTable.UNKNOWN_CALENDAR;
import static jp.tsunagu.sla.SlaPolicyTable.UNKNOWN_SEVERITY;
import static jp.tsunagu.sla.SlaPolicyTable.ZERO;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.SlaDuration;

/**
 * An administrator's SLA policy as typed: every field's problem is collected, so that the form can name them all at
 * once, and the acknowledge target must be shorter than the resolve target on the chosen clock.
 */
final class SlaPolicyInput {

    private static final Pattern ZERO_DURATION = Pattern.compile("P(0+D|T0+H(0+M)?|T0+M)");
    private static final Duration LONGEST_TIME = Duration.ofHours(MAX_HOURS);

    private SlaPolicyInput() {
    }

    /** @throws InvalidInputException naming every field that does not read */
    static SlaPolicy read(String calendarText, String acknowledgeText, String resolveText,
            CalendarProperties calendar) {
        List<FieldProblem> problems = new ArrayList<>();
        CalendarKind kind = read("calendar", calendarText, CalendarKind::from, UNKNOWN_CALENDAR, problems);
        SlaDuration acknowledge = duration("acknowledge", acknowledgeText, problems);
        SlaDuration resolve = duration("resolve", resolveText, problems);
        if (problems.isEmpty()
                && length(acknowledge, kind, calendar).compareTo(length(resolve, kind, calendar)) >= 0) {
            problems.add(new FieldProblem("acknowledge", NOT_SHORTER));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new SlaPolicy(kind, acknowledge, resolve);
    }

    /** @throws InvalidInputException for a severity other than CRITICAL, HIGH, MEDIUM or LOW */
    static String severity(String severity) {
        String key = severity == null ? "" : severity.strip().toUpperCase(Locale.ROOT);
        if (!SlaProperties.SEVERITIES.contains(key)) {
            throw new InvalidInputException("severity", UNKNOWN_SEVERITY);
        }
        return key;
    }

    /** On the business clock a day counts as one day's opening hours, so that PT8H and P1D compare. */
    private static Duration length(SlaDuration duration, CalendarKind kind, CalendarProperties calendar) {
        if (kind == CalendarKind.CONTINUOUS || !duration.isWholeDays()) {
            return duration.wallClockLength();
        }
        return Duration.between(calendar.opensAt(), calendar.closesAt()).multipliedBy(duration.days());
    }

    /** A target: zero and an overlong target are named as such, anything else unreadable as a bad duration. */
    private static SlaDuration duration(String field, String text, List<FieldProblem> problems) {
        String stripped = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (ZERO_DURATION.matcher(stripped).matches()) {
            problems.add(new FieldProblem(field, ZERO));
            return null;
        }
        SlaDuration duration = read(field, stripped, SlaDuration::parse, BAD_DURATION, problems);
        if (duration != null && (duration.days() > MAX_DAYS || duration.time().compareTo(LONGEST_TIME) > 0)) {
            problems.add(new FieldProblem(field, TOO_LONG));
            return null;
        }
        return duration;
    }

    private static <T> T read(String field, String text, Function<String, T> parser, String message,
            List<FieldProblem> problems) {
        try {
            return parser.apply(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, message));
            return null;
        }
    }
}
