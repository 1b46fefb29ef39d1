package jp.tsunagu.org.internal;

import java.util.List;

import jp.tsunagu.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs people in against the person table; passwords are bcrypt hashes. */
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
        return jdbc.sql("select username, password_hash, role, enabled from person where username = ?")
                .param(username)
                .query((rs, i) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash") == null ? "{noop-disabled}" : rs.getString("password_hash"))
                        .authorities(List.of(new SimpleGrantedAuthority(Role.valueOf(rs.getString("role")).authority())))
                        .disabled(!rs.getBoolean("enabled") || rs.getString("password_hash") == null)
                        .accountLocked(lockout.isLocked(username))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
