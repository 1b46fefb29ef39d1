package jp.tsunagu.notification.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.tsunagu.notification.NotificationEvent;

/** The events ticked on the webhook page's forms, shared by registration and by changing an endpoint's events. */
final class WebhookEventChoice {

    private WebhookEventChoice() {
    }

    /**
     * Names the form does not offer are left out; none left (or no box ticked, null) is refused by the service as no
     * events.
     */
    static Set<NotificationEvent> of(List<String> names) {
        Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
        Arrays.stream(NotificationEvent.values()).filter(event -> names != null && names.contains(event.name()))
                .forEach(events::add);
        return events;
    }
}
