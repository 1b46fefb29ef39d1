package jp.tsunagu.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jp.tsunagu.org.Person;

/** Administrators' management of outbound webhooks. */
public interface Webhooks {

    /** Registers an endpoint; the answer carries the signing secret, the only time it is shown. */
    Registered register(Registration registration, Person admin);

    List<Endpoint> list();

    /** Calls that ran out of attempts, newest first. */
    List<FailedDelivery> failures();

    /** {@code scope} is SECTION or DEPARTMENT; without a secret one is generated. */
    record Registration(String scope, String scopeCode, String url, Set<NotificationEvent> events, String secret) {
    }

    record Endpoint(String id, String scope, String scopeCode, String url, Set<NotificationEvent> events,
            boolean enabled, OffsetDateTime createdAt, String createdBy) {
    }

    record Registered(Endpoint endpoint, String secret) {
    }

    record FailedDelivery(long id, String endpointId, String url, String event, String issueId, String key,
            int attempts, String lastError, OffsetDateTime createdAt) {
    }
}
