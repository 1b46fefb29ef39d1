package jp.tsunagu.common;

/** The caller may see the thing but may not take this action on it. Answered with 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
