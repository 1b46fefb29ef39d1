package jp.tsunagu.sla.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import jp.tsunagu.sla.HolidayDataNotCoveredException;
import jp.tsunagu.sla.InvalidHolidayDataException;

/** The national holidays of whole calendar years, as listed in the Cabinet Office's file. Immutable. */
public final class HolidayTable {

    private final NavigableMap<LocalDate, String> namesByDate;

    private final LocalDate coveredFrom;

    private final LocalDate coveredUntil;

    /** @param namesByDate at least one holiday; the table covers every year from the first to the last one */
    HolidayTable(Map<LocalDate, String> namesByDate) {
        if (namesByDate.isEmpty()) {
            throw new IllegalArgumentException("a holiday table needs at least one holiday");
        }
        this.namesByDate = new TreeMap<>(namesByDate);
        this.coveredFrom = this.namesByDate.firstKey().withDayOfYear(1);
        this.coveredUntil = LocalDate.of(this.namesByDate.lastKey().getYear(), 12, 31);
    }

    /** The holiday's name, or empty on an ordinary day. */
    public Optional<String> nameOf(LocalDate date) {
        requireCovered(date);
        return Optional.ofNullable(namesByDate.get(date));
    }

    public boolean isHoliday(LocalDate date) {
        return nameOf(date).isPresent();
    }

    /** @throws HolidayDataNotCoveredException when the table does not cover {@code date}'s year */
    public void requireCovered(LocalDate date) {
        if (date.isBefore(coveredFrom) || date.isAfter(coveredUntil)) {
            throw new HolidayDataNotCoveredException(date, coveredFrom, coveredUntil);
        }
    }

    /**
     * A replacement for {@code current} reaches at least as far and covers this year already.
     *
     * @throws InvalidHolidayDataException when it does not
     */
    void requireCanReplace(HolidayTable current, LocalDate startOfThisYear) {
        if (coveredUntil.isBefore(current.coveredUntil())) {
            // Most likely last year's file by mistake; it would make due times in the lost year fail.
            throw new InvalidHolidayDataException(0, InvalidHolidayDataException.Problem.ENDS_TOO_EARLY, coveredUntil,
                    current.coveredUntil());
        }
        if (coveredFrom.isAfter(startOfThisYear)) {
            // Only next year's holidays: every due time from now until then would fail.
            throw new InvalidHolidayDataException(0, InvalidHolidayDataException.Problem.STARTS_TOO_LATE, coveredFrom,
                    startOfThisYear);
        }
    }

    public LocalDate coveredFrom() {
        return coveredFrom;
    }

    public LocalDate coveredUntil() {
        return coveredUntil;
    }

    public int size() {
        return namesByDate.size();
    }
}
