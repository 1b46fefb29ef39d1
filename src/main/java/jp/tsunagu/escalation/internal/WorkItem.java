package jp.tsunagu.escalation.internal;

import java.time.Instant;
import java.util.List;

import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.issue.Level;
import jp.tsunagu.org.Person;

/** An open user task of the engine, as the task list sees it. */
record WorkItem(String taskId, String issueId, TaskKind kind, Level level, Instant dueAt, String excludedUser,
        List<String> candidates) {

    boolean mayBeDoneBy(Person person) {
        return !person.username().equals(excludedUser)
                && candidates.stream().anyMatch(person.principals()::contains);
    }
}
