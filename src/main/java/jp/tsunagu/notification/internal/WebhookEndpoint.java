package jp.tsunagu.notification.internal;

import java.time.Instant;
import java.util.Set;

import jp.tsunagu.issue.Level;
import jp.tsunagu.notification.NotificationEvent;

/** A chat tool's endpoint for the issues of one section or one department. */
public record WebhookEndpoint(String id, Scope scope, String scopeCode, String url, String secret,
        Set<NotificationEvent> events, boolean enabled, Instant createdAt, String createdBy) {

    public enum Scope {
        SECTION, DEPARTMENT
    }

    /**
     * Whether this endpoint hears of {@code event} about an issue of the section and department, at {@code level}. A
     * department's endpoint hears only of issues shared with the department (部内共有, DEPARTMENT and above): what
     * stays in the owning section is not the department's to read (need to know).
     */
    boolean wants(NotificationEvent event, String sectionCode, String departmentCode, Level level) {
        boolean inScope = scope == Scope.SECTION ? scopeCode.equals(sectionCode)
                : scopeCode.equals(departmentCode) && level.compareTo(Level.DEPARTMENT) >= 0;
        return enabled && inScope && events.contains(event);
    }
}
