package jp.tsunagu.issue.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import java.time.Clock;
import java.time.Duration;

import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.SlaView;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.SlaClock;
import org.springframework.stereotype.Component;

/** Turns rows into what the API shows: times in Asia/Tokyo, personal details masked. */
@Component
class IssueViews {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");

    private final SlaClock slaClock;
    private final Clock clock;

    IssueViews(SlaClock slaClock, Clock clock) {
        this.slaClock = slaClock;
        this.clock = clock;
    }

    IssueView of(IssueViewRow viewRow) {
        IssueRow row = viewRow.row();
        boolean awaitingAcknowledgement = row.status() == IssueStatus.OPEN
                || (row.status() == IssueStatus.PAUSED && awaitedAcknowledgementWhenPaused(row));
        SlaView sla = new SlaView(row.slaCalendar(), local(row.acknowledgeBy()), local(row.resolveBy()),
                row.ackBreached(), row.resolveBreached(), row.pausedAt() != null,
                awaitingAcknowledgement ? remaining(row, row.acknowledgeBy()) : null, remaining(row, row.resolveBy()));
        return new IssueView(row.id(), row.number(), row.title(), row.description(), row.category(), row.severity(),
                row.status(), row.level(), row.sectionCode(), row.departmentCode(), viewRow.relatedSections(),
                viewRow.sharedWith(), sla, row.personalInfo(),
                row.personalDetails() == null ? null : IssueView.MASK, row.resolution(), local(row.resolvedAt()),
                local(row.createdAt()), row.createdBy());
    }

    /**
     * What the issue was doing when it was paused. An issue paused before that was recorded falls back to a guess:
     * not yet breached means not yet acknowledged.
     */
    private static boolean awaitedAcknowledgementWhenPaused(IssueRow row) {
        return row.pausedFrom() != null ? row.pausedFrom() == IssueStatus.OPEN : !row.ackBreached();
    }

    /** While paused the clock stands still at the moment of the pause. */
    private Duration remaining(IssueRow row, Instant due) {
        if (due == null || row.slaCalendar() == null || row.status() == IssueStatus.RESOLVED) {
            return null;
        }
        Instant now = row.pausedAt() != null ? row.pausedAt() : clock.instant();
        return slaClock.remaining(now, due, CalendarKind.from(row.slaCalendar()));
    }

    static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(CITY_ZONE).toOffsetDateTime();
    }
}
