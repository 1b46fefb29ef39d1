package jp.tsunagu.org.internal;

import java.util.Collection;
import java.util.List;

import jp.tsunagu.org.Person;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.authentication.configuration.GlobalAuthenticationConfigurerAdapter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;
import org.springframework.stereotype.Component;

/**
 * With {@code tsunagu.ldap.enabled=true}, people sign in with their directory password first; local accounts (the
 * administrator, bots) still sign in against Tsunagu's own table after that.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "tsunagu.ldap.enabled", havingValue = "true")
class DirectoryAuthentication extends GlobalAuthenticationConfigurerAdapter {

    private final DirectoryProperties settings;
    private final DirectoryPeople people;
    private final PersonUserDetailsService localPeople;
    private final PasswordEncoder passwords;

    DirectoryAuthentication(DirectoryProperties settings, DirectoryPeople people, PersonUserDetailsService localPeople,
            PasswordEncoder passwords) {
        this.settings = settings;
        this.people = people;
        this.localPeople = localPeople;
        this.passwords = passwords;
    }

    @Override
    public void init(AuthenticationManagerBuilder auth) throws Exception {
        auth.authenticationProvider(new OneNameForOnePerson(directoryProvider()));
        auth.userDetailsService(localPeople).passwordEncoder(passwords);
    }

    private LdapAuthenticationProvider directoryProvider() {
        DefaultSpringSecurityContextSource directory = new DefaultSpringSecurityContextSource(settings.url());
        directory.afterPropertiesSet();
        BindAuthenticator authenticator = new BindAuthenticator(directory);
        authenticator.setUserDnPatterns(new String[] {settings.userDnPattern()});
        DefaultLdapAuthoritiesPopulator groups = new DefaultLdapAuthoritiesPopulator(directory, settings.groupSearchBase());
        groups.setGroupSearchFilter(settings.groupSearchFilter());
        groups.setGroupRoleAttribute("cn");
        groups.setRolePrefix("");
        groups.setConvertToUpperCase(false);
        LdapAuthenticationProvider provider = new LdapAuthenticationProvider(authenticator, groups);
        provider.setUserDetailsContextMapper(new TsunaguPersonMapper());
        return provider;
    }

    /**
     * A directory finds a name whatever its case ("Sato" binds as sato), but a person row is keyed by the exact name.
     * Without one form of the name, a disabled person would sign in again as a new row, and a chief could approve
     * their own escalation request under another spelling of their name.
     */
    static final class OneNameForOnePerson implements AuthenticationProvider {

        private final AuthenticationProvider directory;

        OneNameForOnePerson(AuthenticationProvider directory) {
            this.directory = directory;
        }

        @Override
        public Authentication authenticate(Authentication typed) {
            return directory.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    SignInNames.canonical(typed.getName()), typed.getCredentials()));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return directory.supports(authentication);
        }
    }

    private final class TsunaguPersonMapper implements UserDetailsContextMapper {

        @Override
        public UserDetails mapUserFromContext(DirContextOperations context, String username,
                Collection<? extends GrantedAuthority> groups) {
            Person person = people.provision(username, context.getStringAttribute(settings.displayNameAttribute()),
                    context.getStringAttribute(settings.mailAttribute()), groups.stream().map(GrantedAuthority::getAuthority).toList(), settings.mappings());
            return User.withUsername(username).password("").authorities(
                    List.of(new SimpleGrantedAuthority(person.role().authority()))).build();
        }

        @Override
        public void mapUserToContext(UserDetails user, DirContextAdapter context) {
            throw new UnsupportedOperationException("Tsunagu never writes to the directory");
        }
    }
}
