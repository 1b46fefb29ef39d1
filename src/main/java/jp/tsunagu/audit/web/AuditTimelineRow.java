package jp.tsunagu.audit.web;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import jp.tsunagu.audit.TimelineEntry;
import jp.tsunagu.audit.TimelineSource;
import jp.tsunagu.common.web.PageDates;

/** One line of an issue's timeline, with its details as {@code key=value} text. */
record AuditTimelineRow(OffsetDateTime at, TimelineSource source, String what, String actor, String details) {

    static AuditTimelineRow of(TimelineEntry entry) {
        Map<String, Object> details = entry.details() == null ? Map.of() : entry.details();
        return new AuditTimelineRow(entry.at().atZone(PageDates.CITY_ZONE).toOffsetDateTime(), entry.source(),
                entry.what(), entry.actor(), details.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
    }
}
