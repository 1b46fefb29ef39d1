package jp.tsunagu.common;

/** The thing does not exist, or the caller may not know that it exists. Always answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
