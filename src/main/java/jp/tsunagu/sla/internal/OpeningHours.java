package jp.tsunagu.sla.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.Set;

import jp.tsunagu.sla.HolidayDataNotCoveredException;

/**
 * The arithmetic of opening time for one set of holiday data. Immutable, so that one computation never mixes the old
 * and the new data while an administrator replaces the file.
 * <p>
 * A day's opening hours are the half-open interval {@code [opensAt, closesAt)}.
 */
final class OpeningHours {

    private final CalendarProperties settings;

    private final HolidayTable holidays;

    private final Set<LocalDate> addedClosures;

    OpeningHours(CalendarProperties settings, HolidayTable holidays) {
        this(settings, holidays, Set.of());
    }

    OpeningHours(CalendarProperties settings, HolidayTable holidays, Set<LocalDate> addedClosures) {
        this.addedClosures = Set.copyOf(addedClosures);
        this.settings = settings;
        this.holidays = holidays;
    }

    HolidayTable holidays() {
        return holidays;
    }

    Set<LocalDate> addedClosures() {
        return addedClosures;
    }

    boolean isBusinessDay(LocalDate date) {
        holidays.requireCovered(date);
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !holidays.isHoliday(date)
                && !settings.recurringClosures().contains(MonthDay.from(date))
                && !settings.extraClosures().contains(date)
                && !addedClosures.contains(date);
    }

    boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(settings.zone());
        return isBusinessDay(local.toLocalDate())
                && !local.toLocalTime().isBefore(settings.opensAt())
                && local.toLocalTime().isBefore(settings.closesAt());
    }

    Instant nextOpening(Instant at) {
        if (isOpen(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(settings.zone());
        LocalDate today = local.toLocalDate();
        if (isBusinessDay(today) && local.toLocalTime().isBefore(settings.opensAt())) {
            return opening(today);
        }
        return opening(nextBusinessDayAfter(today));
    }

    /** Counts {@code openTime} from {@code from}, or from the next opening; may end exactly at closing time. */
    Instant addOpenTime(Instant from, Duration openTime) {
        if (openTime.isNegative()) {
            throw new IllegalArgumentException("open time to add cannot be negative: " + openTime);
        }
        Instant cursor = nextOpening(from);
        Duration left = openTime;
        while (true) {
            LocalDate day = cursor.atZone(settings.zone()).toLocalDate();
            Duration restOfDay = Duration.between(cursor, closing(day));
            if (left.compareTo(restOfDay) <= 0) {
                return cursor.plus(left);
            }
            left = left.minus(restOfDay);
            cursor = opening(nextBusinessDayAfter(day));
        }
    }

    /** Exactly the start of a day's opening hours (08:30), where a day target or a target set while closed is due. */
    boolean isOpening(Instant at) {
        return isOpen(at) && !isOpen(at.minusNanos(1));
    }

    /** Exactly the end of a day's opening hours (17:15 itself is closed). */
    boolean isClosing(Instant at) {
        return !isOpen(at) && isOpen(at.minusNanos(1));
    }

    /**
     * {@code moved}, the new place of {@code due}; when {@code due} was at an opening and {@code moved} is at a
     * closing, the opening after it instead: the same opening time left, but a breach the next morning, not the
     * evening before, as a due time counted afresh would be. Where the next opening lies beyond the holiday data (the
     * last days of December before next year's file), the closing stays: it needs no data, and the move must not fail.
     */
    Instant keepingOpening(Instant due, boolean dueWasAtOpening, Instant moved) {
        if (!dueWasAtOpening || !isClosing(moved)) {
            return moved;
        }
        try {
            return nextOpening(moved);
        } catch (HolidayDataNotCoveredException beyondTheData) {
            return moved;
        }
    }

    Duration openTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return openTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate lastDay = to.atZone(settings.zone()).toLocalDate();
        for (LocalDate day = from.atZone(settings.zone()).toLocalDate(); !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                Instant start = later(from, opening(day));
                Instant end = earlier(to, closing(day));
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The same clock time {@code days} business days after {@code from}, or after the next opening. */
    Instant plusBusinessDays(Instant from, int days) {
        ZonedDateTime start = nextOpening(from).atZone(settings.zone());
        LocalDate day = start.toLocalDate();
        for (int i = 0; i < days; i++) {
            day = nextBusinessDayAfter(day);
        }
        return ZonedDateTime.of(day, start.toLocalTime(), settings.zone()).toInstant();
    }

    // Terminates: at the latest, the first day after the holiday data throws HolidayDataNotCoveredException.
    private LocalDate nextBusinessDayAfter(LocalDate date) {
        LocalDate day = date.plusDays(1);
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private Instant opening(LocalDate day) {
        return ZonedDateTime.of(day, settings.opensAt(), settings.zone()).toInstant();
    }

    private Instant closing(LocalDate day) {
        return ZonedDateTime.of(day, settings.closesAt(), settings.zone()).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
