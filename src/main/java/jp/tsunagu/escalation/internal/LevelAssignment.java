package jp.tsunagu.escalation.internal;

import java.time.Instant;
import java.util.List;

/** What the process needs to run a level: who responds, and when acknowledging is due, reminded and breached. */
public record LevelAssignment(List<String> responders, Instant acknowledgeBy, Instant acknowledgeReminderAt,
        Instant resolveBy) {
}
