package jp.tsunagu.sla.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.HolidayDataNotCoveredException;
import jp.tsunagu.sla.SlaDuration;
import jp.tsunagu.sla.internal.CalendarProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Answers "when is this due?" on the city's calendar, for the pages and for anyone planning a target. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final BusinessCalendar calendar;

    private final Clock clock;

    private final CalendarProperties settings;

    CalendarController(BusinessCalendar calendar, Clock clock, CalendarProperties settings) {
        this.calendar = calendar;
        this.clock = clock;
        this.settings = settings;
    }

    /** A due time with the city's offset, for example {@code 2026-11-24T10:30:00+09:00}. */
    record DueResponse(String due) {
    }

    @GetMapping("/due")
    DueResponse due(@RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "duration", required = false) String duration,
            @RequestParam(name = "calendar", defaultValue = "business") String calendarName) {
        Instant start = from == null || from.isBlank() ? clock.instant() : parseInstant(from);
        SlaDuration target = parseDuration(duration);
        CalendarKind kind = parseKind(calendarName);
        try {
            Instant due = calendar.due(start, target, kind);
            return new DueResponse(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(due.atZone(settings.zone())));
        }
        catch (HolidayDataNotCoveredException e) {
            boolean startUncovered = e.date().getYear() == start.atZone(settings.zone()).getYear();
            throw new InvalidInputException(startUncovered ? "from" : "duration", e.getMessage());
        }
    }

    private static Instant parseInstant(String text) {
        try {
            // An unencoded '+' in a query string arrives as a space; read it as the '+' the caller meant.
            return OffsetDateTime.parse(text.trim().replace(' ', '+')).toInstant();
        }
        catch (DateTimeException e) {
            throw new InvalidInputException("from",
                    "must be an ISO-8601 date-time with offset, for example 2026-11-24T10:30:00+09:00");
        }
    }

    private static SlaDuration parseDuration(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("duration", "is required, for example PT2H or P2D");
        }
        try {
            return SlaDuration.parse(text);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("duration", e.getMessage());
        }
    }

    private static CalendarKind parseKind(String text) {
        try {
            return CalendarKind.from(text);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("calendar", e.getMessage());
        }
    }
}
