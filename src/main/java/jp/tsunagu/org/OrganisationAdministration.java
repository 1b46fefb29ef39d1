package jp.tsunagu.org;

import java.util.List;

/**
 * Changes to the organisation, for the administrator: departments, sections and people. Every change is checked
 * (codes, names, uniqueness, known references) and audited as {@code ADMINISTRATION_CHANGED}, never with a password.
 * A refusal is a {@link jp.tsunagu.common.InvalidInputException} naming every wrong field of the request at once, each
 * with one of the messages below, and nothing is written: a form with three wrong fields is refused once, not three
 * times. The checks of the organisation's state ({@link #IN_USE}, {@link #OWN_ACCOUNT}, {@link #LAST_ADMIN}) follow
 * only when the fields are right.
 */
public interface OrganisationAdministration {

    /** Codes and usernames: lowercase letters, digits and hyphens, 1 to 64 characters. */
    String CODE_FORMAT = "must be 1 to 64 lowercase letters, digits or hyphens";
    String NAME_LENGTH = "must be 1 to 200 characters";
    String TAKEN = "is already taken";
    String UNKNOWN = "is not known";
    /** A choice the form always needs (a person's role, a new section's department). */
    String REQUIRED = "is required";
    /** A section or department the chosen role needs. */
    String REQUIRED_FOR_ROLE = "is required for this role";
    String NOT_FOR_ROLE = "must be empty for this role";
    /** Bcrypt reads at most 72 bytes; a kana or kanji takes three of them in UTF-8. */
    String PASSWORD_LENGTH = "must be at least 8 characters and at most 72 bytes in UTF-8";
    String MAIL_FORMAT = "must be an e-mail address of at most 254 characters";
    String IN_USE = "is still in use";
    /** An administrator may not disable their own account or give it another role. */
    String OWN_ACCOUNT = "must not be your own account";
    /** The city keeps at least one enabled administrator. */
    String LAST_ADMIN = "must not be the last enabled administrator";

    void addDepartment(String code, String nameJa, String nameEn);

    void addSection(String departmentCode, String code, String nameJa, String nameEn);

    /**
     * Gives a department new names, as in a spring reorganisation. Its code stays, and so do its sections, its people
     * and every issue that names it; the pages show the new names at once. Unchanged names are no change and are not
     * audited.
     */
    void renameDepartment(String code, String nameJa, String nameEn);

    /** Gives a section new names, as {@link #renameDepartment} does for a department. */
    void renameSection(String code, String nameJa, String nameEn);

    /**
     * Removes a department added by mistake: only while it has no sections and no people, and no issue names it;
     * otherwise it is {@link #IN_USE}. Audited with its names.
     */
    void removeDepartment(String code);

    /**
     * Removes a section added by mistake: only while nobody belongs to it, no issue names it (as owner or related
     * section) and no department has it as its lead section; otherwise it is {@link #IN_USE}. Audited with its names.
     */
    void removeSection(String code);

    /**
     * Adds an enabled person. STAFF, SECTION_CHIEF, CITY_COORDINATOR, EXTERNAL_PARTNER and SERVICE need a section
     * (the department is the section's); DEPARTMENT_HEAD and DEPARTMENT_COORDINATOR a department; AUDITOR and ADMIN
     * neither. Everyone but SERVICE needs an initial password, stored as a bcrypt hash; SERVICE accounts sign in only
     * with API tokens and must not have one. The e-mail address is optional: without one, mail goes to
     * {@code username@} the city's recipient domain.
     */
    void addPerson(NewPerson person);

    /**
     * Gives a person a new role and the section or department that role needs (as for {@link #addPerson}). Becoming a
     * SERVICE account clears the password; leaving SERVICE revokes the account's API tokens. The administrator may not
     * change their own role ({@link #OWN_ACCOUNT}) nor take the role of the last enabled administrator
     * ({@link #LAST_ADMIN}). The same placement again is no change and is not audited.
     *
     * @return whether anything changed
     */
    boolean changePlacement(String username, Role role, String sectionCode, String departmentCode);

    /**
     * A person's display name (a new family name, a corrected spelling) and e-mail address (blank: none, so mail goes
     * to the usual address for the username). The username, and so the audit trail's actor, stays. A directory
     * account's name and address come from the directory again at its next sign-in. The same values again are no
     * change and are not audited.
     */
    void changeNameAndMailAddress(String username, String displayName, String mailAddress);

    /**
     * A disabled person can no longer sign in and is left out of {@link Organisation}'s lists. The administrator may not
     * disable their own account ({@link #OWN_ACCOUNT}) nor the last enabled administrator ({@link #LAST_ADMIN}).
     * Disabling a disabled person (or enabling an enabled one) is no change and is not audited.
     *
     * @return whether anything changed
     */
    boolean setEnabled(String username, boolean enabled);

    /** Everyone, enabled or not, by username. */
    List<PersonEntry> everyone();

    record NewPerson(String username, String displayName, Role role, String sectionCode, String departmentCode,
            String initialPassword, String mailAddress) {

        @Override
        public String toString() {
            return "NewPerson[" + username + ", " + role + "]";
        }
    }

    /** @param mailAddress the person's own address, or null */
    record PersonEntry(Person person, boolean enabled, String mailAddress) {
    }
}
