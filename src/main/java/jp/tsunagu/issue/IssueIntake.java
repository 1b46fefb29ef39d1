package jp.tsunagu.issue;

import java.util.List;
import java.util.Optional;

import jp.tsunagu.org.Person;
import jp.tsunagu.org.Section;

/** Raises issues. */
public interface IssueIntake {

    /** The API's header for the key, and the field of the problem when a key is refused. */
    String IDEMPOTENCY_KEY = "Idempotency-Key";

    /**
     * Writes the issue, its audience and its audit event, and announces {@link IssueRaised} so that its process starts,
     * all in one transaction. A repeated {@code idempotencyKey} from the same person returns the first issue.
     */
    RaisedIssue raise(RaiseIssueRequest request, Person raiser, Optional<String> idempotencyKey);

    /** Refuses (403, audited) a person whose role never raises an issue, for any section: auditors and administrators. */
    void requireMayRaise(Person person);

    /** Whether the person raises issues for any section, by the rule {@link #raise} enforces (the menu asks). */
    boolean mayRaise(Person person);

    /** The sections {@link #raise} accepts from the person, as the raise form offers them; empty when none. */
    List<Section> sectionsToRaiseFor(Person person);
}
