package jp.tsunagu.escalation.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;

/**
 * The task list's filters, sort order and whether it refreshes by itself ({@code refresh=off} stops it, WCAG 2.2.2),
 * all from the URL so that a view can be bookmarked.
 */
public record TaskFilter(Level level, Severity severity, String section, Boolean overdue, String sort, TaskKind kind,
        String refresh) {

    static final String SORT_DUE_DESC = "due-desc";

    boolean matches(TaskRow row, Instant now) {
        var task = row.task();
        return (level == null || task.level() == level)
                && (severity == null || task.issue().severity() == severity)
                && (section == null || section.isBlank() || section.equals(task.issue().sectionCode()))
                && (kind == null || task.kind() == kind)
                && (!Boolean.TRUE.equals(overdue) || row.urgency() == TaskRow.Urgency.OVERDUE);
    }

    List<TaskRow> apply(List<TaskRow> rows, Instant now) {
        Comparator<TaskRow> byDue = Comparator.comparing(row -> row.task().due(),
                Comparator.nullsLast(Comparator.naturalOrder()));
        return rows.stream()
                .filter(row -> matches(row, now))
                .sorted(SORT_DUE_DESC.equals(sort) ? byDue.reversed() : byDue)
                .toList();
    }

    public boolean refreshing() {
        return !"off".equals(refresh);
    }

    /** The query string of this view with the automatic refresh switched the other way. */
    public String toggledRefreshQuery() {
        return new TaskFilter(level, severity, section, overdue, sort, kind, refreshing() ? "off" : null).query();
    }

    /** The query string that reproduces this view, for the polling fragment. */
    String query() {
        StringBuilder query = new StringBuilder();
        append(query, "level", level);
        append(query, "severity", severity);
        append(query, "section", section == null || section.isBlank() ? null : section);
        append(query, "overdue", Boolean.TRUE.equals(overdue) ? "true" : null);
        append(query, "sort", sort == null || sort.isBlank() ? null : sort);
        append(query, "kind", kind);
        append(query, "refresh", refreshing() ? null : "off");
        return query.toString();
    }

    private static void append(StringBuilder query, String name, Object value) {
        if (value != null) {
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
