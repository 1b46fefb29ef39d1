package jp.tsunagu.notification.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.notification.Webhooks;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
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
        WebhookEndpoint.Scope scope = check(registration);
        String secret = registration.secret() == null || registration.secret().isBlank() ? newSecret()
                : registration.secret();
        WebhookEndpoint endpoint = new WebhookEndpoint(UUID.randomUUID().toString(), scope, registration.scopeCode(),
                registration.url(), secret, EnumSet.copyOf(registration.events()), true, clock.instant(),
                admin.username());
        webhooks.insert(endpoint);
        // Where issue data will go, by host only: a chat tool's webhook address often carries its own secret in the path.
        auditTrail.record(admin.username(), AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", "webhook registered",
                "webhookId", endpoint.id(), "scope", scope.name(), "scopeCode", endpoint.scopeCode(),
                "host", String.valueOf(URI.create(endpoint.url()).getHost()),
                "events", endpoint.events().stream().map(Enum::name).sorted().toList()));
        return new Registered(view(endpoint), secret);
    }

    private WebhookEndpoint.Scope check(Registration registration) {
        List<FieldProblem> problems = new ArrayList<>();
        WebhookEndpoint.Scope scope = null;
        try {
            scope = WebhookEndpoint.Scope.valueOf(String.valueOf(registration.scope()));
        } catch (IllegalArgumentException unknown) {
            problems.add(new FieldProblem("scope", "must be SECTION or DEPARTMENT"));
        }
        if (scope == WebhookEndpoint.Scope.SECTION && organisation.findSection(registration.scopeCode()).isEmpty()
                || scope == WebhookEndpoint.Scope.DEPARTMENT
                        && organisation.findDepartment(registration.scopeCode()).isEmpty()) {
            problems.add(new FieldProblem("scopeCode", "is not a known " + scope.name().toLowerCase()));
        }
        if (!isHttpUrl(registration.url())) {
            problems.add(new FieldProblem("url", "must be an http or https URL of at most 2000 characters"));
        }
        if (registration.events() == null || registration.events().isEmpty()) {
            problems.add(new FieldProblem("events", "must name at least one event type"));
        }
        if (registration.secret() != null && !registration.secret().isBlank()
                && (registration.secret().length() < 16 || registration.secret().length() > 200)) {
            problems.add(new FieldProblem("secret", "must be 16 to 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return scope;
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
