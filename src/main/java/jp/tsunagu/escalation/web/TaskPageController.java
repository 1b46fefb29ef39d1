package jp.tsunagu.escalation.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
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
    private final Clock clock;

    TaskPageController(EscalationService escalation, CurrentUser currentUser, Organisation organisation,
            Clock clock) {
        this.escalation = escalation;
        this.currentUser = currentUser;
        this.organisation = organisation;
        this.clock = clock;
    }

    @GetMapping("/tasks")
    String tasks(TaskFilter filter, Model model, Locale locale) {
        Person me = currentUser.require();
        List<TaskRow> all = rows(me, locale);
        model.addAttribute("sections", all.stream()
                .map(row -> new SectionOption(row.task().issue().sectionCode(), row.sectionName()))
                .distinct().toList());
        model.addAttribute("levels", Level.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("kinds", TaskKind.values());
        return fill(filter, model, me, all, "tasks");
    }

    @GetMapping("/tasks/rows")
    String taskRows(TaskFilter filter, Model model, Locale locale) {
        Person me = currentUser.require();
        return fill(filter, model, me, rows(me, locale), "tasks :: rows");
    }

    /**
     * The filters work on the first {@link EscalationService#TASK_LIST_LIMIT} tasks only; when the list is that long,
     * the true total is counted, so that the caption never understates it.
     */
    private String fill(TaskFilter filter, Model model, Person me, List<TaskRow> all, String view) {
        Instant now = clock.instant();
        model.addAttribute("filter", filter);
        model.addAttribute("rows", filter.apply(all, now));
        model.addAttribute("loadedCount", all.size());
        model.addAttribute("totalCount",
                all.size() < EscalationService.TASK_LIST_LIMIT ? all.size() : escalation.openTaskCount(me));
        model.addAttribute("refreshedAt", now.atZone(jp.tsunagu.common.web.PageDates.CITY_ZONE).toOffsetDateTime());
        model.addAttribute("pollUrl", "/tasks/rows" + filter.query());
        return view;
    }

    private List<TaskRow> rows(Person me, Locale locale) {
        Instant now = clock.instant();
        return escalation.openTasks(me).stream()
                .map(task -> row(task, now, locale))
                .toList();
    }

    /**
     * The time left comes with the task, on the issue's own clock and standing still while the issue is paused (保留):
     * a paused task is never overdue.
     */
    private TaskRow row(TaskView task, Instant now, Locale locale) {
        boolean paused = task.issue().status() == IssueStatus.PAUSED;
        boolean pastDue = !paused && task.due() != null && !now.isBefore(task.due().toInstant());
        return new TaskRow(task, SectionNames.of(organisation, task.issue().sectionCode(), locale), task.remaining(),
                TaskRow.Urgency.of(task.remaining(), pastDue, paused));
    }

    public record SectionOption(String code, String name) {
    }
}
