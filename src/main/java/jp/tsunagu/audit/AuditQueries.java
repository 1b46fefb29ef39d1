package jp.tsunagu.audit;

import java.util.List;

/** Reads the audit trail. Callers decide who may see what. */
public interface AuditQueries {

    List<AuditEvent> forIssue(String issueId);

    /** Matching events in seq order; {@code page} counts from 0. */
    AuditEventPage search(AuditEventFilter filter, int page, int size);
}
