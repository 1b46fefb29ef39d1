package jp.tsunagu.audit.web;

import java.time.OffsetDateTime;
import java.util.Map;

import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.common.web.PageDates;

/**
 * One line of the search table, with the time in Tokyo. The issue is named by the number people know it by; an id
 * that names no issue (one someone tried to open) is shortened instead.
 */
record AuditEventRow(long seq, OffsetDateTime at, String actor, String action, String issueId, String issueLabel,
        String details) {

    static final int SHORT_ID = 8;

    static AuditEventRow of(AuditEvent event, Map<String, String> numbers) {
        return new AuditEventRow(event.seq(), event.occurredAt().atZone(PageDates.CITY_ZONE).toOffsetDateTime(),
                event.actor(), event.action(), event.issueId(), label(event.issueId(), numbers), event.details());
    }

    private static String label(String issueId, Map<String, String> numbers) {
        if (issueId == null) {
            return null;
        }
        String number = numbers.get(issueId);
        if (number != null) {
            return number;
        }
        return issueId.length() <= SHORT_ID ? issueId : issueId.substring(0, SHORT_ID) + "…";
    }
}
