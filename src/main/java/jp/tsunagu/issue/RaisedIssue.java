package jp.tsunagu.issue;

/** The outcome of raising: the issue's id, and whether this call created it or found an earlier one by its key. */
public record RaisedIssue(String id, boolean created) {
}
