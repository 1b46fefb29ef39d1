package jp.tsunagu.escalation;

import jp.tsunagu.issue.Level;

/** An escalation request was approved or rejected. */
public record EscalationDecided(String issueId, Level level, String requestedBy, String decidedBy, boolean approved) {
}
