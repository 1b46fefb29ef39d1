package jp.tsunagu.sla.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jp.tsunagu.sla.BusinessCalendar.Closure;
import jp.tsunagu.sla.CalendarDays;
import jp.tsunagu.sla.InvalidHolidayDataException;
import jp.tsunagu.sla.OpeningDaysChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The holiday file and closure days this node computes with, as the database holds them, and the opening hours built
 * from them. A change is stored and put in use under one lock, and says how the opening days changed; the data is
 * read again when another node may have changed it, and when a change made here rolls back.
 */
final class CalendarDataInUse {

    private static final Logger log = LoggerFactory.getLogger(CalendarDataInUse.class);

    private final CalendarProperties settings;
    private final HolidayDataStore store;
    private final ClosureStore closures;
    private final Clock clock;

    /** Read without the lock: a change puts whole new opening hours in place. */
    private volatile OpeningHours hours;

    /** The holiday file {@link #hours} was built from, to tell whether the store holds another. */
    private byte[] holidayData;

    /** Stored holiday data that did not parse, so that it is reported once, not at every refresh. */
    private byte[] rejectedHolidayData;

    CalendarDataInUse(CalendarProperties settings, HolidayDataStore store, ClosureStore closures, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.closures = closures;
        this.clock = clock;
        this.holidayData = store.load();
        this.hours = new OpeningHours(settings, HolidayCsvParser.parse(holidayData), closures.dates());
        log.info("Holiday data covers {} to {}", hours.holidays().coveredFrom(), hours.holidays().coveredUntil());
    }

    /** What a change did, and how it changed the opening days. */
    record Changed<T>(T outcome, OpeningDaysChanged openingDays) {
    }

    OpeningHours hours() {
        return hours;
    }

    /** As stored, with their reasons, in date order. */
    List<Closure> addedClosures() {
        return closures.all();
    }

    synchronized byte[] holidayDataInUse() {
        return holidayData.clone();
    }

    /** @throws InvalidHolidayDataException when the file does not parse, or would lose a year; nothing changes */
    synchronized Changed<HolidayTable> replaceHolidayData(byte[] shiftJisCsv) {
        readAgainIfRolledBack();
        HolidayTable replacement = HolidayCsvParser.parse(shiftJisCsv);
        LocalDate startOfThisYear = LocalDate.now(clock.withZone(settings.zone())).withDayOfYear(1);
        replacement.requireCanReplace(hours.holidays(), startOfThisYear);
        store.save(shiftJisCsv);
        OpeningHours before = hours;
        CalendarDays daysBefore = days();
        holidayData = shiftJisCsv.clone();
        hours = new OpeningHours(settings, replacement, closures.dates());
        log.info("Holiday data replaced: it now covers {} to {}", replacement.coveredFrom(),
                replacement.coveredUntil());
        return new Changed<>(replacement, changed(before, daysBefore, Map.of("what", "holiday data replaced",
                "coveredUntil", replacement.coveredUntil().toString())));
    }

    /** @return the date's reason before, empty when it was not a closure */
    synchronized Changed<Optional<String>> addClosure(LocalDate date, String reason, String addedBy) {
        return changeClosures(stored -> stored.add(date, reason, addedBy),
                Map.of("what", "closure added", "date", date.toString()));
    }

    /** @return whether the date was a closure */
    synchronized Changed<Boolean> removeClosure(LocalDate date) {
        return changeClosures(stored -> stored.remove(date),
                Map.of("what", "closure removed", "date", date.toString()));
    }

    private <T> Changed<T> changeClosures(Function<ClosureStore, T> change, Map<String, String> reason) {
        readAgainIfRolledBack();
        // The stored closures, not this node's copy, which may be a minute behind another node's change.
        Set<LocalDate> stored = closures.dates();
        OpeningHours before = new OpeningHours(settings, hours.holidays(), stored);
        CalendarDays daysBefore = new CalendarDays(stored, holidayData);
        T outcome = change.apply(closures);
        hours = new OpeningHours(settings, hours.holidays(), closures.dates());
        return new Changed<>(outcome, changed(before, daysBefore, reason));
    }

    /**
     * The change from holiday data used before (by an earlier start, from another file) to the data in use now, for
     * the due times computed then.
     *
     * @throws InvalidHolidayDataException when the earlier data does not parse
     */
    synchronized OpeningDaysChanged changedSince(byte[] earlierHolidayData, Map<String, String> reason) {
        OpeningHours before = new OpeningHours(settings, HolidayCsvParser.parse(earlierHolidayData),
                hours.addedClosures());
        return changed(before, new CalendarDays(hours.addedClosures(), earlierHolidayData), reason);
    }

    /** Called with the new {@link #hours} in place: targets computed from now on count on them. */
    private OpeningDaysChanged changed(OpeningHours before, CalendarDays daysBefore, Map<String, String> reason) {
        return new OpeningDaysChanged(reason, daysBefore, days(), clock.instant(), new OpeningTimeShift(before, hours));
    }

    private CalendarDays days() {
        return new CalendarDays(hours.addedClosures(), holidayData);
    }

    /**
     * A change is written in the caller's transaction, together with its audit and the record of the due times it
     * moves; if that transaction rolls back, the data is read again from the database, which kept the old.
     */
    private void readAgainIfRolledBack() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        refresh();
                    }
                }
            });
        }
    }

    /**
     * The closure days and the holiday data live in the database, where an administrator on another node may have
     * changed them: they are read again and used if they differ. Data that no longer parses is logged and the
     * current data kept.
     */
    synchronized void refresh() {
        Set<LocalDate> storedClosures = closures.dates();
        byte[] storedHolidays = store.load();
        OpeningHours current = hours;
        HolidayTable holidays = current.holidays();
        boolean holidaysChanged = false;
        if (!Arrays.equals(storedHolidays, holidayData) && !Arrays.equals(storedHolidays, rejectedHolidayData)) {
            try {
                holidays = HolidayCsvParser.parse(storedHolidays);
                holidayData = storedHolidays;
                holidaysChanged = true;
            } catch (InvalidHolidayDataException e) {
                log.error("The stored holiday data does not parse; keeping the current data: {}", e.getMessage());
                rejectedHolidayData = storedHolidays;
            }
        }
        if (holidaysChanged || !storedClosures.equals(current.addedClosures())) {
            hours = new OpeningHours(settings, holidays, storedClosures);
            log.info("Calendar data changed in the database (another node): {} closure days, holidays up to {}",
                    storedClosures.size(), holidays.coveredUntil());
        }
    }
}
