package jp.tsunagu.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One line of an issue's timeline.
 *
 * @param what the audit action, or {@code ACTIVITY_STARTED}, {@code ACTIVITY_ENDED}, {@code JOB_CREATED},
 *        {@code JOB_SUCCEEDED}, {@code JOB_FAILED}, {@code JOB_DELETED} for the engine's history
 * @param actor the person, {@code system}, or null when the engine does not know
 */
public record TimelineEntry(Instant at, TimelineSource source, String what, String actor,
        Map<String, Object> details) {
}
