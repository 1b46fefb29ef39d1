package jp.tsunagu.org.web;

import jp.tsunagu.org.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Where a signed-in person starts: an administrator, who has no tasks and reads no issues, at the administration
 * pages; an auditor, who changes nothing and so never has a task, at the audit trail; everyone else at their task list.
 */
public final class StartPage {

    static final String TASKS = "/tasks";
    static final String ADMINISTRATION = "/admin";
    static final String AUDIT = "/audit";

    private StartPage() {
    }

    public static String of(Authentication authentication) {
        if (has(authentication, Role.ADMIN)) {
            return ADMINISTRATION;
        }
        return has(authentication, Role.AUDITOR) ? AUDIT : TASKS;
    }

    private static boolean has(Authentication authentication, Role role) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> role.authority().equals(authority.getAuthority()));
    }

    static String ofCurrentPerson() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }
}
