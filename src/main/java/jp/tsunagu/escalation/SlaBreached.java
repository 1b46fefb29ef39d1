package jp.tsunagu.escalation;

import java.util.List;

import jp.tsunagu.issue.Level;

/** A target was missed. An acknowledge breach below CITY escalates by itself; others notify. */
public record SlaBreached(String issueId, Level level, Target target, boolean escalated, List<String> recipients) {

    public enum Target {
        ACKNOWLEDGE, RESOLVE
    }
}
