package jp.tsunagu.org.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * 続ける in the warning before a page session times out (WCAG 2.2.1). Arriving is all it takes: the container counts
 * the session's idle time from its last request. Only a page session reaches here, with its CSRF token: the page
 * chain takes no Basic credentials or API tokens, a caller without a session gets 401 before the token is checked,
 * and a disabled person is signed out first, as on any page.
 * <p>
 * Not audited: it changes no state of the city's, only keeps open a session that every page click keeps open as well
 * (and the sign-in that opened it is audited).
 */
@Controller
class SessionExtensionController {

    @PostMapping("/session/extend")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void extend() {
        // nothing more: see above
    }
}
