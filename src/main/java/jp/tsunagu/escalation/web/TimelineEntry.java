package jp.tsunagu.escalation.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jp.tsunagu.issue.HistoryEntry;

/** One line of the issue's timeline: who did what, and the words they gave (comment, reason, resolution). */
public record TimelineEntry(OffsetDateTime at, String actorName, String action, String level, String text) {

    private static final List<String> TEXT_DETAILS = List.of("text", "reason", "comment", "resolution");

    static TimelineEntry of(HistoryEntry entry, String actorName) {
        Map<String, Object> details = entry.details() == null ? Map.of() : entry.details();
        String text = TEXT_DETAILS.stream()
                .map(details::get)
                .filter(value -> value != null && !value.toString().isBlank())
                .map(Object::toString)
                .findFirst().orElse(null);
        Object level = details.get("level");
        return new TimelineEntry(entry.at(), actorName, entry.action(), level == null ? null : level.toString(), text);
    }
}
