package jp.tsunagu.escalation;

import java.time.Instant;
import java.util.List;

import jp.tsunagu.issue.Level;

/**
 * An issue arrived at a level and awaits acknowledgement by {@code candidates} (principals such as
 * {@code section:shimin-ka}) by {@code due}, null when the task has no due time. Published inside the engine's
 * transaction, when the level's acknowledge task is created.
 */
public record AcknowledgeTaskCreated(String issueId, Level level, List<String> candidates, Instant due) {

    public AcknowledgeTaskCreated {
        candidates = List.copyOf(candidates);
    }
}
