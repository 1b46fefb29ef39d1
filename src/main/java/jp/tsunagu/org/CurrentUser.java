package jp.tsunagu.org;

import java.util.Optional;
import java.util.Set;

import jp.tsunagu.org.internal.ServiceTokenScope;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The person behind the current request. */
@Component
public class CurrentUser {

    private final Organisation organisation;

    CurrentUser(Organisation organisation) {
        this.organisation = organisation;
    }

    public Person require() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated person"));
    }

    public Optional<Person> find() {
        return username().flatMap(organisation::findPerson);
    }

    /** For a service account signed in with an API token: the sections the token allows. */
    public Optional<Set<String>> tokenSections() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getDetails() instanceof ServiceTokenScope scope
                ? Optional.of(scope.sections()) : Optional.empty();
    }

    private static Optional<String> username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }
}
