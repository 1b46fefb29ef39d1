package jp.tsunagu.sla;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The days the city hall is open changed on this node: an administrator added or removed a closure day, or holiday
 * data that names other days was loaded (through the API, the page, or an override file read at start-up). Due times
 * on the business clock that were computed before are to be counted again ({@link DueTimeShift}); the escalation module
 * moves the open issues' targets and timers, in the background, and says here how many it will move.
 */
public final class OpeningDaysChanged {

    private final Map<String, String> reason;
    private final CalendarDays before;
    private final CalendarDays after;
    private final Instant changedAt;
    private final DueTimeShift shift;
    private final AtomicInteger issuesToMove = new AtomicInteger();

    /**
     * @param reason    what changed, for the audit trail: {@code what} and, for a closure, its {@code date}
     * @param before    the calendar the earlier due times were computed on
     * @param after     the calendar in force from {@code changedAt}: targets computed since count on it already
     * @param shift     where a due time computed on {@code before} moves on {@code after}
     */
    public OpeningDaysChanged(Map<String, String> reason, CalendarDays before, CalendarDays after, Instant changedAt,
            DueTimeShift shift) {
        this.reason = Map.copyOf(reason);
        this.before = Objects.requireNonNull(before, "before");
        this.after = Objects.requireNonNull(after, "after");
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
        this.shift = Objects.requireNonNull(shift, "shift");
    }

    public Map<String, String> reason() {
        return reason;
    }

    public CalendarDays before() {
        return before;
    }

    public CalendarDays after() {
        return after;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public DueTimeShift shift() {
        return shift;
    }

    /** Told by the listener that moves the open issues, for the administrator's answer. */
    public void issuesToMove(int issues) {
        issuesToMove.addAndGet(issues);
    }

    /** How many open issues the change touches: their due times are being moved in the background. */
    public int issuesToMove() {
        return issuesToMove.get();
    }
}
