package jp.tsunagu.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the auditors search for; every field is optional.
 *
 * @param from inclusive
 * @param to exclusive
 */
public record AuditEventFilter(Instant from, Instant to, String actor, AuditAction action, String issueId) {

    public static final AuditEventFilter ALL = new AuditEventFilter(null, null, null, null, null);

    /** The filters that were set, as the details of an {@link AuditAction#AUDIT_EXPORTED} event. */
    public Map<String, Object> asDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        if (from != null) {
            details.put("from", from.toString());
        }
        if (to != null) {
            details.put("to", to.toString());
        }
        if (actor != null) {
            details.put("actor", actor);
        }
        if (action != null) {
            details.put("action", action.name());
        }
        if (issueId != null) {
            details.put("issueId", issueId);
        }
        return details;
    }
}
