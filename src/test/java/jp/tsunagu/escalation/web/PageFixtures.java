package jp.tsunagu.escalation.web;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static jp.tsunagu.testsupport.DemoPeople.SUZUKI;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.issue.SlaView;
import jp.tsunagu.org.Section;

/** People, sections, tasks and issues for the page slices of the escalation module. */
final class PageFixtures {

    static final Section SHIMIN = new Section("shimin-ka", "shimin-seikatsu", "市民課", "Citizens Section");
    static final Section HOKEN = new Section("hoken-nenkin", "shimin-seikatsu", "保険年金課", "Insurance and Pension Section");
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T10:30:00+09:00");

    private PageFixtures() {
    }

    static TaskView task(String issueId, TaskKind kind, Level level, Severity severity, String section,
            OffsetDateTime due) {
        return task(issueId, kind, level, severity, section, due, IssueStatus.OPEN);
    }

    /** The time left as the service computes it, here on the wall clock from {@link #NOW}. */
    static TaskView task(String issueId, TaskKind kind, Level level, Severity severity, String section,
            OffsetDateTime due, IssueStatus status) {
        return new TaskView("task-" + issueId + "-" + kind, kind, level, due, Duration.between(NOW, due),
                new TaskView.IssueRef(issueId, "2026-0000" + issueId, "件名" + issueId, severity, status, section));
    }

    static IssueView issue(String id, IssueStatus status, Level level) {
        return issue(id, status, level,
                new SlaView("business", NOW.plusHours(8), NOW.plusDays(5), false, false, status == IssueStatus.PAUSED));
    }

    static IssueView issue(String id, IssueStatus status, Level level, SlaView sla) {
        return new IssueView(id, "2026-000001", "窓口の混雑", "待ち時間が長い", Category.CITIZEN_SERVICE, Severity.MEDIUM,
                status, level, "shimin-ka", "shimin-seikatsu", List.of(), List.of(), sla,
                true, IssueView.MASK, null, null, NOW.minusHours(1), "sato");
    }
}
