package jp.tsunagu.org.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * After a failed sign-in the login page comes back with the user name as it was typed, so that only the password is
 * typed again; the password is never kept. The name waits in the session for the next request to the login page, as
 * a flash attribute does, and reaches the page's model as {@value #TYPED_USERNAME}.
 */
final class TypedNameKeptOnFailure extends SimpleUrlAuthenticationFailureHandler {

    static final String TYPED_USERNAME = "typedUsername";

    /** Far longer than any user name: a longer text is no name and is not kept in the session. */
    static final int LONGEST_KEPT = 200;

    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    TypedNameKeptOnFailure() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        String typed = request.getParameter("username");
        if (typed != null && !typed.isBlank() && typed.length() <= LONGEST_KEPT) {
            FlashMap flash = new FlashMap();
            flash.put(TYPED_USERNAME, typed);
            flash.setTargetRequestPath(request.getContextPath() + "/login");
            flashMaps.saveOutputFlashMap(flash, request, response);
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
