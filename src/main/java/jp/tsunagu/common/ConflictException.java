package jp.tsunagu.common;

/** The state has moved on since the caller looked: approved twice, acknowledged twice. Answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
