package jp.tsunagu.escalation.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jp.tsunagu.issue.HistoryEntry;

/**
 * One line of the issue's timeline: who did what, the words they gave (comment, reason, resolution) and, for a reveal
 * of the personal details, its purpose. The purpose is in the entry only when {@code IssueComments.history} kept it
 * for this reader, so the page shows it to exactly those the API shows it to.
 */
public record TimelineEntry(OffsetDateTime at, String actorName, String action, String level, String text,
        String purpose) {

    private static final List<String> TEXT_DETAILS = List.of("text", "reason", "comment", "resolution");

    static TimelineEntry of(HistoryEntry entry, String actorName) {
        Map<String, Object> details = entry.details() == null ? Map.of() : entry.details();
        String text = TEXT_DETAILS.stream()
                .map(details::get)
                .map(TimelineEntry::nonBlank)
                .filter(value -> value != null)
                .findFirst().orElse(null);
        Object level = details.get("level");
        return new TimelineEntry(entry.at(), actorName, entry.action(), level == null ? null : level.toString(), text,
                nonBlank(details.get("purpose")));
    }

    private static String nonBlank(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
