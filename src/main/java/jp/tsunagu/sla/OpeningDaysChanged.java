package jp.tsunagu.sla;

import java.util.Map;
import java.util.Objects;

/**
 * The days the city hall is open changed on this node: an administrator added or removed a closure day, or holiday
 * data that names other days was loaded (through the API, the page, or an override file read at start-up). Due times
 * on the business clock that were computed before are to be counted again ({@link DueTimeShift}); the escalation module
 * moves the open issues' targets and timers.
 *
 * @param reason what changed, for the audit trail: {@code what} and, for a closure, its {@code date}
 * @param shift  where a due time computed on the old calendar moves on the new one
 */
public record OpeningDaysChanged(Map<String, String> reason, DueTimeShift shift) {

    public OpeningDaysChanged {
        reason = Map.copyOf(reason);
        Objects.requireNonNull(shift, "shift");
    }
}
