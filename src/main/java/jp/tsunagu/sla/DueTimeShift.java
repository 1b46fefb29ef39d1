package jp.tsunagu.sla;

import java.time.Instant;

/**
 * Moves a business-clock due time from the calendar it was computed on to the one in force now: the opening time that
 * was left until it, counted from a given instant on the old calendar, is counted again from that instant on the new
 * one. A due time on a day that became closed moves to the next opening, one after it by that day's opening time;
 * removing a closure moves due times earlier.
 */
public interface DueTimeShift {

    /**
     * @param countingFrom now, or for a paused issue the instant its clock stopped
     * @return {@code due} itself when it is not after {@code countingFrom} (a timer past due is left to fire) or when
     *         the change does not touch the opening time before it
     * @throws HolidayDataNotCoveredException when the moved due time reaches beyond the holiday data
     */
    Instant moved(Instant due, Instant countingFrom);
}
