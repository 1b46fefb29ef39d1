package jp.tsunagu.org;

/** Builds the principal strings shared by issue visibility and task candidates. */
public final class Principals {

    public static final String CITY_COORDINATORS = role(Role.CITY_COORDINATOR);
    public static final String DEPARTMENT_HEADS = role(Role.DEPARTMENT_HEAD);

    private Principals() {
    }

    public static String user(String username) {
        return "user:" + username;
    }

    public static String section(String sectionCode) {
        return "section:" + sectionCode;
    }

    public static String department(String departmentCode) {
        return "department:" + departmentCode;
    }

    public static String role(Role role) {
        return "role:" + role.name();
    }

    public static String sectionChief(String sectionCode) {
        return Role.SECTION_CHIEF.name() + "@" + sectionCode;
    }

    public static String departmentHead(String departmentCode) {
        return Role.DEPARTMENT_HEAD.name() + "@" + departmentCode;
    }

    public static String departmentCoordinator(String departmentCode) {
        return Role.DEPARTMENT_COORDINATOR.name() + "@" + departmentCode;
    }
}
