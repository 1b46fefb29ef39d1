package jp.tsunagu.sla;

import java.util.Arrays;
import java.util.List;

/**
 * A holiday file that cannot be loaded, with the line that is wrong (0 when the problem is the file as a whole, such
 * as a missing year). The calendar keeps its previous data. The message is English, for the API and the logs; pages
 * show {@code admin.holidays.problems.<problem>} with {@link #args()} in the reader's language.
 */
public class InvalidHolidayDataException extends IllegalArgumentException {

    /** What is wrong with the file, each with its English text, a format for the arguments. */
    public enum Problem {
        NOT_THE_HEADER("expected the Cabinet Office header \"%s\"; is this a Shift_JIS syukujitsu.csv?"),
        NOT_ASCENDING("%s comes after %s; rows must be in ascending date order without repeats"),
        DUPLICATE_DATE("%s is listed twice; each date must appear once"),
        NO_HOLIDAYS("the file lists no holidays"),
        NOT_SHIFT_JIS("the file is not valid Shift_JIS (windows-31j) text"),
        NOT_A_ROW("\"%s\" is not a row like 2026/9/21,<holiday name>"),
        NOT_A_DATE("\"%s\" does not name a real date"),
        INCOMPLETE_YEAR("the year %s is incomplete: %s is not listed; the file must hold whole years"),
        ENDS_TOO_EARLY("the file ends on %s, before the current data (%s); load a newer file"),
        STARTS_TOO_LATE("the file starts on %s, after the start of this year (%s); load a file that covers this year");

        private final String english;

        Problem(String english) {
            this.english = english;
        }

        String text(List<String> args) {
            return english.formatted(args.toArray());
        }
    }

    private final int lineNumber;
    private final Problem problem;
    private final List<String> args;

    /** {@code args} are written as they are: numbers without grouping, dates as yyyy-MM-dd. */
    public InvalidHolidayDataException(int lineNumber, Problem problem, Object... args) {
        this(lineNumber, problem, Arrays.stream(args).map(String::valueOf).toList());
    }

    private InvalidHolidayDataException(int lineNumber, Problem problem, List<String> args) {
        super(lineNumber > 0 ? "line " + lineNumber + ": " + problem.text(args) : problem.text(args));
        this.lineNumber = lineNumber;
        this.problem = problem;
        this.args = args;
    }

    public int lineNumber() {
        return lineNumber;
    }

    public Problem problem() {
        return problem;
    }

    public List<String> args() {
        return args;
    }
}
