package jp.tsunagu.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One issue's story for the auditors: Tsunagu's audit events merged with the process engine's history of the issue's
 * process instances, in time order. The engine's job log matters because timer breaches are not in its operation log.
 */
public interface IssueTimeline {

    /** The timeline, or {@link jp.tsunagu.common.NotFoundException} when nothing is known about the issue. */
    List<TimelineEntry> of(String issueId);

    /** The id of the issue with this number (such as {@code 2026-000002}); empty for anything else or a number nobody has. */
    Optional<String> issueIdOf(String number);

    /** The numbers of the issues with these ids, in one query, for naming a page of events' issues; none for an unknown id. */
    Map<String, String> numbersOf(Collection<String> issueIds);
}
