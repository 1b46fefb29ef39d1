package jp.tsunagu.issue;

public enum Category {
    CITIZEN_SERVICE, FACILITY, PERSONAL_INFORMATION, SAFETY, SYSTEM, POLICY, OTHER
}
