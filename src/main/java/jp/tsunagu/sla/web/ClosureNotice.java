package jp.tsunagu.sla.web;

import java.time.LocalDate;

import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.CalendarAdministration;
import jp.tsunagu.sla.HolidayDataNotCoveredException;

/**
 * What the administrator is told after adding a closure day. A day closed anyway (a weekend, a holiday, the year-end
 * closure) or already past is accepted, since it is harmless, but said to move no due time: due times count the
 * opening time left from now, so only a paused issue's can move for a past day, and then the message is the usual one.
 */
final class ClosureNotice {

    private ClosureNotice() {
    }

    /** False for a day the holiday data does not reach: unknown, and no reason to refuse the closure. */
    static boolean closedAnyway(BusinessCalendar calendar, LocalDate date) {
        try {
            return calendar.isClosedOn(date);
        } catch (HolidayDataNotCoveredException beyondTheData) {
            return false;
        }
    }

    static String successKey(CalendarAdministration.ClosureSaved saved, boolean closedAnyway, boolean past) {
        if (!saved.isNew()) {
            return saved.isUnchanged() ? "admin.closures.unchanged" : "admin.closures.reasonChanged";
        }
        if (closedAnyway) {
            return "admin.closures.added.closedAnyway";
        }
        return past && saved.issuesToMove() == 0 ? "admin.closures.added.past" : "admin.closures.added";
    }
}
