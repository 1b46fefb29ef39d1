package jp.tsunagu.issue;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * An issue's targets at its current level. The remaining times count on the issue's calendar (opening time only on
 * the business clock) and are negative once overdue; they are null when there is no target or the issue is resolved.
 */
public record SlaView(String calendar, OffsetDateTime acknowledgeBy, OffsetDateTime resolveBy, boolean ackBreached,
        boolean resolveBreached, boolean paused, Duration acknowledgeRemaining, Duration resolveRemaining) {

    public SlaView(String calendar, OffsetDateTime acknowledgeBy, OffsetDateTime resolveBy, boolean ackBreached,
            boolean resolveBreached, boolean paused) {
        this(calendar, acknowledgeBy, resolveBy, ackBreached, resolveBreached, paused, null, null);
    }
}
