package jp.tsunagu.org.internal;

import java.time.Duration;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.stereotype.Component;

/**
 * Gives every new session the configured idle timeout ({@code server.servlet.session.timeout}) to the second. Tomcat
 * counts the timeout in whole minutes (Spring Boot rounds it up to at least one), so without this a timeout in
 * seconds would not be the one enforced, nor the one the pages warn about.
 */
@Component
class SessionTimeoutToTheSecond implements HttpSessionListener {

    private final Duration timeout;

    SessionTimeoutToTheSecond(ServerProperties server) {
        this.timeout = server.getServlet().getSession().getTimeout();
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        if (timeout != null) {
            event.getSession().setMaxInactiveInterval((int) Math.max(timeout.toSeconds(), 0));
        }
    }
}
