package jp.tsunagu.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The city hall's calendar: opening hours on business days, and the arithmetic of SLA targets on top of them.
 * <p>
 * Opening hours are half-open, {@code [opensAt, closesAt)}: 17:15 itself is closed. A time-based target that uses up
 * the last minute of a day is due exactly at closing time (17:15), not at the next opening. Every method that looks
 * at a date throws {@link HolidayDataNotCoveredException} when the holiday data does not cover that date's year.
 */
public interface BusinessCalendar {

    boolean isOpen(Instant at);

    /** {@code at} itself when open, otherwise the start of the next opening hours. */
    Instant nextOpening(Instant at);

    /**
     * The due time of a target starting at {@code from}. On the business clock, hours and minutes count opening time
     * from {@code from} (or the next opening); {@code PnD} is the same clock time {@code n} business days after
     * {@code from} (or the next opening). The result is never inside a closed period. On the continuous clock the
     * result is {@code from} plus the wall-clock length, where a day is 24 hours.
     */
    Instant due(Instant from, SlaDuration duration, CalendarKind kind);

    /**
     * @throws IllegalArgumentException when {@code isoDuration} is not one of the forms {@link SlaDuration#parse} reads
     */
    Instant due(Instant from, String isoDuration, CalendarKind kind);

    /** The opening time between two instants; negative when {@code to} is before {@code from}. */
    Duration openTimeBetween(Instant from, Instant to);

    /** The instant when {@code openTime} of opening time has passed after {@code from}. */
    Instant addOpenTime(Instant from, Duration openTime);

    /**
     * A due time moved later by {@code openTime} of opening time (a pause). A due time at an opening (08:30) stays at
     * an opening: Wednesday 08:30 plus a day's opening time is Thursday 08:30, not Wednesday 17:15.
     */
    Instant moveDueLater(Instant due, Duration openTime);

    /** The last day the holiday data covers, always a 31 December. */
    LocalDate holidayDataCoversUntil();

    /**
     * The Cabinet Office's name of the national holiday on {@code date}, if any. Substitute holidays and days between
     * two holidays carry the file's generic name for a day off. The year-end closure is not a national holiday.
     */
    Optional<String> holidayName(LocalDate date);

    /**
     * Whether the city hall stays closed all day on {@code date}: a Saturday, a Sunday, a national holiday, a
     * configured closure such as the year-end one, or a closure day an administrator added.
     */
    boolean isClosedOn(LocalDate date);

    /** Whether the holiday data ends before {@code today + days}: the administrator's cue to load the next file. */
    boolean holidayDataRunsOutWithin(LocalDate today, int days);

    /**
     * Replaces the holiday data with a Cabinet Office {@code syukujitsu.csv} (Shift_JIS) and stores it for the next
     * start; publishes {@link HolidayDataReplaced} and {@link OpeningDaysChanged}.
     *
     * @return how many open issues' due times the change touches; they are moved in the background
     * @throws InvalidHolidayDataException when the file is malformed; the previous data stays in use
     */
    int replaceHolidayData(byte[] shiftJisCsv);

    /** The one-off closure days an administrator added, in date order. */
    List<Closure> addedClosures();

    /**
     * Closes the city hall on {@code date} (a one-off closure); due times computed from now on respect it, and a new
     * closure publishes {@link OpeningDaysChanged} so that the open issues' due times are counted again. A date that is
     * a closure already gets the new reason, which changes no day.
     *
     * @return the date's reason before (empty when it was not a closure), and how many open issues' due times the
     *         new closure touches; they are moved in the background
     */
    ClosureAdded addClosure(LocalDate date, String reason, String addedBy);

    /**
     * Opens the city hall again on {@code date}; a removal publishes {@link OpeningDaysChanged}.
     *
     * @return empty when the date was not a closure (nothing changes then), else how many open issues' due times the
     *         removal touches; they are moved in the background
     */
    OptionalInt removeClosure(LocalDate date);

    /**
     * Where a business-clock due time computed on one calendar moves on another, for a change of the opening days that
     * is applied after a restart or on another node.
     */
    DueTimeShift shiftBetween(CalendarDays before, CalendarDays after);

    /** A one-off closure day. */
    record Closure(LocalDate date, String reason) {
    }

    /**
     * @param previousReason the date's reason before, empty when it was not a closure
     * @param issuesToMove   how many open issues' due times a new closure touches (none for a changed reason)
     */
    record ClosureAdded(Optional<String> previousReason, int issuesToMove) {
    }
}
