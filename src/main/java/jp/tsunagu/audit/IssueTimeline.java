package jp.tsunagu.audit;

import java.util.List;

/**
 * One issue's story for the auditors: Tsunagu's audit events merged with the process engine's history of the issue's
 * process instances, in time order. The engine's job log matters because timer breaches are not in its operation log.
 */
public interface IssueTimeline {

    /** The timeline, or {@link jp.tsunagu.common.NotFoundException} when nothing is known about the issue. */
    List<TimelineEntry> of(String issueId);
}
