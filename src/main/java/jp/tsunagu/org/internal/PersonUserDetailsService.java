package jp.tsunagu.org.internal;

import java.util.List;
import java.util.Objects;

import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs people in against the person table, by their name in any case ({@link SignInNames}); passwords are bcrypt
 * hashes. One statement reads the person and the failed sign-ins that lock the account: the API authenticates every
 * request, so this runs on every call. The person it read is kept for the rest of the request ({@link CurrentUser}).
 */
@Service
class PersonUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final LoginLockout lockout;

    PersonUserDetailsService(JdbcClient jdbc, LoginLockout lockout) {
        this.jdbc = jdbc;
        this.lockout = lockout;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("""
                        select p.username, p.display_name, p.password_hash, p.role, p.section_code,
                          p.department_code, p.enabled,
                          (select count(*) from login_failure f
                            where f.username = p.username and f.failed_at > :since) as recent_failures,
                          exists (select 1 from login_failure f where f.username = p.username) as had_failures
                        from person p where p.username = :username""")
                .param("since", lockout.windowStart())
                .param("username", SignInNames.canonical(username))
                .query((rs, i) -> {
                    // A service account signs in with its API token only, never with a password.
                    String hash = Role.SERVICE.name().equals(rs.getString("role")) ? null : rs.getString("password_hash");
                    if (hash == null) {
                        return null;
                    }
                    if (rs.getBoolean("enabled")) {
                        CurrentUser.readDuringAuthentication(JdbcOrganisation.PERSON.mapRow(rs, i));
                    }
                    return new PersonUserDetails(rs.getString("username"), hash, rs.getBoolean("enabled"),
                            lockout.isLocked(rs.getLong("recent_failures")),
                            List.of(new SimpleGrantedAuthority(Role.valueOf(rs.getString("role")).authority())),
                            rs.getBoolean("had_failures"));
                })
                .list().stream().filter(Objects::nonNull).findFirst()
                // Without a password of its own (a bot, or a person the directory signs in), there is no local account
                // to sign in to: a wrong directory password is a bad password, never a disabled account.
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
