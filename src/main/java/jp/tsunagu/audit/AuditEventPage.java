package jp.tsunagu.audit;

import java.util.List;

/** One page of a search, oldest first, and how many events match in all. */
public record AuditEventPage(List<AuditEvent> items, long total) {
}
