package jp.tsunagu.notification.internal;

import static jp.tsunagu.notification.Webhooks.EVENTS_REQUIRED;
import static jp.tsunagu.notification.Webhooks.SCOPE_CODE_UNKNOWN;
import static jp.tsunagu.notification.Webhooks.SCOPE_UNKNOWN;
import static jp.tsunagu.notification.Webhooks.SECRET_LENGTH;
import static jp.tsunagu.notification.Webhooks.URL_INVALID;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.notification.NotificationEvent;
import jp.tsunagu.notification.Webhooks.Registration;
import jp.tsunagu.org.Organisation;

/** An administrator's webhook registration as sent: every wrong field is named at once. */
final class WebhookRegistrationCheck {

    private WebhookRegistrationCheck() {
    }

    /** @throws InvalidInputException naming every field that is wrong */
    static WebhookEndpoint.Scope scopeOf(Registration registration, Organisation organisation) {
        List<FieldProblem> problems = new ArrayList<>();
        WebhookEndpoint.Scope scope = null;
        try {
            scope = WebhookEndpoint.Scope.valueOf(String.valueOf(registration.scope()));
        } catch (IllegalArgumentException unknown) {
            problems.add(new FieldProblem("scope", SCOPE_UNKNOWN));
        }
        if (scope == WebhookEndpoint.Scope.SECTION && organisation.findSection(registration.scopeCode()).isEmpty()
                || scope == WebhookEndpoint.Scope.DEPARTMENT
                        && organisation.findDepartment(registration.scopeCode()).isEmpty()) {
            problems.add(new FieldProblem("scopeCode", SCOPE_CODE_UNKNOWN));
        }
        if (!isHttpUrl(registration.url())) {
            problems.add(new FieldProblem("url", URL_INVALID));
        }
        if (!namesEvents(registration.events())) {
            problems.add(new FieldProblem("events", EVENTS_REQUIRED));
        }
        if (registration.secret() != null && !registration.secret().isBlank()
                && (registration.secret().length() < 16 || registration.secret().length() > 200)) {
            problems.add(new FieldProblem("secret", SECRET_LENGTH));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return scope;
    }

    /** At least one event, and no null (a JSON {@code [null]}). */
    static boolean namesEvents(Set<NotificationEvent> events) {
        return events != null && !events.isEmpty() && events.stream().noneMatch(Objects::isNull);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return url.length() <= 2000 && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
