package jp.tsunagu.issue;

import jp.tsunagu.org.Person;

/**
 * Reveals an issue's personal details, in clear text, to those with a need to know: the owning section, the approvers
 * in the issue's chain and the auditors. Every reveal states a purpose and is audited; the clear text never is.
 */
public interface PersonalDetails {

    /** The clear text, or null when the issue has none. 404 if the caller may not see the issue, 403 if they may not reveal. */
    String reveal(String issueId, Person person, String purpose);

    /** Whether {@link #reveal} would let {@code person} reveal the details of an issue they may see; 404 if they may not. */
    boolean mayReveal(String issueId, Person person);
}
