package jp.tsunagu.escalation.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jp.tsunagu.common.web.PageDates;
import jp.tsunagu.common.web.Pager;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * タスク一覧: the caller's open tasks through the same {@link EscalationService} as {@code GET /api/tasks}, filtered,
 * sorted and paged by the query, {@link #PAGE_SIZE} a page. The page polls {@code /tasks/rows} with htmx to stay
 * current without a reload.
 */
@Controller
@WebPage
class TaskPageController {

    static final int PAGE_SIZE = 50;

    private final EscalationService escalation;
    private final CurrentUser currentUser;
    private final Organisation organisation;
    private final Clock clock;
    private final Duration refreshInterval;

    TaskPageController(EscalationService escalation, CurrentUser currentUser, Organisation organisation,
            Clock clock, @Value("${tsunagu.tasks.refresh-interval:PT30S}") Duration refreshInterval) {
        this.escalation = escalation;
        this.currentUser = currentUser;
        this.organisation = organisation;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    @GetMapping("/tasks")
    String tasks(TaskFilter filter, Model model, Locale locale) {
        Person me = currentUser.require();
        model.addAttribute("sections", sections(me, filter, locale));
        model.addAttribute("levels", Level.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("kinds", TaskKind.values());
        return fill(filter, model, me, locale, "tasks");
    }

    @GetMapping("/tasks/rows")
    String taskRows(TaskFilter filter, Model model, Locale locale) {
        return fill(filter, model, currentUser.require(), locale, "tasks :: rows");
    }

    /**
     * The moment the rows are coloured by is read after the query, so that every task the overdue filter found (at the
     * query's moment) is shown as overdue.
     */
    private String fill(TaskFilter filter, Model model, Person me, Locale locale, String view) {
        TaskPage found = TaskPage.read(escalation, me, filter.toListFilter(), (long) filter.page() * PAGE_SIZE,
                PAGE_SIZE);
        Instant now = clock.instant();
        model.addAttribute("filter", filter);
        model.addAttribute("rows", found.items().stream().map(task -> row(task, now, locale)).toList());
        model.addAttribute("pager", Pager.of(filter.page(), PAGE_SIZE, found.items().size(), found.total(),
                page -> "/tasks" + filter.onPage(page).query()));
        model.addAttribute("refreshedAt", now.atZone(PageDates.CITY_ZONE).toOffsetDateTime());
        model.addAttribute("pollUrl", "/tasks/rows" + filter.query());
        model.addAttribute("pollTrigger", "every " + Math.max(1, refreshInterval.toSeconds()) + "s");
        return view;
    }

    /**
     * Every section the caller has an open task in; a section asked for that is not among them (an old bookmark) is
     * offered too, so that the form shows the filter that is in force.
     */
    private List<SectionOption> sections(Person me, TaskFilter filter, Locale locale) {
        List<String> codes = escalation.openTaskSections(me);
        return Stream.concat(codes.stream(), Stream.ofNullable(filter.section()).filter(code -> !codes.contains(code)))
                .map(code -> new SectionOption(code, SectionNames.of(organisation, code, locale)))
                .toList();
    }

    /**
     * The time left comes with the task, on the issue's own clock and standing still while the issue is paused (保留):
     * a paused task is never overdue.
     */
    private TaskRow row(TaskView task, Instant now, Locale locale) {
        boolean paused = task.issue().status() == IssueStatus.PAUSED;
        return new TaskRow(task, SectionNames.of(organisation, task.issue().sectionCode(), locale), task.remaining(),
                TaskRow.Urgency.of(task.remaining(), task.overdueAt(now), paused));
    }

    public record SectionOption(String code, String name) {
    }
}
