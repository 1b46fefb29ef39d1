package jp.tsunagu.audit;

import java.util.Map;

/**
 * Writes the audit trail. Events recorded inside a transaction are appended when, and only if, it commits.
 */
public interface AuditTrail {

    /** The actor of whatever the process engine does on its own, such as a timer breach. */
    String SYSTEM_ACTOR = "system";

    /** Records an event by the current actor (the signed-in person, or {@code system} on the job executor). */
    void record(AuditAction action, String issueId, Map<String, ?> details);

    /** Records an event by a named actor. */
    void record(String actor, AuditAction action, String issueId, Map<String, ?> details);

    /**
     * Records an event in a transaction of its own, for things that happen while the caller's transaction is rolled
     * back: denied access, failed logins.
     */
    void recordIndependently(String actor, AuditAction action, String issueId, Map<String, ?> details);
}
