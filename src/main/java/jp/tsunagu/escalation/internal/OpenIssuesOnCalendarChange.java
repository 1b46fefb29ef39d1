package jp.tsunagu.escalation.internal;

import java.time.Clock;
import java.time.Instant;

import jp.tsunagu.sla.OpeningDaysChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A change to the city's calendar applies to open issues too: each issue on the business clock whose due times the
 * change touches has them counted again (CRITICAL's continuous clock never moves). Moving a few thousand issues takes
 * longer than an administrator's request may, so the change is only recorded here, with how many issues it touches;
 * {@link CalendarChangeWorker} moves them in the background.
 */
@Component
class OpenIssuesOnCalendarChange {

    private static final Logger log = LoggerFactory.getLogger(OpenIssuesOnCalendarChange.class);

    private final OpenIssueCandidates candidates;
    private final CalendarChanges changes;
    private final Clock clock;

    OpenIssuesOnCalendarChange(OpenIssueCandidates candidates, CalendarChanges changes, Clock clock) {
        this.candidates = candidates;
        this.changes = changes;
        this.clock = clock;
    }

    @EventListener
    void on(OpeningDaysChanged change) {
        Instant now = clock.instant();
        int touched = candidates.touchedBy(change.shift(), change.changedAt(), now).size();
        if (touched > 0) {
            long id = changes.record(change, touched);
            log.info("Calendar changed ({}): due times of {} open issues on the business clock to move (change {})",
                    change.reason(), touched, id);
        }
        change.issuesToMove(touched);
    }
}
