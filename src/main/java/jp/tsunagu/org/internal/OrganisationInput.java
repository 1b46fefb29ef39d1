package jp.tsunagu.org.internal;

import static jp.tsunagu.org.OrganisationAdministration.CODE_FORMAT;
import static jp.tsunagu.org.OrganisationAdministration.MAIL_FORMAT;
import static jp.tsunagu.org.OrganisationAdministration.NAME_LENGTH;
import static jp.tsunagu.org.OrganisationAdministration.NOT_FOR_ROLE;
import static jp.tsunagu.org.OrganisationAdministration.PASSWORD_LENGTH;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.org.Role;

/**
 * The administrator's codes, names, mail addresses and passwords of one request, checked and normalised before they
 * reach a table. Each check notes its field's problem and goes on, so that {@link #refuseIfWrong()} names every wrong
 * field of the form at once instead of one per attempt.
 */
final class OrganisationInput {

    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,64}");
    private static final int MAX_NAME = 200;
    private static final int MIN_PASSWORD = 8;
    /** In bytes of UTF-8: bcrypt refuses a longer password rather than ignore its end. */
    private static final int MAX_PASSWORD_BYTES = 72;
    /** The column's width; the directory's addresses are held to it too. */
    static final int MAX_MAIL = 254;
    /** One @, a dot in the domain, no spaces: what an SMTP server can be given, not the whole of RFC 5322. */
    private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private final List<FieldProblem> problems = new ArrayList<>();

    /** A department's or section's code, or a username; null when it is not one. */
    String code(String field, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            return refuse(field, CODE_FORMAT);
        }
        return value;
    }

    /** The name without surrounding blanks; null when it is not one. */
    String name(String field, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > MAX_NAME) {
            return refuse(field, NAME_LENGTH);
        }
        return text;
    }

    /** Blank is no address, and so is a wrong one (noted as a problem). */
    String mailAddress(String value) {
        String text = blankToNull(value);
        if (text != null && (text.length() > MAX_MAIL || !MAIL.matcher(text).matches())) {
            return refuse("mailAddress", MAIL_FORMAT);
        }
        return text;
    }

    /**
     * Everyone but a SERVICE account, which must not have one, needs a first password that bcrypt takes whole. Without
     * a role there is no rule to apply; the missing role is the problem.
     */
    void initialPassword(Role role, String value) {
        String password = value == null ? "" : value;
        if (role == Role.SERVICE) {
            if (!password.isEmpty()) {
                refuse("password", NOT_FOR_ROLE);
            }
        } else if (role != null && (password.length() < MIN_PASSWORD
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES)) {
            refuse("password", PASSWORD_LENGTH);
        }
    }

    /** Notes the field's problem; null, so that a caller can return it as the field's (missing) value. */
    <T> T refuse(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return null;
    }

    /** Nothing is written, hashed or audited before this passes. */
    void refuseIfWrong() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
