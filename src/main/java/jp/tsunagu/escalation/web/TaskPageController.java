package jp.tsunagu.escalation.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.HolidayDataNotCoveredException;
import jp.tsunagu.sla.SlaClock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * タスク一覧: the caller's open tasks through the same {@link EscalationService} as {@code GET /api/tasks}. The page
 * polls {@code /tasks/rows} with htmx to stay current without a reload.
 */
@Controller
@WebPage
class TaskPageController {

    private final EscalationService escalation;
    private final CurrentUser currentUser;
    private final Organisation organisation;
    private final SlaClock slaClock;
    private final Clock clock;

    TaskPageController(EscalationService escalation, CurrentUser currentUser, Organisation organisation,
            SlaClock slaClock, Clock clock) {
        this.escalation = escalation;
        this.currentUser = currentUser;
        this.organisation = organisation;
        this.slaClock = slaClock;
        this.clock = clock;
    }

    @GetMapping("/tasks")
    String tasks(TaskFilter filter, Model model, Locale locale) {
        List<TaskRow> all = rows(locale);
        model.addAttribute("sections", all.stream()
                .map(row -> new SectionOption(row.task().issue().sectionCode(), row.sectionName()))
                .distinct().toList());
        model.addAttribute("levels", Level.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("kinds", TaskKind.values());
        return fill(filter, model, all, "tasks");
    }

    @GetMapping("/tasks/rows")
    String taskRows(TaskFilter filter, Model model, Locale locale) {
        return fill(filter, model, rows(locale), "tasks :: rows");
    }

    private String fill(TaskFilter filter, Model model, List<TaskRow> all, String view) {
        Instant now = clock.instant();
        model.addAttribute("filter", filter);
        model.addAttribute("rows", filter.apply(all, now));
        model.addAttribute("totalCount", all.size());
        model.addAttribute("refreshedAt", now.atZone(jp.tsunagu.common.web.PageDates.CITY_ZONE).toOffsetDateTime());
        model.addAttribute("pollUrl", "/tasks/rows" + filter.query());
        return view;
    }

    private List<TaskRow> rows(Locale locale) {
        Instant now = clock.instant();
        return escalation.openTasks(currentUser.require()).stream()
                .map(task -> row(task, now, locale))
                .toList();
    }

    private TaskRow row(TaskView task, Instant now, Locale locale) {
        Duration remaining = task.due() == null ? null : remaining(task, now);
        boolean pastDue = task.due() != null && !now.isBefore(task.due().toInstant());
        return new TaskRow(task, SectionNames.of(organisation, task.issue().sectionCode(), locale), remaining,
                TaskRow.Urgency.of(remaining, pastDue));
    }

    /** Business time left for the business clock; CRITICAL issues run on the continuous clock by policy. */
    private Duration remaining(TaskView task, Instant now) {
        Instant due = task.due().toInstant();
        CalendarKind kind = task.issue().severity() == Severity.CRITICAL ? CalendarKind.CONTINUOUS : CalendarKind.BUSINESS;
        try {
            return slaClock.remaining(now, due, kind);
        } catch (HolidayDataNotCoveredException | IllegalArgumentException e) {
            return Duration.between(now, due);
        }
    }

    public record SectionOption(String code, String name) {
    }
}
