package jp.tsunagu.org;

import java.util.Optional;
import java.util.Set;

import jp.tsunagu.org.internal.ServiceTokenScope;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The person behind the current request. Within one HTTP request the person is read once: a page asks for it from
 * its controller, its model advice and its layout, and an API call that authenticates itself has read it already.
 */
@Component
public class CurrentUser {

    private static final String REQUEST_ATTRIBUTE = CurrentUser.class.getName() + ".person";

    private final Organisation organisation;

    CurrentUser(Organisation organisation) {
        this.organisation = organisation;
    }

    public Person require() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated person"));
    }

    public Optional<Person> find() {
        Optional<String> username = username();
        if (username.isEmpty()) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Person
                person && person.username().equals(username.get())) {
            return Optional.of(person);
        }
        Optional<Person> person = organisation.findPerson(username.get());
        if (request != null) {
            person.ifPresent(found -> request.setAttribute(REQUEST_ATTRIBUTE, found, RequestAttributes.SCOPE_REQUEST));
        }
        return person;
    }

    /**
     * Keeps the person that authentication has just read for the rest of this HTTP request, so that the request does
     * not read it again. Outside an HTTP request it does nothing.
     */
    public static void readDuringAuthentication(Person person) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(REQUEST_ATTRIBUTE, person, RequestAttributes.SCOPE_REQUEST);
        }
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
