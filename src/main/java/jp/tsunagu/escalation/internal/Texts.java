package jp.tsunagu.escalation.internal;

import jp.tsunagu.common.FreeText;
import jp.tsunagu.common.InvalidInputException;

/** The free texts of the actions: reasons, comments, resolutions. */
final class Texts {

    private Texts() {
    }

    static String required(String field, String value, int maxLength) {
        if (FreeText.isBlank(value)) {
            throw new InvalidInputException(field, "is required");
        }
        return optional(field, value, maxLength);
    }

    static String optional(String field, String value, int maxLength) {
        if (value == null) {
            return "";
        }
        String text = value.strip();
        if (FreeText.hasControlCharacters(text, true)) {
            throw new InvalidInputException(field, "must not contain control characters");
        }
        if (text.length() > maxLength) {
            throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
        }
        return text;
    }
}
