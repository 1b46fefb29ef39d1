package jp.tsunagu.org.web;

import jp.tsunagu.org.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Where a signed-in person starts: an administrator, who has no tasks and reads no issues, at the administration
 * pages; everyone else at their task list.
 */
public final class StartPage {

    static final String TASKS = "/tasks";
    static final String ADMINISTRATION = "/admin";

    private StartPage() {
    }

    public static String of(Authentication authentication) {
        boolean administrator = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> Role.ADMIN.authority().equals(authority.getAuthority()));
        return administrator ? ADMINISTRATION : TASKS;
    }

    static String ofCurrentPerson() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }
}
