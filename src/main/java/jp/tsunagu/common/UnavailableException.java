package jp.tsunagu.common;

import java.util.List;
import java.util.Objects;

/**
 * Tsunagu cannot do this until an administrator acts, for example loads newer holiday data; nothing was changed.
 * Answered with 503, and on the pages with the message {@link #messageKey()} filled in with {@link #messageArguments()}.
 */
public class UnavailableException extends RuntimeException {

    private final String messageKey;

    private final List<Object> messageArguments;

    public UnavailableException(String message, String messageKey, Object... messageArguments) {
        super(message);
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
        this.messageArguments = List.of(messageArguments);
    }

    /** The key of the reader's message in {@code messages.properties}. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArguments() {
        return messageArguments.toArray();
    }
}
