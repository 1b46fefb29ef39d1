package jp.tsunagu.sla.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.OptionalInt;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.common.web.ItemList;
import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.CalendarAdministration;
import jp.tsunagu.sla.InvalidHolidayDataException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's view of the calendar: how far the holiday data reaches, a warning 90 days before it runs out,
 * loading next year's file from the Cabinet Office (Shift_JIS CSV, sent as the request body), and one-off closure days.
 * Every change goes through {@link CalendarAdministration}, as the page's do, and is audited there.
 */
@RestController
@RequestMapping("/api/admin/calendar")
class CalendarAdminController {

    static final int WARNING_DAYS = 90;
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");

    private final BusinessCalendar calendar;
    private final CalendarAdministration administration;
    private final Clock clock;

    CalendarAdminController(BusinessCalendar calendar, CalendarAdministration administration, Clock clock) {
        this.calendar = calendar;
        this.administration = administration;
        this.clock = clock;
    }

    @GetMapping
    HolidayDataStatus status() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CITY_ZONE);
        return new HolidayDataStatus(calendar.holidayDataCoversUntil(),
                calendar.holidayDataRunsOutWithin(today, WARNING_DAYS));
    }

    @PutMapping("/holidays")
    HolidayDataReplaced replaceHolidays(@RequestBody byte[] shiftJisCsv) {
        int issuesToMove;
        try {
            issuesToMove = administration.replaceHolidayData(shiftJisCsv);
        } catch (InvalidHolidayDataException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
        HolidayDataStatus status = status();
        return new HolidayDataReplaced(status.coversUntil(), status.runsOutWithin90Days(),
                new MovingDueTimes(issuesToMove));
    }

    @GetMapping("/closures")
    ItemList<BusinessCalendar.Closure> closures() {
        return ItemList.of(calendar.addedClosures());
    }

    @GetMapping("/closures/{date}")
    BusinessCalendar.Closure closure(@PathVariable LocalDate date) {
        return calendar.addedClosures().stream().filter(closure -> closure.date().equals(date)).findFirst()
                .orElseThrow(() -> notAClosure(date));
    }

    @ApiResponse(responseCode = "201",
            description = "Added; Location names it; the open issues it touches are being moved")
    @ApiResponse(responseCode = "200", description = "The date was a closure already; its reason is as sent")
    @PostMapping("/closures")
    ResponseEntity<ClosureChanged> addClosure(@RequestBody BusinessCalendar.Closure closure) {
        String admin = SecurityContextHolder.getContext().getAuthentication().getName();
        CalendarAdministration.ClosureSaved saved = administration.addClosure(closure.date(), closure.reason(), admin);
        ClosureChanged answer =
                new ClosureChanged(closure.date(), saved.reason(), new MovingDueTimes(saved.issuesToMove()));
        // 201 for a new closure; 200 when the date was one already (its reason changed, or nothing did).
        return saved.isNew()
                ? ResponseEntity.created(URI.create("/api/admin/calendar/closures/" + closure.date())).body(answer)
                : ResponseEntity.ok(answer);
    }

    @ApiResponse(responseCode = "200", description = "Removed; the open issues it touches are being moved")
    @DeleteMapping("/closures/{date}")
    ClosureChanged removeClosure(@PathVariable LocalDate date) {
        OptionalInt issuesToMove = administration.removeClosure(date);
        if (issuesToMove.isEmpty()) {
            throw notAClosure(date);
        }
        return new ClosureChanged(date, null, new MovingDueTimes(issuesToMove.getAsInt()));
    }

    private static NotFoundException notAClosure(LocalDate date) {
        return new NotFoundException(date + " is not a closure day");
    }

    record HolidayDataStatus(LocalDate coversUntil, boolean runsOutWithin90Days) {
    }

    record HolidayDataReplaced(LocalDate coversUntil, boolean runsOutWithin90Days, MovingDueTimes movingDueTimes) {
    }

    /** A closure as it is now (no reason once removed), and the open issues whose due times the change moves. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClosureChanged(LocalDate date, String reason, MovingDueTimes movingDueTimes) {
    }

    /**
     * @param issues     how many open issues' due times are being moved, in the background (seconds to a minute)
     * @param auditTrail where each moved issue shows, as {@code SLA_TARGETS_MOVED}
     */
    record MovingDueTimes(int issues, String auditTrail) {

        MovingDueTimes(int issues) {
            this(issues, "/api/audit/events?action=SLA_TARGETS_MOVED");
        }
    }
}
