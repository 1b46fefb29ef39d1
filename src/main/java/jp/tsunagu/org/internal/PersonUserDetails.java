package jp.tsunagu.org.internal;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A person from the person table, as Spring Security sees it, with whether any failed sign-in was on record when it
 * was loaded ({@link LoginLockout} clears them only then).
 */
final class PersonUserDetails extends User {

    private static final long serialVersionUID = 1L;

    private final boolean hadFailures;

    PersonUserDetails(String username, String password, boolean enabled, boolean locked,
            Collection<? extends GrantedAuthority> authorities, boolean hadFailures) {
        super(username, password, enabled, true, true, !locked, authorities);
        this.hadFailures = hadFailures;
    }

    boolean hadFailures() {
        return hadFailures;
    }
}
