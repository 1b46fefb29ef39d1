package jp.tsunagu.issue.internal;

import java.util.List;

/**
 * An issue's row with the rest of what its view shows, read in one statement: its related sections, whom it has been
 * shared with, and whether the reader is in its audience.
 */
record IssueViewRow(IssueRow row, List<String> relatedSections, List<String> sharedWith, boolean readerInAudience) {
}
