package jp.tsunagu.escalation;

import java.util.List;

import jp.tsunagu.issue.Level;

/** Half of the acknowledge target has passed without an acknowledgement. */
public record SlaReminderDue(String issueId, Level level, List<String> responders) {
}
