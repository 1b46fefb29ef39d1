package jp.tsunagu.org.internal;

import java.time.Duration;

/**
 * How long a signed-in page's session may stay idle, and how long before the end the page warns (WCAG 2.2.1): a
 * fifth of the limit, at least 20 seconds (the time WCAG gives to answer) and at most 2 minutes, never more than
 * the limit itself. For the usual 30 minutes that is 2 minutes; for a limit of 24 seconds (the browser test) 20.
 * The layout renders both into the warning dialog, and {@code tsunagu.js} times it.
 */
public record SessionIdleLimit(long seconds, long warningSeconds) {

    /** The name of the request attribute under which a signed-in page finds its limit. */
    public static final String ATTRIBUTE = "sessionIdleLimit";

    static final Duration LEAST_WARNING = Duration.ofSeconds(20);
    static final Duration MOST_WARNING = Duration.ofMinutes(2);

    /** The limit of a session whose idle timeout is this many seconds; null if it never times out. */
    static SessionIdleLimit ofSeconds(long seconds) {
        if (seconds <= 0) {
            return null;
        }
        long warning = Math.min(seconds,
                Math.max(LEAST_WARNING.toSeconds(), Math.min(MOST_WARNING.toSeconds(), seconds / 5)));
        return new SessionIdleLimit(seconds, warning);
    }

    public Span limit() {
        return Span.of(seconds);
    }

    public Span warning() {
        return Span.of(warningSeconds);
    }

    /** A time as the message bundles say it: whole minutes ({@code 30分}) where it is some, else seconds. */
    public record Span(String key, long amount) {

        static Span of(long seconds) {
            return seconds % 60 == 0 ? new Span("session.minutes", seconds / 60) : new Span("session.seconds", seconds);
        }
    }
}
