package jp.tsunagu.sla;

import java.time.LocalDate;

/**
 * A question about a date the holiday data does not cover. The calendar never guesses: the administrator must load
 * the Cabinet Office's newer {@code syukujitsu.csv} first.
 */
public class HolidayDataNotCoveredException extends RuntimeException {

    private final LocalDate date;

    private final LocalDate coveredFrom;

    private final LocalDate coveredUntil;

    public HolidayDataNotCoveredException(LocalDate date, LocalDate coveredFrom, LocalDate coveredUntil) {
        super("The holiday data covers " + coveredFrom + " to " + coveredUntil + ", not " + date
                + "; load the Cabinet Office's newer syukujitsu.csv");
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
