package jp.tsunagu.notification.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.notification.NotificationEvent;
import jp.tsunagu.notification.Webhooks;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.OrganisationUnitRemoved;
import jp.tsunagu.org.Person;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcWebhooks implements Webhooks {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");
    private static final int FAILURE_LIST_LIMIT = 200;

    private final WebhookRepository webhooks;
    private final OutboxRepository outbox;
    private final Organisation organisation;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    JdbcWebhooks(WebhookRepository webhooks, OutboxRepository outbox, Organisation organisation, AuditTrail auditTrail,
            Clock clock) {
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.organisation = organisation;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Registered register(Registration registration, Person admin) {
        WebhookEndpoint.Scope scope = WebhookRegistrationCheck.scopeOf(registration, organisation);
        String secret = registration.secret() == null || registration.secret().isBlank() ? newSecret()
                : registration.secret();
        WebhookEndpoint endpoint = new WebhookEndpoint(UUID.randomUUID().toString(), scope, registration.scopeCode(),
                registration.url(), secret, EnumSet.copyOf(registration.events()), true, clock.instant(),
                admin.username());
        webhooks.insert(endpoint);
        auditTrail.record(admin.username(), AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", "webhook registered",
                "webhookId", endpoint.id(), "scope", scope.name(), "scopeCode", endpoint.scopeCode(),
                "host", host(endpoint), "events", names(endpoint.events())));
        return new Registered(view(endpoint), secret);
    }

    @Override
    @Transactional
    public Endpoint change(String id, Change change, Person admin) {
        WebhookEndpoint before = webhooks.find(id).orElseThrow(() -> new NotFoundException("no webhook " + id));
        if (change.events() != null && !WebhookRegistrationCheck.namesEvents(change.events())) {
            throw new InvalidInputException("events", EVENTS_REQUIRED);
        }
        boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
        Set<NotificationEvent> events = change.events() == null ? before.events() : EnumSet.copyOf(change.events());
        if (enabled == before.enabled() && events.equals(before.events())) {
            return view(before);
        }
        webhooks.update(id, enabled, events);
        Map<String, Object> details = new LinkedHashMap<>(Map.of("what", "webhook changed", "webhookId", id,
                "scope", before.scope().name(), "scopeCode", before.scopeCode(), "host", host(before),
                "before.enabled", before.enabled(), "enabled", enabled,
                "before.events", names(before.events()), "events", names(events)));
        if (before.enabled() && !enabled) {
            details.put("droppedCalls", outbox.dropQueuedWebhookCalls(id, "webhook switched off"));
        }
        auditTrail.record(admin.username(), AuditAction.ADMINISTRATION_CHANGED, null, details);
        return view(new WebhookEndpoint(id, before.scope(), before.scopeCode(), before.url(), before.secret(), events,
                enabled, before.createdAt(), before.createdBy()));
    }

    @Override
    @Transactional
    public void remove(String id, Person admin) {
        WebhookEndpoint endpoint = webhooks.find(id).orElseThrow(() -> new NotFoundException("no webhook " + id));
        remove(endpoint, admin.username(), "webhook removed");
    }

    /**
     * A removed department or section takes its endpoints with it, in the same transaction: they could never be
     * called again, and they would still hold an address and a secret. Audited as the administrator's removal.
     */
    @EventListener
    void unitRemoved(OrganisationUnitRemoved removed) {
        WebhookEndpoint.Scope scope = removed.kind() == OrganisationUnitRemoved.Kind.DEPARTMENT
                ? WebhookEndpoint.Scope.DEPARTMENT : WebhookEndpoint.Scope.SECTION;
        for (WebhookEndpoint endpoint : webhooks.of(scope, removed.code())) {
            remove(endpoint, null, "webhook removed with its " + scope.name().toLowerCase());
        }
    }

    /** {@code actor} null: the signed-in administrator. */
    private void remove(WebhookEndpoint endpoint, String actor, String what) {
        webhooks.delete(endpoint.id());
        int dropped = outbox.dropQueuedWebhookCalls(endpoint.id(), what);
        Map<String, Object> details = Map.of("what", what, "webhookId", endpoint.id(), "scope", endpoint.scope().name(),
                "scopeCode", endpoint.scopeCode(), "host", host(endpoint), "events", names(endpoint.events()),
                "droppedCalls", dropped);
        if (actor == null) {
            auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, details);
        } else {
            auditTrail.record(actor, AuditAction.ADMINISTRATION_CHANGED, null, details);
        }
    }

    /** Where issue data goes, by host only: a chat tool's address often carries its own secret in the path. */
    private static String host(WebhookEndpoint endpoint) {
        return String.valueOf(URI.create(endpoint.url()).getHost());
    }

    private static List<String> names(Set<NotificationEvent> events) {
        return events.stream().map(Enum::name).sorted().toList();
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public List<Endpoint> list() {
        return webhooks.all().stream().map(JdbcWebhooks::view).toList();
    }

    @Override
    public List<FailedDelivery> failures() {
        return outbox.failedWebhookDeliveries(FAILURE_LIST_LIMIT).stream()
                .map(f -> new FailedDelivery(f.id(), f.endpointId(), f.url(), f.event(), f.issueId(), f.key(),
                        f.attempts(), f.lastError(), f.createdAt().atZone(CITY_ZONE).toOffsetDateTime()))
                .toList();
    }

    private static Endpoint view(WebhookEndpoint endpoint) {
        return new Endpoint(endpoint.id(), endpoint.scope().name(), endpoint.scopeCode(), endpoint.url(),
                endpoint.events(), endpoint.enabled(), endpoint.createdAt().atZone(CITY_ZONE).toOffsetDateTime(),
                endpoint.createdBy());
    }
}
