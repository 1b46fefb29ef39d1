package jp.tsunagu.audit;

/** Where a timeline entry comes from. */
public enum TimelineSource {
    /** Tsunagu's own hash-chained audit trail. */
    AUDIT_TRAIL,
    /** The process engine's history of activity instances, including called sub-processes. */
    ENGINE_ACTIVITY,
    /** The process engine's job log: timers created, fired, failed or removed. */
    ENGINE_JOB
}
