package jp.tsunagu.issue;

/** Why a principal may see an issue. */
public enum AudienceReason {
    RAISER, OWNING_SECTION, RELATED_SECTION, SHARED_DEPARTMENT, SHARED_CITY, RESPONDER, APPROVER
}
