package jp.tsunagu.issue;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * How the escalation module moves an issue: its level, status, due times and audience. The caller audits; these
 * methods only change the record.
 */
public interface IssueLifecycle {

    IssueSummary summary(String issueId);

    /**
     * Locks the issue's row until the transaction ends and returns it as it is now. Every change to an issue takes
     * this lock first, whether a person or a timer job makes it, so that the two run one after the other.
     */
    IssueSummary lock(String issueId);

    void attachProcess(String issueId, String processInstanceId);

    /** The issue arrives at a level: status OPEN, the level's due times, breach flags cleared. */
    void enterLevel(String issueId, Level level, String calendar, Instant acknowledgeBy, Instant resolveBy);

    /** Adds principals to the audience; returns those that could not see the issue before. */
    List<String> share(String issueId, Level level, AudienceReason reason, Collection<String> principals);

    void changeStatus(String issueId, IssueStatus status);

    void flagAcknowledgeBreach(String issueId, Instant newAcknowledgeBy);

    void flagResolveBreach(String issueId);

    void pause(String issueId, Instant at);

    /**
     * Ends a pause: moves the due times by the time the pause took on their clock
     * ({@link jp.tsunagu.sla.SlaClock#afterPause}) and restores {@code statusAfter}.
     *
     * @return the pause that ended, for moving the process's timers and tasks by the same rule
     */
    PauseSpan resume(String issueId, IssueStatus statusAfter);

    void resolve(String issueId, String resolution, String resolvedBy);

    /** The due times of every issue not resolved whose level runs on the business clock, paused ones included. */
    List<IssueDueTimes> openOnBusinessClock();

    /** One issue's due times as stored now; take {@link #lock} first to keep them so. */
    IssueDueTimes dueTimes(String issueId);

    /** Sets the level's targets, moved by a change of the city's calendar. */
    void moveDueTimes(String issueId, Instant acknowledgeBy, Instant resolveBy);
}
