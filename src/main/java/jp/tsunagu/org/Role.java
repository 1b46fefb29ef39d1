package jp.tsunagu.org;

/** The roles of the design. A person holds exactly one. */
public enum Role {
    STAFF,
    SECTION_CHIEF,
    DEPARTMENT_COORDINATOR,
    DEPARTMENT_HEAD,
    CITY_COORDINATOR,
    AUDITOR,
    ADMIN,
    SERVICE,
    /** A designated manager or partner body (指定管理者): raises issues for one section, sees only its own. */
    EXTERNAL_PARTNER;

    public String authority() {
        return "ROLE_" + name();
    }
}
