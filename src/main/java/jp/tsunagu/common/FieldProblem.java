package jp.tsunagu.common;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One invalid input field and what is wrong with it. The message is the API's (English); a page says the problem in
 * the reader's language by {@code messageCode}, a key of the message bundles, where the service gives one.
 */
public record FieldProblem(String field, String message, @JsonIgnore String messageCode) {

    public FieldProblem(String field, String message) {
        this(field, message, null);
    }
}
