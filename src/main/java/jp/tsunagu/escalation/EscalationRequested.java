package jp.tsunagu.escalation;

import java.util.List;

import jp.tsunagu.issue.Level;

/** Somebody asked to move the issue to the next level; the approvers have a task. */
public record EscalationRequested(String issueId, Level level, String requestedBy, List<String> approvers) {
}
