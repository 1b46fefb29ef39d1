package jp.tsunagu.sla.web;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalInt;

import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.web.PageDates;
import jp.tsunagu.common.web.PageErrors;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.CalendarAdministration;
import jp.tsunagu.sla.InvalidHolidayDataException;
import jp.tsunagu.sla.SlaPolicyTable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 管理: the holiday data (how far it reaches, the 90-day warning, loading the Cabinet Office's next file), one-off
 * closure days, and the SLA policy table, which the administrator may change per severity and restore. The same
 * calendar service as {@code /api/admin/calendar} ({@link CalendarAdministration}), which audits every change.
 */
@Controller
@WebPage
class CalendarPageController {

    /** Flash attribute: how many open issues' due times a change is moving in the background. */
    static final String MOVING_ISSUES = "movingIssues";

    /** The policy table's refusals, as message keys read in the reader's language. */
    private static final Map<String, String> SLA_ERROR_KEYS = Map.of(
            SlaPolicyTable.UNKNOWN_SEVERITY, "admin.sla.error.severity",
            SlaPolicyTable.UNKNOWN_CALENDAR, "admin.sla.error.calendar",
            SlaPolicyTable.BAD_DURATION, "admin.sla.error.duration",
            SlaPolicyTable.NOT_SHORTER, "admin.sla.error.notShorter",
            SlaPolicyTable.ZERO, "admin.sla.error.zero",
            SlaPolicyTable.TOO_LONG, "admin.sla.error.tooLong");

    /** The closure form's refusals, by field, as message keys. */
    private static final Map<String, String> CLOSURE_ERROR_KEYS = Map.of(
            CalendarAdministration.DATE_REQUIRED, "admin.closures.error.date",
            CalendarAdministration.REASON_LENGTH, "admin.closures.error.reason");

    private final BusinessCalendar calendar;
    private final CalendarAdministration administration;
    private final SlaPolicyTable policies;
    private final Clock clock;

    CalendarPageController(BusinessCalendar calendar, CalendarAdministration administration, SlaPolicyTable policies,
            Clock clock) {
        this.calendar = calendar;
        this.administration = administration;
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping("/admin/calendar")
    String calendar(Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), PageDates.CITY_ZONE);
        model.addAttribute("coversUntil", calendar.holidayDataCoversUntil());
        model.addAttribute("runsOutSoon",
                calendar.holidayDataRunsOutWithin(today, CalendarAdminController.WARNING_DAYS));
        model.addAttribute("warningDays", CalendarAdminController.WARNING_DAYS);
        model.addAttribute("closures", calendar.addedClosures());
        if (!model.containsAttribute("closureErrors")) {
            model.addAttribute("closureErrors", Map.of());
            model.addAttribute("closureValues", Map.of());
        }
        return "admin-calendar";
    }

    @GetMapping("/admin/sla")
    String slaPolicies(Model model) {
        model.addAttribute("policies", policies.rows());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("values", Map.of());
        }
        return "admin-sla";
    }

    /** A refused change comes back on the same page with its errors next to its fields (400); nothing changes. */
    @PostMapping("/admin/sla")
    String changeSlaPolicy(@RequestParam(defaultValue = "") String severity,
            @RequestParam(defaultValue = "") String calendar, @RequestParam(defaultValue = "") String acknowledge,
            @RequestParam(defaultValue = "") String resolve, Principal admin, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            policies.change(severity, calendar, acknowledge, resolve, admin.getName());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", PageErrors.fieldErrorKeys(e, SLA_ERROR_KEYS));
            model.addAttribute("values", Map.of("severity", severity, "calendar", calendar,
                    "acknowledge", acknowledge, "resolve", resolve));
            model.addAttribute(PageErrors.FLASH_ERROR, "admin.sla.error");
            return slaPolicies(model);
        }
        flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, "admin.sla.changed");
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/sla/{severity}/restore")
    String restoreSlaPolicy(@PathVariable String severity, RedirectAttributes flash) {
        try {
            policies.restoreDefault(severity);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "admin.sla.error.severity");
            return "redirect:/admin/sla";
        }
        flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, "admin.sla.restored");
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/calendar/holidays")
    String replaceHolidays(@RequestParam(required = false) MultipartFile file, RedirectAttributes flash)
            throws IOException {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "admin.holidays.error.noFile");
            return back();
        }
        int issuesToMove;
        try {
            issuesToMove = administration.replaceHolidayData(file.getBytes());
        } catch (InvalidHolidayDataException e) {
            flash.addFlashAttribute("holidayError", e.problem().name());
            flash.addFlashAttribute("holidayErrorArgs", e.args().toArray(String[]::new));
            flash.addFlashAttribute("holidayErrorLine", e.lineNumber());
            return back();
        }
        flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, "admin.holidays.done");
        flash.addFlashAttribute(MOVING_ISSUES, issuesToMove);
        return back();
    }

    @PostMapping("/admin/calendar/closures")
    String addClosure(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes flash,
            Principal admin) {
        // Asked before the closure is added, which closes the day itself.
        boolean closedAnyway = date != null && ClosureNotice.closedAnyway(calendar, date);
        CalendarAdministration.ClosureSaved saved;
        try {
            saved = administration.addClosure(date, reason, admin.getName());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "admin.closures.error.invalid");
            // The form comes back as it was typed, with the refused field marked: nothing is lost.
            flash.addFlashAttribute("closureValues",
                    Map.of("date", date == null ? "" : date.toString(), "reason", reason));
            flash.addFlashAttribute("closureErrors", PageErrors.fieldErrorKeys(e, CLOSURE_ERROR_KEYS));
            return back();
        }
        flash.addFlashAttribute(MOVING_ISSUES, saved.issuesToMove());
        boolean past = date.isBefore(LocalDate.ofInstant(clock.instant(), PageDates.CITY_ZONE));
        flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, ClosureNotice.successKey(saved, closedAnyway, past));
        return back();
    }

    @PostMapping("/admin/calendar/closures/{date}/remove")
    String removeClosure(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes flash) {
        OptionalInt issuesToMove = administration.removeClosure(date);
        if (issuesToMove.isEmpty()) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "admin.closures.error.notAClosure");
            return back();
        }
        flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, "admin.closures.removed");
        flash.addFlashAttribute(MOVING_ISSUES, issuesToMove.getAsInt());
        return back();
    }

    private static String back() {
        return "redirect:/admin/calendar";
    }
}
