package jp.tsunagu.audit.web;

import java.time.OffsetDateTime;

import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.common.web.PageDates;

/** One line of the search table, with the time in Tokyo. */
record AuditEventRow(long seq, OffsetDateTime at, String actor, String action, String issueId, String details) {

    static AuditEventRow of(AuditEvent event) {
        return new AuditEventRow(event.seq(), event.occurredAt().atZone(PageDates.CITY_ZONE).toOffsetDateTime(),
                event.actor(), event.action(), event.issueId(), event.details());
    }
}
