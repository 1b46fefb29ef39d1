package jp.tsunagu.common;

/**
 * The thing does not exist, or the caller may not know that it exists. Always answered with 404; the pages say
 * {@link #messageKey()}, by default that the issue was not found.
 */
public class NotFoundException extends RuntimeException {

    private final String messageKey;

    public NotFoundException(String message) {
        this(message, "error.notFound");
    }

    public NotFoundException(String message, String messageKey) {
        super(message);
        this.messageKey = messageKey;
    }

    /** The key of the reader's message in {@code messages.properties}. */
    public String messageKey() {
        return messageKey;
    }
}
