package jp.tsunagu.notification.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jp.tsunagu.notification.NotificationEvent;
import jp.tsunagu.notification.Webhooks;
import jp.tsunagu.org.Department;
import jp.tsunagu.org.Section;

/** An endpoint as the webhook page lists it: its unit's names, and its address by scheme and host only. */
record WebhookEndpointRow(String id, String scope, String scopeCode, String unitNameJa, String unitNameEn,
        String shownAddress, List<NotificationEvent> events, boolean enabled, OffsetDateTime createdAt,
        String createdBy) {

    private record UnitNames(String ja, String en) {
    }

    static WebhookEndpointRow of(Webhooks.Endpoint endpoint, List<Department> departments, List<Section> sections) {
        UnitNames names = ("DEPARTMENT".equals(endpoint.scope())
                ? departments.stream().filter(d -> d.code().equals(endpoint.scopeCode()))
                        .map(d -> new UnitNames(d.nameJa(), d.nameEn()))
                : sections.stream().filter(s -> s.code().equals(endpoint.scopeCode()))
                        .map(s -> new UnitNames(s.nameJa(), s.nameEn())))
                .findFirst().orElse(new UnitNames(endpoint.scopeCode(), endpoint.scopeCode()));
        List<NotificationEvent> events = new ArrayList<>(endpoint.events());
        events.sort(null);
        return new WebhookEndpointRow(endpoint.id(), endpoint.scope(), endpoint.scopeCode(), names.ja(), names.en(),
                shownAddress(endpoint.url()), events, endpoint.enabled(), endpoint.createdAt(),
                endpoint.createdBy());
    }

    /** {@code https://chat.example/…}: where calls go, without the path that may hold the tool's token. */
    static String shownAddress(String url) {
        try {
            URI uri = URI.create(url);
            boolean hasMore = uri.getRawPath() != null && uri.getRawPath().length() > 1 || uri.getRawQuery() != null;
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (hasMore ? "/…" : "");
        } catch (RuntimeException malformed) {
            return "…";
        }
    }
}
