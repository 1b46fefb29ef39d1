package jp.tsunagu.org;

import java.util.LinkedHashSet;
import java.util.Set;

/** A member of staff, a supervisor, an auditor, an administrator or a bot account. */
public record Person(String username, String displayName, Role role, String sectionCode, String departmentCode) {

    /**
     * Everything this person is, as principals; see the package documentation. Partners and bots belong to a section
     * only for raising issues: they see what they raised, not what the section sees.
     */
    public Set<String> principals() {
        Set<String> principals = new LinkedHashSet<>();
        principals.add(Principals.user(username));
        principals.add(Principals.role(role));
        if (role == Role.EXTERNAL_PARTNER || role == Role.SERVICE) {
            return principals;
        }
        if (sectionCode != null) {
            principals.add(Principals.section(sectionCode));
        }
        if (departmentCode != null) {
            principals.add(Principals.department(departmentCode));
        }
        switch (role) {
            case SECTION_CHIEF -> {
                if (sectionCode != null) {
                    principals.add(Principals.sectionChief(sectionCode));
                }
            }
            case DEPARTMENT_HEAD -> principals.add(Principals.departmentHead(departmentCode));
            case DEPARTMENT_COORDINATOR -> principals.add(Principals.departmentCoordinator(departmentCode));
            default -> { }
        }
        return principals;
    }

    public boolean isAuditor() {
        return role == Role.AUDITOR;
    }

    /**
     * Auditors and administrators read; they never change an issue. A service account (RPA, AI-OCR) raises issues
     * through the API and reads those it raised, nothing more.
     */
    public boolean mayChangeIssues() {
        return role != Role.AUDITOR && role != Role.ADMIN && role != Role.SERVICE;
    }
}
