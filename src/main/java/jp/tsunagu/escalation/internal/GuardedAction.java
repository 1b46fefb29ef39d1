package jp.tsunagu.escalation.internal;

import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.issue.Level;

/** A locked issue and the open task the caller has been allowed to complete. */
record GuardedAction(IssueSummary issue, WorkItem item) {

    Level level() {
        return issue.level();
    }
}
