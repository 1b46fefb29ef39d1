package jp.tsunagu.issue;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
