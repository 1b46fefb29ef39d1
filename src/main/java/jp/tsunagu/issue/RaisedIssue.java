package jp.tsunagu.issue;

/**
 * The outcome of raising: the issue's id and number, and whether this call created it or found an earlier one by its
 * key.
 */
public record RaisedIssue(String id, String number, boolean created) {
}
