package jp.tsunagu.sla;

import java.time.LocalDate;

import jp.tsunagu.common.UnavailableException;

/**
 * A question about a date the holiday data does not cover. The calendar never guesses: the administrator must load
 * the Cabinet Office's newer {@code syukujitsu.csv} first.
 */
public class HolidayDataNotCoveredException extends UnavailableException {

    private final LocalDate date;

    private final LocalDate coveredFrom;

    private final LocalDate coveredUntil;

    public HolidayDataNotCoveredException(LocalDate date, LocalDate coveredFrom, LocalDate coveredUntil) {
        super("The holiday data covers " + coveredFrom + " to " + coveredUntil + ", not " + date
                + "; an administrator must load the Cabinet Office's newer syukujitsu.csv",
                "error.holidayDataNotCovered", String.valueOf(date.getYear()), coveredUntil.toString());
        this.date = date;
        this.coveredFrom = coveredFrom;
        this.coveredUntil = coveredUntil;
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
