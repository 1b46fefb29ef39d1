package jp.tsunagu.notification.internal;

import java.time.Instant;
import java.util.Set;

import jp.tsunagu.notification.NotificationEvent;

/** A chat tool's endpoint for the issues of one section or one department. */
public record WebhookEndpoint(String id, Scope scope, String scopeCode, String url, String secret,
        Set<NotificationEvent> events, boolean enabled, Instant createdAt, String createdBy) {

    public enum Scope {
        SECTION, DEPARTMENT
    }

    boolean wants(NotificationEvent event, String sectionCode, String departmentCode) {
        boolean inScope = scope == Scope.SECTION ? scopeCode.equals(sectionCode) : scopeCode.equals(departmentCode);
        return enabled && inScope && events.contains(event);
    }
}
