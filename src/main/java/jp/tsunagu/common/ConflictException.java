package jp.tsunagu.common;

import java.util.Optional;

/**
 * The state has moved on since the caller looked: approved twice, acknowledged twice. Answered with 409. A short
 * {@link #code()} such as {@code paused} lets a page say which state stands in the way ({@code error.conflict.paused}).
 */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public Optional<String> code() {
        return Optional.ofNullable(code);
    }
}
