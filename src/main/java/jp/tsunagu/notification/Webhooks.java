package jp.tsunagu.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jp.tsunagu.org.Person;

/**
 * Administrators' management of outbound webhooks. Every change is audited; addresses are audited by host only, since
 * a chat tool's address often carries its own secret in the path.
 */
public interface Webhooks {

    /** The refusals' messages, one per kind of problem, so that a page can say each in the reader's language. */
    String SCOPE_UNKNOWN = "must be SECTION or DEPARTMENT";
    String SCOPE_CODE_UNKNOWN = "is not a known section or department";
    String URL_INVALID = "must be an http or https URL of at most 2000 characters";
    String EVENTS_REQUIRED = "must name at least one event type";
    String SECRET_LENGTH = "must be 16 to 200 characters";

    /** Registers an endpoint; the answer carries the signing secret, the only time it is shown. */
    Registered register(Registration registration, Person admin);

    /**
     * Switches an endpoint on or off, or changes the events it wants; a null part stays as it is. Switching it off
     * drops the calls still queued for it, so that nothing more reaches its address until it is switched on again.
     *
     * @throws jp.tsunagu.common.NotFoundException for an unknown endpoint
     */
    Endpoint change(String id, Change change, Person admin);

    /**
     * Removes an endpoint and drops the calls still queued for it.
     *
     * @throws jp.tsunagu.common.NotFoundException for an unknown endpoint
     */
    void remove(String id, Person admin);

    List<Endpoint> list();

    /** Calls that ran out of attempts, newest first. */
    List<FailedDelivery> failures();

    /** {@code scope} is SECTION or DEPARTMENT; without a secret one is generated. */
    record Registration(String scope, String scopeCode, String url, Set<NotificationEvent> events, String secret) {
    }

    /** {@code enabled} and {@code events} may each be null: that part stays as it is. */
    record Change(Boolean enabled, Set<NotificationEvent> events) {
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
