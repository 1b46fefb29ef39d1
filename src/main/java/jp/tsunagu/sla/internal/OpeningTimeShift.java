package jp.tsunagu.sla.internal;

import java.time.Duration;
import java.time.Instant;

import jp.tsunagu.sla.CalendarDays;
import jp.tsunagu.sla.DueTimeShift;

/** The opening time left until a due time on the old calendar, counted again on the new one. */
final class OpeningTimeShift implements DueTimeShift {

    private final OpeningHours before;
    private final OpeningHours after;

    OpeningTimeShift(OpeningHours before, OpeningHours after) {
        this.before = before;
        this.after = after;
    }

    /** Between two calendars as stored: a change applied after a restart or on another node. */
    static OpeningTimeShift between(CalendarProperties settings, CalendarDays before, CalendarDays after) {
        return new OpeningTimeShift(openingHours(settings, before), openingHours(settings, after));
    }

    private static OpeningHours openingHours(CalendarProperties settings, CalendarDays days) {
        return new OpeningHours(settings, HolidayCsvParser.parse(days.holidayData()), days.closures());
    }

    @Override
    public Instant moved(Instant due, Instant countingFrom) {
        if (!due.isAfter(countingFrom)) {
            return due;
        }
        Duration left = before.openTimeBetween(countingFrom, due);
        // Several instants hold the same opening time left (Fri 17:15 and Mon 08:30): a due time whose time left the
        // change does not touch keeps its instant, or moves forward to the next opening if it became closed (期限の特例).
        if (after.openTimeBetween(countingFrom, due).equals(left)) {
            return isValidDueTime(due) ? due : after.nextOpening(due);
        }
        return after.keepingOpening(due, before.isOpening(due), after.addOpenTime(countingFrom, left));
    }

    // 期限の特例: open, or exactly closing time of a business day.
    private boolean isValidDueTime(Instant due) {
        return after.isOpen(due) || after.isClosing(due);
    }
}
