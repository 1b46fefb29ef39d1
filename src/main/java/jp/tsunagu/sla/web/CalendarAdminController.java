package jp.tsunagu.sla.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.InvalidHolidayDataException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's view of the calendar: how far the holiday data reaches, a warning 90 days before it runs out,
 * and loading next year's file from the Cabinet Office (Shift_JIS CSV, sent as the request body).
 */
@RestController
@RequestMapping("/api/admin/calendar")
class CalendarAdminController {

    static final int WARNING_DAYS = 90;
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");

    private final BusinessCalendar calendar;
    private final AuditTrail auditTrail;
    private final Clock clock;

    CalendarAdminController(BusinessCalendar calendar, AuditTrail auditTrail, Clock clock) {
        this.calendar = calendar;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @GetMapping
    HolidayDataStatus status() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CITY_ZONE);
        return new HolidayDataStatus(calendar.holidayDataCoversUntil(),
                calendar.holidayDataRunsOutWithin(today, WARNING_DAYS));
    }

    @PutMapping("/holidays")
    HolidayDataStatus replaceHolidays(@RequestBody byte[] shiftJisCsv) {
        LocalDate before = calendar.holidayDataCoversUntil();
        try {
            calendar.replaceHolidayData(shiftJisCsv);
        } catch (InvalidHolidayDataException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", "holiday data",
                "coveredUntilBefore", before.toString(), "coveredUntil", calendar.holidayDataCoversUntil().toString()));
        return status();
    }

    record HolidayDataStatus(LocalDate coversUntil, boolean runsOutWithin90Days) {
    }
}
