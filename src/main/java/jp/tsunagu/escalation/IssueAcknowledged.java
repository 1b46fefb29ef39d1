package jp.tsunagu.escalation;

import java.time.Duration;

import jp.tsunagu.issue.Level;

/** Someone acknowledged an issue at its level, {@code waited} after the level's acknowledge task was created. */
public record IssueAcknowledged(String issueId, Level level, String acknowledgedBy, Duration waited) {
}
