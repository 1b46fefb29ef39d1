package jp.tsunagu.sla.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.CalendarDays;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.DueTimeShift;
import jp.tsunagu.sla.HolidayDataReplaced;
import jp.tsunagu.sla.InvalidHolidayDataException;
import jp.tsunagu.sla.OpeningDaysChanged;
import jp.tsunagu.sla.SlaDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Component;

/** The city hall's calendar: the configured opening hours and closures, and the holiday data from the store. */
@Component
public class CityBusinessCalendar implements BusinessCalendar {

    private static final Logger log = LoggerFactory.getLogger(CityBusinessCalendar.class);

    private final CalendarProperties settings;

    private final HolidayDataStore store;

    private final ClosureStore closures;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    private volatile OpeningHours hours;

    /** The holiday file {@link #hours} was built from, to tell whether the store holds another. */
    private byte[] holidayData;

    /** Stored holiday data that did not parse, so that it is reported once, not at every refresh. */
    private byte[] rejectedHolidayData;

    /** A calendar without administrator-added closures, for tests and tools. */
    public CityBusinessCalendar(CalendarProperties settings, HolidayDataStore store) {
        this(settings, store, new InMemoryClosureStore());
    }

    public CityBusinessCalendar(CalendarProperties settings, HolidayDataStore store, ClosureStore closures) {
        this(settings, store, closures, Clock.systemUTC());
    }

    public CityBusinessCalendar(CalendarProperties settings, HolidayDataStore store, ClosureStore closures,
            Clock clock) {
        this(settings, store, closures, clock, event -> { });
    }

    @Autowired
    public CityBusinessCalendar(CalendarProperties settings, HolidayDataStore store, ClosureStore closures,
            Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.settings = settings;
        this.store = store;
        this.closures = closures;
        this.clock = clock;
        this.holidayData = store.load();
        this.hours = new OpeningHours(settings, HolidayCsvParser.parse(holidayData), closures.dates());
        log.info("Holiday data covers {} to {}", hours.holidays().coveredFrom(), hours.holidays().coveredUntil());
    }

    @Override
    public boolean isOpen(Instant at) {
        return hours.isOpen(at);
    }

    @Override
    public Instant nextOpening(Instant at) {
        return hours.nextOpening(at);
    }

    @Override
    public Instant due(Instant from, SlaDuration duration, CalendarKind kind) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(duration, "duration");
        if (Objects.requireNonNull(kind, "kind") == CalendarKind.CONTINUOUS) {
            return from.plus(duration.wallClockLength());
        }
        OpeningHours current = hours;
        return duration.isWholeDays()
                ? current.plusBusinessDays(from, duration.days())
                : current.addOpenTime(from, duration.time());
    }

    @Override
    public Instant due(Instant from, String isoDuration, CalendarKind kind) {
        return due(from, SlaDuration.parse(isoDuration), kind);
    }

    @Override
    public Duration openTimeBetween(Instant from, Instant to) {
        return hours.openTimeBetween(from, to);
    }

    @Override
    public Instant addOpenTime(Instant from, Duration openTime) {
        return hours.addOpenTime(from, openTime);
    }

    @Override
    public Instant moveDueLater(Instant due, Duration openTime) {
        OpeningHours current = hours;
        return current.keepingOpening(due, current.isOpening(due), current.addOpenTime(due, openTime));
    }

    @Override
    public LocalDate holidayDataCoversUntil() {
        return hours.holidays().coveredUntil();
    }

    @Override
    public Optional<String> holidayName(LocalDate date) {
        return hours.holidays().nameOf(date);
    }

    @Override
    public boolean holidayDataRunsOutWithin(LocalDate today, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days cannot be negative: " + days);
        }
        return today.plusDays(days).isAfter(holidayDataCoversUntil());
    }

    @Override
    public int replaceHolidayData(byte[] shiftJisCsv) {
        forgetIfRolledBack();
        OpeningDaysChanged change;
        HolidayTable replacement;
        synchronized (this) {
            replacement = HolidayCsvParser.parse(shiftJisCsv);
            LocalDate currentEnd = holidayDataCoversUntil();
            if (replacement.coveredUntil().isBefore(currentEnd)) {
                // Most likely last year's file by mistake; it would make due times in the lost year fail.
                throw new InvalidHolidayDataException(0, InvalidHolidayDataException.Problem.ENDS_TOO_EARLY,
                        replacement.coveredUntil(), currentEnd);
            }
            LocalDate startOfThisYear = LocalDate.now(clock.withZone(settings.zone())).withDayOfYear(1);
            if (replacement.coveredFrom().isAfter(startOfThisYear)) {
                // Only next year's holidays: every due time from now until then would fail.
                throw new InvalidHolidayDataException(0, InvalidHolidayDataException.Problem.STARTS_TOO_LATE,
                        replacement.coveredFrom(), startOfThisYear);
            }
            store.save(shiftJisCsv);
            OpeningHours before = hours;
            CalendarDays daysBefore = days();
            holidayData = shiftJisCsv.clone();
            hours = new OpeningHours(settings, replacement, closures.dates());
            change = changed(before, daysBefore, Map.of("what", "holiday data replaced",
                    "coveredUntil", replacement.coveredUntil().toString()));
        }
        log.info("Holiday data replaced: it now covers {} to {}", replacement.coveredFrom(),
                replacement.coveredUntil());
        events.publishEvent(new HolidayDataReplaced(replacement.coveredUntil()));
        events.publishEvent(change);
        return change.issuesToMove();
    }

    @Override
    public List<Closure> addedClosures() {
        return closures.all();
    }

    /** Published outside the lock: the listener reads the open issues, which needs no calendar lock. */
    @Override
    public ClosureAdded addClosure(LocalDate date, String reason, String addedBy) {
        forgetIfRolledBack();
        Optional<String> previousReason;
        OpeningDaysChanged change;
        synchronized (this) {
            // The stored closures, not this node's copy, which may be a minute behind another node's change.
            Set<LocalDate> stored = closures.dates();
            OpeningHours before = new OpeningHours(settings, hours.holidays(), stored);
            CalendarDays daysBefore = new CalendarDays(stored, holidayData);
            previousReason = closures.add(date, reason, addedBy);
            hours = new OpeningHours(settings, hours.holidays(), closures.dates());
            change = changed(before, daysBefore, Map.of("what", "closure added", "date", date.toString()));
        }
        if (previousReason.isEmpty()) {
            events.publishEvent(change);
        }
        return new ClosureAdded(previousReason, change.issuesToMove());
    }

    @Override
    public OptionalInt removeClosure(LocalDate date) {
        forgetIfRolledBack();
        boolean removed;
        OpeningDaysChanged change;
        synchronized (this) {
            Set<LocalDate> stored = closures.dates();
            OpeningHours before = new OpeningHours(settings, hours.holidays(), stored);
            CalendarDays daysBefore = new CalendarDays(stored, holidayData);
            removed = closures.remove(date);
            hours = new OpeningHours(settings, hours.holidays(), closures.dates());
            change = changed(before, daysBefore, Map.of("what", "closure removed", "date", date.toString()));
        }
        if (!removed) {
            return OptionalInt.empty();
        }
        events.publishEvent(change);
        return OptionalInt.of(change.issuesToMove());
    }

    @Override
    public DueTimeShift shiftBetween(CalendarDays before, CalendarDays after) {
        return new OpeningTimeShift(openingHours(before), openingHours(after));
    }

    private OpeningHours openingHours(CalendarDays days) {
        return new OpeningHours(settings, HolidayCsvParser.parse(days.holidayData()), days.closures());
    }

    /** The holiday file the calendar computes with now, as stored. */
    synchronized byte[] holidayDataInUse() {
        return holidayData.clone();
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
     * moves; if that transaction rolls back, this node's memory is read again from the database, which kept the old.
     */
    private void forgetIfRolledBack() {
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
     * changed them: this node reads them again every {@code tsunagu.calendar.refresh} (a minute) and uses them if
     * they differ. Data that no longer parses is logged and the current data kept.
     */
    @Scheduled(fixedDelayString = "${tsunagu.calendar.refresh:PT1M}",
            initialDelayString = "${tsunagu.calendar.refresh:PT1M}")
    public synchronized void refresh() {
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
