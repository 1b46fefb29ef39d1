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

    /**
     * Whether one person may hold both principals (see {@link Person#principals()}): a person is one user with one
     * role, in at most one section and one department, and holds their role both city-wide ({@code role:R}) and for
     * their own unit ({@code R@unit}). Two different users, sections, departments or roles, or one role in two units,
     * are never one person's. A principal of a form not known here may be anybody's.
     */
    public static boolean oneMayHoldBoth(String first, String second) {
        if (first.equals(second)) {
            return true;
        }
        String[] a = kindAndValue(first);
        String[] b = kindAndValue(second);
        if (a == null || b == null || !a[0].equals(b[0])) {
            return true;
        }
        // The same kind: one user, section, department or role each; a role held city-wide and in a unit is one.
        return a[0].equals("role") && a[1].equals(b[1]) && (a[2] == null || b[2] == null);
    }

    /** {kind, value, unit}: {@code user:u}, {@code section:s}, {@code department:d}, {@code role:R}, {@code R@unit}. */
    private static String[] kindAndValue(String principal) {
        for (String kind : new String[] {"user", "section", "department", "role"}) {
            if (principal.startsWith(kind + ":")) {
                return new String[] {kind, principal.substring(kind.length() + 1), null};
            }
        }
        int at = principal.indexOf('@');
        return at > 0 ? new String[] {"role", principal.substring(0, at), principal.substring(at + 1)} : null;
    }
}
