package jp.tsunagu.sla;

import java.time.Instant;

/**
 * The due times of one issue at one level, computed when it arrives there.
 *
 * @param acknowledgeBy         the acknowledge target; the breach timer escalates at this instant
 * @param acknowledgeReminderAt halfway to {@code acknowledgeBy}, measured on the policy's clock
 * @param resolveBy             the resolve target
 * @param calendar              the clock the targets run on
 */
public record SlaTargets(Instant acknowledgeBy, Instant acknowledgeReminderAt, Instant resolveBy,
        CalendarKind calendar) {
}
