package jp.tsunagu.escalation.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskListFilter;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;

/**
 * The task list's filters, sort order, page (from 0) and whether it refreshes by itself ({@code refresh=off} stops
 * it, WCAG 2.2.2), all from the URL so that a view can be bookmarked, and kept by every link the page makes.
 */
public record TaskFilter(Level level, Severity severity, String section, Boolean overdue, TaskSort sort, TaskKind kind,
        String refresh, Integer page) {

    public TaskFilter {
        section = section == null || section.isBlank() ? null : section;
        page = page == null || page < 0 ? 0 : page;
    }

    TaskListFilter toListFilter() {
        return new TaskListFilter(kind, level, severity, section, Boolean.TRUE.equals(overdue), descending());
    }

    public boolean descending() {
        return sort == TaskSort.DUE_DESC;
    }

    public boolean refreshing() {
        return !"off".equals(refresh);
    }

    /** The query string of this view with the automatic refresh switched the other way. */
    public String toggledRefreshQuery() {
        return new TaskFilter(level, severity, section, overdue, sort, kind, refreshing() ? "off" : null, page).query();
    }

    /** The same view on another page. */
    TaskFilter onPage(int other) {
        return new TaskFilter(level, severity, section, overdue, sort, kind, refresh, other);
    }

    /** The query string that reproduces this view, for the polling fragment and the page links. */
    String query() {
        StringBuilder query = new StringBuilder();
        append(query, "level", level);
        append(query, "severity", severity);
        append(query, "section", section);
        append(query, "overdue", Boolean.TRUE.equals(overdue) ? "true" : null);
        append(query, "sort", sort);
        append(query, "kind", kind);
        append(query, "page", page > 0 ? page : null);
        append(query, "refresh", refreshing() ? null : "off");
        return query.toString();
    }

    private static void append(StringBuilder query, String name, Object value) {
        if (value != null) {
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }
}
