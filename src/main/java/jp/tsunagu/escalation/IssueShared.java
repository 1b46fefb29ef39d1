package jp.tsunagu.escalation;

import java.util.List;

import jp.tsunagu.issue.Level;

/**
 * The issue became visible to more people when it reached a level (部内共有, 庁内共有). {@code responders} are the
 * level's responders, who are told of the issue by their new acknowledge task at the same moment.
 */
public record IssueShared(String issueId, Level level, List<String> newlySharedWith, List<String> responders) {
}
