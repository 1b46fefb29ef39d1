package jp.tsunagu.sla.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.CalendarDays;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.DueTimeShift;
import jp.tsunagu.sla.HolidayDataReplaced;
import jp.tsunagu.sla.OpeningDaysChanged;
import jp.tsunagu.sla.SlaDuration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The city hall's calendar: the configured opening hours and closures, and the holiday data from the store. It
 * answers on the data in use on this node ({@link CalendarDataInUse}) and tells the application when a change moves
 * the opening days.
 */
@Component
public class CityBusinessCalendar implements BusinessCalendar {

    private final CalendarProperties settings;

    private final CalendarDataInUse data;

    private final ApplicationEventPublisher events;

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
        this.settings = settings;
        this.data = new CalendarDataInUse(settings, store, closures, clock);
        this.events = events;
    }

    @Override
    public boolean isOpen(Instant at) {
        return data.hours().isOpen(at);
    }

    @Override
    public Instant nextOpening(Instant at) {
        return data.hours().nextOpening(at);
    }

    @Override
    public Instant due(Instant from, SlaDuration duration, CalendarKind kind) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(duration, "duration");
        if (Objects.requireNonNull(kind, "kind") == CalendarKind.CONTINUOUS) {
            return from.plus(duration.wallClockLength());
        }
        OpeningHours current = data.hours();
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
        return data.hours().openTimeBetween(from, to);
    }

    @Override
    public Instant addOpenTime(Instant from, Duration openTime) {
        return data.hours().addOpenTime(from, openTime);
    }

    @Override
    public Instant moveDueLater(Instant due, Duration openTime) {
        OpeningHours current = data.hours();
        return current.keepingOpening(due, current.isOpening(due), current.addOpenTime(due, openTime));
    }

    @Override
    public LocalDate holidayDataCoversUntil() {
        return data.hours().holidays().coveredUntil();
    }

    @Override
    public Optional<String> holidayName(LocalDate date) {
        return data.hours().holidays().nameOf(date);
    }

    @Override
    public boolean isClosedOn(LocalDate date) {
        return !data.hours().isBusinessDay(date);
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
        CalendarDataInUse.Changed<HolidayTable> replaced = data.replaceHolidayData(shiftJisCsv);
        events.publishEvent(new HolidayDataReplaced(replaced.outcome().coveredUntil()));
        events.publishEvent(replaced.openingDays());
        return replaced.openingDays().issuesToMove();
    }

    @Override
    public List<Closure> addedClosures() {
        return data.addedClosures();
    }

    /** Published outside the data's lock: the listener reads the open issues, which needs no calendar lock. */
    @Override
    public ClosureAdded addClosure(LocalDate date, String reason, String addedBy) {
        CalendarDataInUse.Changed<Optional<String>> added = data.addClosure(date, reason, addedBy);
        if (added.outcome().isEmpty()) {
            events.publishEvent(added.openingDays());
        }
        return new ClosureAdded(added.outcome(), added.openingDays().issuesToMove());
    }

    @Override
    public OptionalInt removeClosure(LocalDate date) {
        CalendarDataInUse.Changed<Boolean> removed = data.removeClosure(date);
        if (!removed.outcome()) {
            return OptionalInt.empty();
        }
        events.publishEvent(removed.openingDays());
        return OptionalInt.of(removed.openingDays().issuesToMove());
    }

    @Override
    public DueTimeShift shiftBetween(CalendarDays before, CalendarDays after) {
        return OpeningTimeShift.between(settings, before, after);
    }

    /** The holiday file the calendar computes with now, as stored. */
    byte[] holidayDataInUse() {
        return data.holidayDataInUse();
    }

    /** @see CalendarDataInUse#changedSince */
    OpeningDaysChanged changedSince(byte[] earlierHolidayData, Map<String, String> reason) {
        return data.changedSince(earlierHolidayData, reason);
    }

    /** Another node's changes arrive here every {@code tsunagu.calendar.refresh} (a minute). */
    @Scheduled(fixedDelayString = "${tsunagu.calendar.refresh:PT1M}",
            initialDelayString = "${tsunagu.calendar.refresh:PT1M}")
    public void refresh() {
        data.refresh();
    }
}
