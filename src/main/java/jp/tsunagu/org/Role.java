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
    SERVICE;

    public String authority() {
        return "ROLE_" + name();
    }
}
