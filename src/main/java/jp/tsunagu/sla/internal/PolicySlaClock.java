package jp.tsunagu.sla.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.HolidayDataNotCoveredException;
import jp.tsunagu.sla.SlaClock;
import jp.tsunagu.sla.SlaTargets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The SLA clock of the policies in force on the city's calendar. */
@Component
public class PolicySlaClock implements SlaClock {

    private final Function<String, SlaPolicy> policies;

    private final BusinessCalendar calendar;

    /** The policies in force: the administrator's changes, else the configured defaults. */
    @Autowired
    public PolicySlaClock(AdministeredSlaPolicies policies, BusinessCalendar calendar) {
        this(policies::policyFor, calendar);
    }

    /** The configured defaults only, for tests and tools. */
    public PolicySlaClock(SlaProperties defaults, BusinessCalendar calendar) {
        this(defaults::policyFor, calendar);
    }

    private PolicySlaClock(Function<String, SlaPolicy> policies, BusinessCalendar calendar) {
        this.policies = policies;
        this.calendar = calendar;
    }

    @Override
    public SlaTargets targetsFor(String severity, Instant arrivedAt) {
        return targetsFor(severity, arrivedAt, policies.apply(severity).calendar());
    }

    @Override
    public SlaTargets targetsFor(String severity, Instant arrivedAt, CalendarKind kind) {
        SlaPolicy policy = policies.apply(severity);
        Instant acknowledgeBy = calendar.due(arrivedAt, policy.acknowledge(), kind);
        Instant resolveBy = calendar.due(arrivedAt, policy.resolve(), kind);
        return new SlaTargets(acknowledgeBy, halfway(arrivedAt, acknowledgeBy, kind), resolveBy, kind);
    }

    @Override
    public Duration remaining(Instant now, Instant due, CalendarKind kind) {
        if (kind == CalendarKind.CONTINUOUS) {
            return Duration.between(now, due);
        }
        try {
            return calendar.openTimeBetween(now, due);
        } catch (HolidayDataNotCoveredException beyondTheData) {
            // Only a display: an issue must stay readable once today lies past the holiday data; the due time stands.
            return Duration.between(now, due);
        }
    }

    @Override
    public Instant afterPause(Instant due, Instant pausedAt, Instant resumedAt, CalendarKind kind) {
        if (kind == CalendarKind.CONTINUOUS) {
            return due.plus(Duration.between(pausedAt, resumedAt));
        }
        Duration openTimePaused = calendar.openTimeBetween(pausedAt, resumedAt);
        // A target due at closing time stays there when the pause took no opening time.
        return openTimePaused.isZero() ? due : calendar.moveDueLater(due, openTimePaused);
    }

    // Half of the time the clock counts: on the business clock, half the opening time, so that a target spanning a
    // night reminds during opening hours rather than at 3 a.m.
    private Instant halfway(Instant from, Instant to, CalendarKind kind) {
        if (kind == CalendarKind.CONTINUOUS) {
            return from.plus(Duration.between(from, to).dividedBy(2));
        }
        return calendar.addOpenTime(from, calendar.openTimeBetween(from, to).dividedBy(2));
    }
}
