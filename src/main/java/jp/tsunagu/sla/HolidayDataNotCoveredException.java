package jp.tsunagu.sla;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.tsunagu.common.UnavailableException;

/**
 * A question about a date the holiday data does not cover. The calendar never guesses: the administrator must load
 * the Cabinet Office's newer {@code syukujitsu.csv} first.
 */
public class HolidayDataNotCoveredException extends UnavailableException {

    private static final String MESSAGE_START = "The holiday data covers ";

    private static final Pattern DATE_IN_MESSAGE =
            Pattern.compile(Pattern.quote(MESSAGE_START) + "\\S+ to \\S+, not (\\d{4}-\\d{2}-\\d{2});.*", Pattern.DOTALL);

    private final LocalDate date;

    private final LocalDate coveredFrom;

    private final LocalDate coveredUntil;

    public HolidayDataNotCoveredException(LocalDate date, LocalDate coveredFrom, LocalDate coveredUntil) {
        super(MESSAGE_START + coveredFrom + " to " + coveredUntil + ", not " + date
                + "; an administrator must load the Cabinet Office's newer syukujitsu.csv",
                "error.holidayDataNotCovered", String.valueOf(date.getYear()), coveredUntil.toString());
        this.date = date;
        this.coveredFrom = coveredFrom;
        this.coveredUntil = coveredUntil;
    }

    /**
     * The date that was not covered, when {@code message} is the message of this exception: the engine keeps a failed
     * job's message, not its exception.
     */
    public static Optional<LocalDate> dateIn(String message) {
        Matcher matcher = message == null ? null : DATE_IN_MESSAGE.matcher(message);
        return matcher != null && matcher.matches() ? Optional.of(LocalDate.parse(matcher.group(1))) : Optional.empty();
    }

    public LocalDate date() {
        return date;
    }

    public LocalDate coveredFrom() {
        return coveredFrom;
    }

    public LocalDate coveredUntil() {
        return coveredUntil;
    }
}
