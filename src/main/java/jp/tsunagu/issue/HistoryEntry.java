package jp.tsunagu.issue;

import java.time.OffsetDateTime;
import java.util.Map;

/** One line of an issue's timeline, from its audit trail. */
public record HistoryEntry(long seq, OffsetDateTime at, String actor, String action, Map<String, Object> details) {
}
