package jp.tsunagu.org.internal;

import static jp.tsunagu.org.OrganisationAdministration.CODE_FORMAT;
import static jp.tsunagu.org.OrganisationAdministration.MAIL_FORMAT;
import static jp.tsunagu.org.OrganisationAdministration.NAME_LENGTH;

import java.util.regex.Pattern;

import jp.tsunagu.common.InvalidInputException;

/** The administrator's text for codes, names and mail addresses, checked and normalised before it reaches a table. */
final class OrganisationInput {

    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,64}");
    private static final int MAX_NAME = 200;
    /** The column's width; the directory's addresses are held to it too. */
    static final int MAX_MAIL = 254;
    /** One @, a dot in the domain, no spaces: what an SMTP server can be given, not the whole of RFC 5322. */
    private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private OrganisationInput() {
    }

    /** A department's or section's code, or a username. */
    static String code(String field, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new InvalidInputException(field, CODE_FORMAT);
        }
        return value;
    }

    static String name(String field, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > MAX_NAME) {
            throw new InvalidInputException(field, NAME_LENGTH);
        }
        return text;
    }

    /** Blank is no address. */
    static String mailAddress(String value) {
        String text = blankToNull(value);
        if (text != null && (text.length() > MAX_MAIL || !MAIL.matcher(text).matches())) {
            throw new InvalidInputException("mailAddress", MAIL_FORMAT);
        }
        return text;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
