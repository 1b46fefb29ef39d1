package jp.tsunagu.escalation.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import jp.tsunagu.issue.IssueDueTimes;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.sla.DueTimeShift;
import org.springframework.stereotype.Component;

/**
 * The open issues on the business clock whose due times a change of the calendar touches, from one read of the issue
 * table (no engine query): those whose level's targets were computed before the change, soonest due first, so that the
 * timers that would fire first are moved first.
 */
@Component
class OpenIssueCandidates {

    private final IssueLifecycle lifecycle;

    OpenIssueCandidates(IssueLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    List<IssueDueTimes> touchedBy(DueTimeShift shift, Instant changedAt, Instant now) {
        return lifecycle.openOnBusinessClock().stream()
                .filter(issue -> issue.levelEnteredAt() == null || issue.levelEnteredAt().isBefore(changedAt))
                .filter(issue -> touches(issue, shift, changedAt))
                .sorted(Comparator.comparing((IssueDueTimes issue) -> nextDue(issue, now)))
                .toList();
    }

    /** One whose due time cannot be moved is the worker's to try, and to audit as not moved. */
    private static boolean touches(IssueDueTimes issue, DueTimeShift shift, Instant changedAt) {
        try {
            return CalendarChangeMove.touches(issue, shift, changedAt);
        } catch (RuntimeException cannotBeMoved) {
            return true;
        }
    }

    private static Instant nextDue(IssueDueTimes issue, Instant now) {
        return Stream.of(issue.acknowledgeBy(), issue.resolveBy()).filter(Objects::nonNull)
                .filter(due -> due.isAfter(now)).min(Comparator.naturalOrder()).orElse(Instant.MAX);
    }
}
